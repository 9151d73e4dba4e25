"""Sending an issue to its subscribers, in batches of NEWSLETTER_BATCH_SIZE, one task each.

1. `start` (an editor's click) marks the issue as sending and enqueues `plan_batches`.
2. `plan_batches` records one pending delivery per subscriber confirmed before the start,
   numbered in batches, then enqueues `send_batch` for every batch with deliveries to send.
   The (issue, subscriber) unique constraint makes a second run add nothing, so running it
   again is how a send interrupted by a crash is resumed (`resume`, the admin's "Resume
   sending" and `manage.py resume_newsletters`).
3. `send_batch` claims each delivery (pending → sending, one conditional UPDATE) before its
   email leaves: a retried or duplicated batch finds nothing left to claim. A subscriber
   who unsubscribed meanwhile is skipped. The issue is marked sent once nothing is pending.

A crash between a claim and the email leaves that one delivery "being sent": it is never
sent again (nobody gets an issue twice), and the admin counts it.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .content import public_entries
from .emails import issue_message
from .models import (
    Delivery,
    DeliveryStatus,
    IssueStatus,
    NewsletterIssue,
    Subscriber,
    SubscriberStatus,
)
from .subscriptions import unsubscribe_url

logger = logging.getLogger(__name__)


class CannotSend(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@transaction.atomic
def start(issue, user):
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != IssueStatus.DRAFT:
        raise CannotSend(_("This issue has already been sent."))
    if not public_entries(issue):
        raise CannotSend(
            _("This issue has no public content to send: choose at least one public item.")
        )
    issue.status = IssueStatus.SENDING
    issue.send_started_at = timezone.now()
    issue.sent_by = user
    issue.save(update_fields=["status", "send_started_at", "sent_by"])
    transaction.on_commit(lambda: plan_batches.enqueue(issue.pk))
    return issue


def resume(issue):
    if issue.status != IssueStatus.SENDING:
        raise CannotSend(_("Only an issue being sent can be resumed."))
    transaction.on_commit(lambda: plan_batches.enqueue(issue.pk))


def _record_deliveries(issue_id):
    """Pending deliveries for the confirmed subscribers that have none yet, in new batches."""
    size = max(1, settings.NEWSLETTER_BATCH_SIZE)
    with transaction.atomic():
        # The lock keeps two planners from numbering the same batches.
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.status != IssueStatus.SENDING:
            return None
        missing = list(
            Subscriber.objects.confirmed()
            .filter(confirmed_at__lte=issue.send_started_at)
            .exclude(deliveries__issue=issue)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        first = (issue.deliveries.aggregate(last=Max("batch"))["last"] or 0) + 1
        Delivery.objects.bulk_create(
            [
                Delivery(issue=issue, subscriber_id=pk, batch=first + index // size)
                for index, pk in enumerate(missing)
            ],
            ignore_conflicts=True,
        )
        return issue


@task()
def plan_batches(issue_id):
    """Returns the number of batches enqueued."""
    issue = _record_deliveries(issue_id)
    if issue is None:
        return 0
    batches = sorted(
        set(issue.deliveries.filter(status=DeliveryStatus.PENDING).values_list("batch", flat=True))
    )
    for batch in batches:
        send_batch.enqueue(issue_id, batch)
    _finish_if_done(issue_id)
    return len(batches)


def _claim(delivery):
    """Whether this run owns the delivery: only one UPDATE can move it out of "pending"."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, claimed_at=timezone.now()
        )
    )


def _mark(delivery, status, error=""):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        error=error[:300],
        sent_at=timezone.now() if status == DeliveryStatus.SENT else None,
    )


@task()
def send_batch(issue_id, batch):
    """Send one batch; returns the number of emails sent."""
    issue = NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return 0
    entries = public_entries(issue)  # visibility checked again at sending time
    deliveries = list(
        issue.deliveries.filter(batch=batch, status=DeliveryStatus.PENDING)
        .select_related("subscriber")
        .order_by("pk")
    )
    sent = 0
    with get_connection() as connection:  # one connection to the mail server per batch
        for delivery in deliveries:
            if not _claim(delivery):
                continue  # another run of this batch took it
            subscriber = Subscriber.objects.get(pk=delivery.subscriber_id)
            if subscriber.status != SubscriberStatus.CONFIRMED:
                _mark(delivery, DeliveryStatus.SKIPPED)
                continue
            message = issue_message(
                issue, entries, subscriber, unsubscribe_url(subscriber), connection=connection
            )
            try:
                message.send()
            except smtplib.SMTPRecipientsRefused as error:
                _mark(delivery, DeliveryStatus.FAILED, str(error))
                continue
            except Exception:
                # The server is unreachable: the delivery goes back to the queue and the task
                # fails; resuming the send tries it again.
                _mark(delivery, DeliveryStatus.PENDING)
                raise
            _mark(delivery, DeliveryStatus.SENT)
            sent += 1
    _finish_if_done(issue_id)
    return sent


def _finish_if_done(issue_id):
    issue = NewsletterIssue.objects.get(pk=issue_id)
    if issue.deliveries.filter(status=DeliveryStatus.PENDING).exists():
        return
    NewsletterIssue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).update(
        status=IssueStatus.SENT, sent_at=timezone.now()
    )


def progress(issue):
    """Deliveries of an issue by status, for the admin."""
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for row in issue.deliveries.values("status").annotate(count=Count("pk")).order_by():
        counts[row["status"]] = row["count"]
    return counts
