"""One click in the mail client (RFC 8058: a POST to the List-Unsubscribe URL) or the link
in the email stops the newsletter, without logging in; the next issue does not come."""

import pytest
from django.core import mail
from django.test import Client

from newsletter import sending
from newsletter.factories import NewsletterIssueFactory
from newsletter.models import Subscriber, SubscriberStatus

from .conftest import items

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_email(django_capture_on_commit_callbacks, editor, issue, subscribers):
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue, editor)
    return next(m for m in mail.outbox if m.to == [subscribers[0].email])


def test_one_click_unsubscribe_by_post_to_the_header_url(
    sent_email, subscribers, content, editor, django_capture_on_commit_callbacks
):
    url = sent_email.extra_headers["List-Unsubscribe"].strip("<>")
    # What a mail client sends: no session, no CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        url.removeprefix("http://127.0.0.1:8000"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscriber.objects.get(pk=subscribers[0].pk).status == SubscriberStatus.UNSUBSCRIBED

    mail.outbox.clear()
    second = NewsletterIssueFactory(items=items(("page", content["public_page"].pk)))
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(second, editor)
    assert len(mail.outbox) == 4
    assert subscribers[0].email not in [m.to[0] for m in mail.outbox]


def test_the_link_opens_a_confirmation_page_first(sent_email, subscribers, client):
    path = sent_email.extra_headers["List-Unsubscribe"].strip("<>")[len("http://127.0.0.1:8000") :]
    response = client.get(path)
    assert response.status_code == 200
    assert subscribers[0].email in response.content.decode()
    assert Subscriber.objects.get(pk=subscribers[0].pk).status == SubscriberStatus.CONFIRMED
    assert client.post(path).status_code == 200
    assert Subscriber.objects.get(pk=subscribers[0].pk).status == SubscriberStatus.UNSUBSCRIBED


def test_a_tampered_unsubscribe_link_is_refused(client, subscribers):
    response = client.post("/lettre/desinscription/abc:def/")
    assert response.status_code == 400
    assert Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).count() == 5
