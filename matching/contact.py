"""Contact requests with double opt-in.

A requests, B sees the request with A's public profile only (public name, régions, wishes,
description: never A's account name or email) and accepts or declines. Only an accepted
request shows each side the other's contact details (`contact_details`), on the site and in
the acceptance email. The request email carries no contact detail.

Abuse is limited here: one request per pair whatever its outcome (a declined request cannot
be sent again, and a pending one in the other direction must be answered instead), and at
most `MATCHING_REQUESTS_PER_DAY` requests per member over 24 hours.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .choices import Kind
from .models import ContactRequest


class ContactError(Exception):
    """A request that cannot be sent or answered; the message is for the member."""

    status = 400


class TooManyRequests(ContactError):
    status = 429


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str


def contact_details(profile):
    owner = profile.owner
    return ContactDetails(name=owner.get_full_name() or owner.get_username(), email=owner.email)


def daily_limit():
    return settings.MATCHING_REQUESTS_PER_DAY


def sent_today(user):
    since = timezone.now() - timedelta(days=1)
    return ContactRequest.objects.filter(sender__owner=user, created_at__gte=since).count()


def _check_can_request(sender, recipient):
    if not sender.is_active:
        raise ContactError(_("Resume your profile before sending a contact request."))
    if not recipient.is_active or recipient.kind != Kind(sender.kind).opposite:
        raise ContactError(_("This profile is not available."))
    if recipient.owner_id == sender.owner_id:
        raise ContactError(_("You cannot send a contact request to yourself."))
    existing = ContactRequest.objects.filter(
        Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender)
    ).first()
    if existing is not None:
        if existing.sender_id == recipient.pk and existing.status == existing.Status.PENDING:
            raise ContactError(
                _("%(name)s has already sent you a request: answer it in your matching space.")
                % {"name": recipient.display_name}
            )
        if existing.status == existing.Status.DECLINED:
            raise ContactError(_("You cannot send another request to this profile."))
        raise ContactError(
            _("You have already been in touch with %(name)s.") % {"name": recipient.display_name}
        )
    if sent_today(sender.owner) >= daily_limit():
        raise TooManyRequests(
            _(
                "You have sent %(count)d contact requests in the last 24 hours, the most "
                "allowed: please try again tomorrow."
            )
            % {"count": daily_limit()}
        )


def request_url(contact_request):
    return absolute_url(reverse("matching:request", args=[contact_request.pk]))


def send_request(sender, recipient, message=""):
    """Create the request and tell the recipient, without any contact detail."""
    _check_can_request(sender, recipient)
    try:
        with transaction.atomic():
            contact_request = ContactRequest.objects.create(
                sender=sender, recipient=recipient, message=message.strip()
            )
    except IntegrityError as error:  # the same request sent twice at once
        raise ContactError(_("You cannot send another request to this profile.")) from error
    transaction.on_commit(
        lambda: send_templated_mail(
            "matching/email/request_received.txt",
            {
                "recipient": recipient,
                "sender": sender,
                "message": contact_request.message,
                "url": request_url(contact_request),
            },
            [recipient.owner.email],
            _("%(name)s would like to get in touch (matching)") % {"name": sender.display_name},
        )
    )
    return contact_request


def _check_can_answer(contact_request, user):
    if contact_request.recipient.owner_id != user.pk:
        raise ContactError(_("Only the person who received this request can answer it."))
    if contact_request.status != ContactRequest.Status.PENDING:
        raise ContactError(_("This request has already been answered."))
    if not contact_request.recipient.is_active:
        raise ContactError(_("Resume your profile before answering requests."))
    if not contact_request.sender.is_active:
        raise ContactError(_("This profile is paused: the request cannot be answered for now."))


@transaction.atomic
def accept(contact_request, user):
    """The second opt-in: from now on both sides see each other's contact details."""
    _check_can_answer(contact_request, user)
    contact_request.status = ContactRequest.Status.ACCEPTED
    contact_request.answered_at = timezone.now()
    contact_request.save(update_fields=["status", "answered_at"])
    sender, recipient = contact_request.sender, contact_request.recipient
    transaction.on_commit(
        lambda: send_templated_mail(
            "matching/email/request_accepted.txt",
            {
                "sender": sender,
                "recipient": recipient,
                "contact": contact_details(recipient),
                "url": request_url(contact_request),
            },
            [sender.owner.email],
            _("%(name)s accepted your contact request") % {"name": recipient.display_name},
        )
    )
    return contact_request


@transaction.atomic
def decline(contact_request, user):
    """No email: the sender sees the answer in their space, and cannot ask again."""
    _check_can_answer(contact_request, user)
    contact_request.status = ContactRequest.Status.DECLINED
    contact_request.answered_at = timezone.now()
    contact_request.save(update_fields=["status", "answered_at"])
    return contact_request
