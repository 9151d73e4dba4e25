"""Emails the site sends: plain text from a template, in the site's language, with absolute
links (emails are read outside the site)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_mail(template, context, to, subject, headers=None):
    """Render `template` (a .txt template) and send it to the `to` addresses; returns the
    number sent (0 when there is nobody to write to)."""
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=str(subject),
            body=render_to_string(template, context),
            to=recipients,
            headers=headers or {},
        )
        return message.send()
