"""An ad's life: published for CLASSIFIED_AD_LIFETIME_DAYS, a renewal email
CLASSIFIED_AD_RENEWAL_NOTICE_DAYS before it ends, then unpublished by the daily task
(`manage.py expire_classified_ads`) unless its author renewed it.

The renewal link in the email is signed and names the expiry date it renews: once used, the
date has moved and the link no longer works; it also stops working RENEWAL_LINK_MAX_AGE after
it was sent."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from home.mail import absolute_url, send_templated_mail

from .models import AdStatus, ClassifiedAd

RENEWAL_SALT = "classifieds.renewal"


def lifetime():
    return timedelta(days=settings.CLASSIFIED_AD_LIFETIME_DAYS)


def notice():
    return timedelta(days=settings.CLASSIFIED_AD_RENEWAL_NOTICE_DAYS)


def renewal_link_max_age():
    """A link sent a week before the end still works a week after it."""
    return 2 * notice()


def publish(ad, poster):
    now = timezone.now()
    ad.poster = poster
    ad.status = AdStatus.PUBLISHED
    ad.published_at = now
    ad.expires_at = now + lifetime()
    ad.reminder_sent_at = None
    ad.save()
    return ad


class CannotRenew(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def can_renew(ad):
    return not ad.is_hidden and ad.status in (AdStatus.PUBLISHED, AdStatus.EXPIRED)


def renew(ad):
    """Another lifetime from now, for a published or expired ad that is not hidden."""
    if not can_renew(ad):
        raise CannotRenew(_("This ad can no longer be renewed."))
    ad.status = AdStatus.PUBLISHED
    ad.expires_at = timezone.now() + lifetime()
    ad.reminder_sent_at = None
    ad.save(update_fields=["status", "expires_at", "reminder_sent_at", "updated_at"])
    return ad


def withdraw(ad):
    ad.status = AdStatus.WITHDRAWN
    ad.save(update_fields=["status", "updated_at"])
    return ad


def renewal_token(ad):
    return signing.dumps({"a": ad.pk, "e": int(ad.expires_at.timestamp())}, salt=RENEWAL_SALT)


INVALID_LINK = gettext_lazy("This renewal link is not valid.")
EXPIRED_LINK = gettext_lazy("This renewal link has expired. Log in and renew the ad from “My ads”.")
USED_LINK = gettext_lazy("This renewal link has already been used.")


def ad_for_renewal_token(token):
    """The ad a renewal link renews; CannotRenew with the reason when it cannot."""
    try:
        data = signing.loads(
            token, salt=RENEWAL_SALT, max_age=renewal_link_max_age().total_seconds()
        )
    except signing.SignatureExpired as error:
        raise CannotRenew(EXPIRED_LINK) from error
    except signing.BadSignature as error:
        raise CannotRenew(INVALID_LINK) from error
    ad = ClassifiedAd.objects.filter(pk=data.get("a")).first()
    if ad is None:
        raise CannotRenew(INVALID_LINK)
    if int(ad.expires_at.timestamp()) != data.get("e"):
        raise CannotRenew(USED_LINK)
    if not can_renew(ad):
        raise CannotRenew(_("This ad can no longer be renewed."))
    return ad


def expire(now=None):
    """Unpublish the ads past their date; saved one by one so the search index follows."""
    now = now or timezone.now()
    expired = 0
    for ad in ClassifiedAd.objects.filter(status=AdStatus.PUBLISHED, expires_at__lte=now):
        ad.status = AdStatus.EXPIRED
        ad.save(update_fields=["status", "updated_at"])
        expired += 1
    return expired


def send_renewal_reminders(now=None):
    """One email per ad ending within the notice period, with its renewal link."""
    now = now or timezone.now()
    due = ClassifiedAd.objects.visible(now).filter(
        expires_at__lte=now + notice(), reminder_sent_at__isnull=True, poster__isnull=False
    )
    sent = 0
    for ad in due.select_related("poster"):
        with transaction.atomic():
            # Claimed first, so that two workers never send the same reminder.
            claimed = ClassifiedAd.objects.filter(pk=ad.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
        sent += send_templated_mail(
            "classifieds/email/renewal_reminder.txt",
            {
                "ad": ad,
                "user": ad.poster,
                "renew_url": absolute_url(
                    reverse("classifieds:renew_by_link", args=[renewal_token(ad)])
                ),
                "ad_url": absolute_url(ad.get_absolute_url()),
                "lifetime_days": settings.CLASSIFIED_AD_LIFETIME_DAYS,
            },
            [ad.poster.email],
            _("Your ad ends soon: %(title)s") % {"title": ad.title},
        )
    return sent


@task()
def expire_classified_ads():
    """The daily upkeep of the ads: unpublish those past their date and remind the authors
    of those ending within a week. Returns what it did."""
    return {"expired": expire(), "reminded": send_renewal_reminders()}
