"""Keeping resources and observatory answers accurate.

Every resource and answer has an owner and a review interval. Once a day (`manage.py
send_review_digests`, run by cron or a systemd timer) each owner receives one email listing
what is due, with a "still accurate" link that records the review and a "needs an update"
link that opens the editor.
"""

from collections import defaultdict
from itertools import chain

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import QuestionPage, ResourcePage

REVIEWED_MODELS = (ResourcePage, QuestionPage)
SIGNING_SALT = "resources.freshness.review"  # namespaces the signature, not a secret
TOKEN_MAX_AGE = 60 * 60 * 24 * 45  # a digest's links stay valid for 45 days


def due_for_review(today=None):
    """Live reviewed pages whose review date has come, owner preloaded."""
    today = today or timezone.localdate()
    pages = chain.from_iterable(
        model.objects.live().select_related("content_owner").order_by("pk")
        for model in REVIEWED_MODELS
    )
    return [page for page in pages if page.review_due_on <= today]


def review_token(page, user):
    return signing.dumps({"page": page.pk, "user": user.pk}, salt=SIGNING_SALT)


def read_review_token(token):
    """(page_id, user_id) from a token, or None if it is forged or expired."""
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return data["page"], data["user"]


def record_review(page, today=None):
    """Mark a page as reviewed today, on the live page and on its latest revision, so that the
    next publication from the editor keeps the date."""
    today = today or timezone.localdate()
    with transaction.atomic():
        page.last_reviewed_on = today
        page.save(update_fields=["last_reviewed_on"])
        revision = page.latest_revision
        if revision is not None:
            revision.content["last_reviewed_on"] = today.isoformat()
            revision.save(update_fields=["content"])


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def digest_items(owner, pages):
    return [
        {
            "page": page,
            "due_on": page.review_due_on,
            "view_url": _absolute(page.url or "/"),
            "accurate_url": _absolute(
                reverse("resources:review", args=[review_token(page, owner)])
            ),
            "edit_url": _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }
        for page in pages
    ]


@task()
def send_review_digests():
    """One email per owner listing everything of theirs that is due for review."""
    by_owner = defaultdict(list)
    for page in due_for_review():
        if page.content_owner and page.content_owner.email and page.content_owner.is_active:
            by_owner[page.content_owner].append(page)
    with translation.override(settings.LANGUAGE_CODE):
        for owner, pages in by_owner.items():
            context = {"owner": owner, "items": digest_items(owner, pages)}
            message = EmailMultiAlternatives(
                subject=_("%(count)s resources to review") % {"count": len(pages)}
                if len(pages) > 1
                else _("A resource to review"),
                body=render_to_string("resources/email/review_digest.txt", context),
                to=[owner.email],
            )
            message.attach_alternative(
                render_to_string("resources/email/review_digest.html", context), "text/html"
            )
            message.send()
    return sum(len(pages) for pages in by_owner.values())
