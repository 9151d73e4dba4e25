"""Contributions offered to a group: spam protection (a honeypot in the form, the shared rate
limit of home.ratelimit; no third-party service), coordinators' triage, and the emails both
ways."""

import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .joining import _coordination_url, _coordinator_emails


def client_hash(request):
    """A keyed hash of the sender's address: enough to count their submissions, useless to
    identify them. Behind a proxy, REMOTE_ADDR must be set from the proxy's header."""
    address = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def submit(contribution):
    contribution.save()
    group = contribution.group
    transaction.on_commit(
        lambda: send_templated_mail(
            "workgroups/email/contribution_received.txt",
            {"group": group, "contribution": contribution, "url": _coordination_url(group)},
            _coordinator_emails(group),
            _("New contribution offered to %(group)s") % {"group": group.title},
        )
    )
    return contribution


@transaction.atomic
def triage(contribution, actor, status, reply=""):
    """Accept, decline or archive; the contributor is told when there is something to say."""
    contribution.status = status
    contribution.reply = reply
    contribution.replied_by = actor
    contribution.replied_at = timezone.now()
    contribution.save()
    if status == "archived" and not reply:
        return
    group = contribution.group
    transaction.on_commit(
        lambda: send_templated_mail(
            "workgroups/email/contribution_answered.txt",
            {"group": group, "contribution": contribution, "url": absolute_url(group.url or "/")},
            [contribution.email],
            _("Your contribution to %(group)s") % {"group": group.title},
        )
    )
