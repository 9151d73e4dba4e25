"""Subscribing takes two steps: the form, then the signed link of the confirmation email.
Until then the address gets nothing but that email; a bad or expired link confirms nothing;
robots and floods are kept out as in the other public forms."""

import re

import pytest
from django.core import mail

from newsletter import sending
from newsletter.models import Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


def confirmation_link(message):
    return re.search(r"http://127\.0\.0\.1:8000(/lettre/confirmation/[^/\s]+/)", message.body)[1]


def test_an_address_is_subscribed_only_once_its_owner_confirms(
    post, client, django_capture_on_commit_callbacks, editor, issue
):
    response = post("/lettre/", {"email": "  Lucie.Petit@Example.org "})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lucie.petit@example.org"
    assert subscriber.status == SubscriberStatus.PENDING

    # Unconfirmed: the issue sent now does not reach her.
    (confirmation,) = mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue, editor)
    assert [m.to for m in mail.outbox] == [["lucie.petit@example.org"]]
    assert confirmation.alternatives[0][1] == "text/html"
    link = confirmation_link(confirmation)
    assert link in confirmation.alternatives[0][0]

    # Opening the link shows a button (mail scanners that follow links confirm nothing).
    assert client.get(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING

    assert client.post(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_a_tampered_or_expired_link_confirms_nothing(post, client, settings):
    post("/lettre/", {"email": "lucie@example.org"})
    link = confirmation_link(mail.outbox[0])

    tampered = link[:-3] + "xx/"
    response = client.post(tampered)
    assert response.status_code == 400
    assert "pas valide" in response.content.decode()

    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1  # every link is now older than allowed
    response = client.post(link)
    assert response.status_code == 400
    assert "a expiré" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_an_address_already_subscribed_gets_no_new_email_and_the_page_says_the_same(post, client):
    post("/lettre/", {"email": "lucie@example.org"})
    client.post(confirmation_link(mail.outbox[0]))
    first = post("/lettre/", {"email": "lucie@example.org"}, follow=True)
    assert len(mail.outbox) == 1
    fresh = post("/lettre/", {"email": "autre@example.org"}, follow=True)
    assert len(mail.outbox) == 2
    notice = re.compile(r'<li class="message message--success">(.*?)</li>', re.S)
    assert notice.findall(first.content.decode()) == notice.findall(fresh.content.decode())


def test_a_bad_address_gets_a_french_error(post):
    response = post("/lettre/", {"email": "pas-une-adresse"})
    assert response.status_code == 200
    assert "adresse" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_honeypot_and_the_rate_limit_keep_robots_out(post, settings):
    response = post("/lettre/", {"email": "robot@example.org", "website": "http://spam"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox

    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = 2
    for n in range(2):
        assert post("/lettre/", {"email": f"lot{n}@example.org"}).status_code == 302
    response = post("/lettre/", {"email": "lot3@example.org"})
    assert response.status_code == 429
    assert Subscriber.objects.count() == 2 and len(mail.outbox) == 2
