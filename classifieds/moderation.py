"""Reports reach the moderators (the Editors group), who hide an ad in the admin. Hiding an
ad closes its open reports; a hidden ad is out of the listing, the search and its address."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .models import AdReport, ClassifiedAd, ReportStatus

EDITORS_GROUP = "Editors"


def moderator_emails():
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


@transaction.atomic
def report(ad, reason, details, client, reporter=None):
    created = AdReport.objects.create(
        ad=ad,
        reason=reason,
        details=details,
        client_hash=client,
        reporter=reporter if reporter and reporter.is_authenticated else None,
    )
    admin_url = absolute_url(reverse("wagtailsnippets_classifieds_classifiedad:edit", args=[ad.pk]))
    transaction.on_commit(
        lambda: send_templated_mail(
            "classifieds/email/report_received.txt",
            {"ad": ad, "report": created, "admin_url": admin_url},
            moderator_emails(),
            _("Ad reported: %(title)s") % {"title": ad.title},
        )
    )
    return created


def _remember_hidden(sender, instance, **kwargs):
    instance._was_hidden = (
        ClassifiedAd.objects.filter(pk=instance.pk).values_list("is_hidden", flat=True).first()
        if instance.pk
        else False
    )


def _close_reports_of_hidden_ad(sender, instance, created, raw=False, **kwargs):
    if raw or not instance.is_hidden or getattr(instance, "_was_hidden", False):
        return
    instance.reports.filter(status=ReportStatus.OPEN).update(status=ReportStatus.CLOSED)


def connect():
    pre_save.connect(_remember_hidden, sender=ClassifiedAd, dispatch_uid="classifieds_hidden")
    post_save.connect(
        _close_reports_of_hidden_ad, sender=ClassifiedAd, dispatch_uid="classifieds_close"
    )
