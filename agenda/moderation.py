"""Members propose events, editors publish or reject them in the admin.

A proposal is saved as pending and the editors get an email with a link to it; when an editor
changes its status, the submitter hears about it. Only published events are listed, searched
and put in the feeds (`Event.objects.published()`)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .models import Event, EventStatus

EDITORS_GROUP = "Editors"


def editor_emails():
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def admin_url(event):
    return absolute_url(reverse("wagtailsnippets_agenda_event:edit", args=[event.pk]))


@transaction.atomic
def submit(event, user):
    """Save a member's proposal, waiting for moderation, and tell the editors."""
    event.status = EventStatus.PENDING
    event.submitted_by = user
    event.save()
    transaction.on_commit(
        lambda: send_templated_mail(
            "agenda/email/event_submitted.txt",
            {"event": event, "submitter": user, "url": admin_url(event)},
            editor_emails(),
            _("Event to moderate: %(title)s") % {"title": event.title},
        )
    )
    return event


def _remember_status(sender, instance, **kwargs):
    """Before a save: the status as it is in the database, and when it was moderated."""
    previous = (
        Event.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        if instance.pk
        else None
    )
    instance._previous_status = previous
    if previous and previous != instance.status and instance.status != EventStatus.PENDING:
        instance.moderated_at = timezone.now()


def _tell_submitter(sender, instance, created, raw=False, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if raw or created or previous == instance.status or instance.status == EventStatus.PENDING:
        return
    submitter = instance.submitted_by
    if submitter is None or not submitter.email:
        return
    published = instance.status == EventStatus.PUBLISHED
    subject = (
        _("Your event is published: %(title)s")
        if published
        else _("Your event was not published: %(title)s")
    ) % {"title": instance.title}
    transaction.on_commit(
        lambda: send_templated_mail(
            "agenda/email/event_moderated.txt",
            {
                "event": instance,
                "published": published,
                "url": absolute_url(instance.get_absolute_url()),
            },
            [submitter.email],
            subject,
        )
    )


def connect():
    pre_save.connect(_remember_status, sender=Event, dispatch_uid="agenda_remember_status")
    post_save.connect(_tell_submitter, sender=Event, dispatch_uid="agenda_tell_submitter")
