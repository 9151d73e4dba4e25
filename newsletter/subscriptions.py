"""Subscribing with double opt-in and unsubscribing in one click.

The form only records a pending address and emails it a signed confirmation link (valid
NEWSLETTER_CONFIRMATION_MAX_AGE seconds); nothing is sent to an address until its owner
confirms. The answer never tells whether an address was already subscribed. Unsubscribe
links are signed too and never expire: an old issue must still let its reader stop the emails.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url
from workgroups.contributions import client_hash

from .emails import send_multipart
from .models import Subscriber, SubscriberStatus, SubscriptionRequest

__all__ = ["client_hash"]

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidLink(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def is_rate_limited(client):
    """Whether this sender already sent NEWSLETTER_SUBSCRIBE_RATE_LIMIT forms within the hour."""
    since = timezone.now() - timedelta(hours=1)
    recent = SubscriptionRequest.objects.filter(client_hash=client, created_at__gte=since)
    return recent.count() >= settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT


def confirmation_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber):
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber):
    return absolute_url(reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]))


@transaction.atomic
def request_subscription(email, client):
    """Record the request and, unless the address is already subscribed, send it a
    confirmation link (after the commit)."""
    SubscriptionRequest.objects.create(client_hash=client)
    email = email.strip().lower()
    subscriber, _created = Subscriber.objects.select_for_update().get_or_create(email=email)
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return subscriber  # nothing to confirm; the page says the same either way
    subscriber.status = SubscriberStatus.PENDING
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save()
    url = absolute_url(reverse("newsletter:confirm", args=[confirmation_token(subscriber)]))
    transaction.on_commit(
        lambda: send_multipart(
            "newsletter/email/confirm",
            {"confirm_url": url, "max_age_days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400},
            [email],
            _("Confirm your subscription to the newsletter"),
        )
    )
    return subscriber


def subscriber_for_confirmation(token):
    """The pending (or already confirmed) subscriber of a confirmation link."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise InvalidLink(
            _("This confirmation link has expired. Subscribe again to receive a new one.")
        ) from error
    except signing.BadSignature as error:
        raise InvalidLink(
            _("This confirmation link is not valid. Copy the whole link from the email.")
        ) from error
    subscriber = Subscriber.objects.filter(pk=data.get("s"), email=data.get("e")).first()
    if subscriber is None or subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        raise InvalidLink(
            _("This confirmation link is no longer valid. Subscribe again to receive a new one.")
        )
    return subscriber


def confirm(subscriber):
    if subscriber.status != SubscriberStatus.CONFIRMED:
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def subscriber_for_unsubscribe(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidLink(
            _("This unsubscribe link is not valid. Copy the whole link from the email.")
        ) from error
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise InvalidLink(_("This address is no longer in our list: you will receive nothing."))
    return subscriber


def unsubscribe(subscriber):
    """Stop every email at once, including the rest of an issue being sent."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber
