"""An issue goes to its confirmed subscribers in batches, one task each: nobody gets it twice
whatever happens to the tasks (retried, run twice, resumed after a crash), an unsubscribed
address never, and only public content is in the email."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError

from newsletter import sending
from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, DeliveryStatus, IssueStatus, SubscriberStatus
from newsletter.subscriptions import unsubscribe

from .conftest import HIDDEN_TITLES, PUBLIC_TITLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks, editor):
    def start(issue):
        with django_capture_on_commit_callbacks(execute=True):
            sending.start(issue, editor)
        issue.refresh_from_db()
        return issue

    return start


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_every_confirmed_subscriber_gets_the_issue_once_in_batches_of_the_set_size(
    settings, send, issue, subscribers
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    SubscriberFactory(email="en.attente@example.org", status=SubscriberStatus.PENDING)
    SubscriberFactory(email="parti@example.org", status=SubscriberStatus.UNSUBSCRIBED)

    issue = send(issue)

    assert recipients() == sorted(s.email for s in subscribers)
    assert issue.status == IssueStatus.SENT and issue.sent_at is not None
    sizes = [
        Delivery.objects.filter(issue=issue, batch=batch).count()
        for batch in sorted(set(Delivery.objects.values_list("batch", flat=True)))
    ]
    assert sizes == [2, 2, 1]
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_running_the_tasks_again_sends_nothing_more(settings, send, issue, subscribers):
    settings.NEWSLETTER_BATCH_SIZE = 2
    issue = send(issue)
    sent = len(mail.outbox)

    # A retried or duplicated run of every task, and the admin's "resume".
    assert sending.send_batch.call(issue.pk, 1) == 0
    assert sending.send_batch.call(issue.pk, 2) == 0
    issue.status = IssueStatus.SENDING
    issue.save()
    assert sending.plan_batches.call(issue.pk) == 0

    assert len(mail.outbox) == sent == 5
    assert Delivery.objects.filter(issue=issue).count() == 5


def test_the_database_refuses_a_second_delivery_of_an_issue_to_a_subscriber(issue, subscribers):
    Delivery.objects.create(issue=issue, subscriber=subscribers[0], batch=1)
    with pytest.raises(IntegrityError):
        Delivery.objects.create(issue=issue, subscriber=subscribers[0], batch=2)


def test_a_send_interrupted_by_a_crash_resumes_where_it_stopped(
    settings, django_capture_on_commit_callbacks, editor, issue, subscribers
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    # The crash: the issue was marked as sending, its deliveries recorded, one batch sent,
    # then the worker died (no task left in the queue).
    sending.start(issue, editor)  # its commit callback (the planning task) is lost
    sending._record_deliveries(issue.pk)
    sending.send_batch.call(issue.pk, 1)
    first_batch = recipients()
    assert len(first_batch) == 2

    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume_newsletters", stdout=StringIO())

    assert len(mail.outbox) == 5
    assert recipients() == sorted(s.email for s in subscribers)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_who_unsubscribes_during_the_send_is_skipped(settings, editor, issue, subscribers):
    settings.NEWSLETTER_BATCH_SIZE = 10
    sending.start(issue, editor)
    sending._record_deliveries(issue.pk)
    unsubscribe(subscribers[0])

    assert sending.send_batch.call(issue.pk, 1) == 4
    assert subscribers[0].email not in recipients()
    skipped = Delivery.objects.get(subscriber=subscribers[0])
    assert skipped.status == DeliveryStatus.SKIPPED


def test_who_confirms_after_the_start_does_not_get_the_issue(settings, editor, issue, subscribers):
    sending.start(issue, editor)
    late = SubscriberFactory(email="tardif@example.org")
    sending.plan_batches.call(issue.pk)
    assert late.email not in recipients()
    assert len(mail.outbox) == 5


def test_the_email_has_text_and_html_parts_with_public_content_and_one_click_unsubscribe(
    send, issue, subscribers
):
    send(issue)
    message = next(m for m in mail.outbox if m.to == [subscribers[0].email])
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject == "Lettre de mars"
    for part in (message.body, html):
        for title in PUBLIC_TITLES:
            assert title in part
        for title in HIDDEN_TITLES:
            assert title not in part
        assert "Les premières étapes pour réunir des futurs voisins." in part  # summary
        assert "Visitez trois habitats participatifs habités." in part
        assert "Une trame commentée à adapter." in part
        assert "http://127.0.0.1:8000/guide/" in part  # absolute links
    assert "/reserve/" not in message.body + html
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("http://127.0.0.1:8000/lettre/desinscription/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in message.body and unsubscribe_url in html
    # Each subscriber has their own link.
    other = next(m for m in mail.outbox if m.to == [subscribers[1].email])
    assert other.extra_headers["List-Unsubscribe"] != message.extra_headers["List-Unsubscribe"]


def test_an_issue_without_public_content_cannot_be_sent(editor, issue, content):
    from .conftest import items

    issue.items = items(("page", content["members_page"].pk))
    issue.save()
    with pytest.raises(sending.CannotSend):
        sending.start(issue, editor)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_an_issue_cannot_be_sent_twice(send, editor, issue, subscribers):
    send(issue)
    with pytest.raises(sending.CannotSend):
        sending.start(issue, editor)
    assert len(mail.outbox) == 5
