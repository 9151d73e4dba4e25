"""Followers of a group hear about its new news, meetings, working documents and documents:
an in-site notification at once, a daily email digest later. Nobody hears about what they may
not see: visibility is checked when the notification is made and again when it is emailed."""

from collections import defaultdict

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from home.mail import absolute_url, send_templated_mail
from home.visibility import visible_documents, visible_pages

UNSUBSCRIBE_SALT = "workgroups.unsubscribe"


def _followers(group):
    from .models import Follow

    return [follow.user for follow in Follow.objects.filter(group=group).select_related("user")]


def _create(user, group, **item):
    from .models import Notification

    try:
        with transaction.atomic():
            Notification.objects.create(user=user, group=group, **item)
    except IntegrityError:  # already notified about this item
        pass


@task()
def notify_page_followers(page_id):
    from wagtail.models import Page

    from .models import WorkingGroupPage

    page = Page.objects.filter(pk=page_id).live().first()
    group = page and WorkingGroupPage.objects.ancestor_of(page).first()
    if group is None:
        return 0
    notified = 0
    for user in _followers(group):
        if user.is_active and visible_pages(Page.objects.filter(pk=page.pk), user).exists():
            _create(user, group, page=page)
            notified += 1
    return notified


@task()
def notify_document_followers(document_id):
    from wagtail.documents import get_document_model

    from .models import WorkingGroupPage

    document = get_document_model().objects.filter(pk=document_id).first()
    group = document and WorkingGroupPage.objects.filter(collection=document.collection_id).first()
    if group is None:
        return 0
    notified = 0
    for user in _followers(group):
        queryset = get_document_model().objects.filter(pk=document.pk)
        if user.is_active and visible_documents(queryset, user).exists():
            _create(user, group, document=document)
            notified += 1
    return notified


def unsubscribe_token(user, group=None):
    return signing.dumps({"u": user.pk, "g": group.pk if group else None}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, group id or None) or None when the link was tampered with. Unsubscribe links
    do not expire: an old digest must still let its reader stop the emails."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data.get("u"), data.get("g")


def _still_visible(notifications, user):
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    page_ids = {n.page_id for n in notifications if n.page_id}
    document_ids = {n.document_id for n in notifications if n.document_id}
    pages = set(
        visible_pages(Page.objects.filter(pk__in=page_ids).live(), user).values_list(
            "pk", flat=True
        )
    )
    documents = set(
        visible_documents(
            get_document_model().objects.filter(pk__in=document_ids), user
        ).values_list("pk", flat=True)
    )
    return [n for n in notifications if n.page_id in pages or n.document_id in documents]


def digest_entry(notification):
    if notification.page_id:
        url = notification.page.url or "/"
    else:
        url = reverse("resources:document_detail", args=[notification.document_id])
    return {"title": notification.title, "url": absolute_url(url), "group": notification.group}


@task()
def send_daily_digests():
    """One email per follower with what is new in the groups they follow by email since their
    last digest; returns the number of emails sent."""
    from .models import Follow, Notification

    by_email = set(Follow.objects.filter(email_digest=True).values_list("user_id", "group_id"))
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
        .select_related("user", "group", "page", "document")
        .order_by("user_id", "group__title", "created_at")
    )
    by_user = defaultdict(list)
    for notification in pending:
        if (notification.user_id, notification.group_id) in by_email:
            by_user[notification.user].append(notification)
    sent = 0
    now = timezone.now()
    for user, notifications in by_user.items():
        visible = _still_visible(notifications, user) if user.is_active else []
        if visible and user.email:
            unsubscribe_url = absolute_url(
                reverse("workgroups:unsubscribe", args=[unsubscribe_token(user)])
            )
            sent += send_templated_mail(
                "workgroups/email/digest.txt",
                {
                    "user": user,
                    "entries": [digest_entry(n) for n in visible],
                    "unsubscribe_url": unsubscribe_url,
                },
                [user.email],
                _("What's new in your groups"),
                headers={"List-Unsubscribe": f"<{unsubscribe_url}>"},
            )
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)
    return sent
