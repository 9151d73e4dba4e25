"""Replies to an ad and reports about it: spam kept out by a honeypot in the forms and the
shared rate limit (home.ratelimit, per sender and hour). The poster's address is only ever the
recipient of an email: it is never shown, indexed or put in a page."""

from django.db import transaction
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail
from workgroups.contributions import client_hash

from .models import AdReply

__all__ = ["client_hash", "send_reply"]


@transaction.atomic
def send_reply(ad, client, name, email, message):
    """Forward a reader's message to the ad's author, who answers the reader directly
    (Reply-To); the reader never learns the author's address unless they answer."""
    AdReply.objects.create(ad=ad, client_hash=client)
    poster_email = ad.poster.email
    transaction.on_commit(
        lambda: send_templated_mail(
            "classifieds/email/reply.txt",
            {
                "ad": ad,
                "name": name,
                "email": email,
                "message": message,
                "ad_url": absolute_url(ad.get_absolute_url()),
            },
            [poster_email],
            _("Reply to your ad: %(title)s") % {"title": ad.title},
            headers={"Reply-To": email},
        )
    )
