"""The newsletter's emails: an HTML part and a plain-text part from two templates of the same
name (`.html`, `.txt`), in the site's language, with absolute links.

Each issue email carries the RFC 8058 one-click unsubscribe headers: mail clients show an
"Unsubscribe" button that POSTs to the `List-Unsubscribe` URL, without any login."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from home.mail import absolute_url


def build_multipart(template_base, context, to, subject, headers=None, connection=None):
    with translation.override(settings.LANGUAGE_CODE):
        message = EmailMultiAlternatives(
            subject=str(subject),
            body=render_to_string(f"{template_base}.txt", context),
            to=to,
            headers=headers or {},
            connection=connection,
        )
        message.attach_alternative(render_to_string(f"{template_base}.html", context), "text/html")
    return message


def send_multipart(template_base, context, to, subject, headers=None):
    recipients = [address for address in to if address]
    if not recipients:
        return 0
    return build_multipart(template_base, context, recipients, subject, headers).send()


def issue_context(issue, entries, unsubscribe_url):
    return {
        "issue": issue,
        "paragraphs": [p.strip() for p in issue.intro.split("\n\n") if p.strip()],
        "entries": entries,
        "unsubscribe_url": unsubscribe_url,
        "archive_url": absolute_url(reverse("newsletter:archive")),
        "subscribe_url": absolute_url(reverse("newsletter:subscribe")),
    }


def issue_message(issue, entries, subscriber, unsubscribe_url, connection=None):
    """The email of `issue` for one subscriber, with their own unsubscribe link."""
    return build_multipart(
        "newsletter/email/issue",
        issue_context(issue, entries, unsubscribe_url),
        [subscriber.email],
        issue.title,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        connection=connection,
    )


def editor_copy(issue, entries, address):
    """The editor's test copy: the same email, its subject marked, and no working unsubscribe
    link (the editor is not a subscriber)."""
    placeholder = absolute_url(reverse("newsletter:subscribe"))
    return build_multipart(
        "newsletter/email/issue",
        {**issue_context(issue, entries, placeholder), "is_test": True},
        [address],
        _("[Test] %(title)s") % {"title": issue.title},
    )
