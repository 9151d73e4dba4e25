"""Writing to a project through the site. The project's address is never shown: the message
goes by email to the project (or, without an address, to its working group's coordinators),
with the sender's address as Reply-To. Spam is kept out by a honeypot in the form and the
shared rate limit (home.ratelimit)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail
from workgroups.contributions import client_hash  # noqa: F401 (the views use it from here)
from workgroups.joining import _coordinator_emails

from .models import ContactMessage


def recipients(project):
    if project.contact_email:
        return [project.contact_email]
    if project.working_group_id:
        return _coordinator_emails(project.working_group)
    return []


def can_be_contacted(project):
    return bool(recipients(project))


@transaction.atomic
def send_message(project, client, *, name, email, message):
    # A trace of each message (project, keyed hash of the sender's address), kept for a day.
    ContactMessage.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    ContactMessage.objects.create(project=project, client_hash=client)
    to = recipients(project)
    context = {
        "project": project,
        "name": name,
        "email": email,
        "message": message,
        "url": absolute_url(project.get_absolute_url()),
    }
    transaction.on_commit(
        lambda: send_templated_mail(
            "projects/email/contact_message.txt",
            context,
            to,
            _("Message about %(project)s from %(name)s") % {"project": project.name, "name": name},
            headers={"Reply-To": email},
        )
    )
