"""Double opt-in: a request reveals nothing; only acceptance shows each side the other's
name and email. Declines are final, duplicates and floods are refused."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from matching import contact
from matching.factories import ContactRequestFactory, ProfileFactory
from matching.models import ContactRequest

pytestmark = pytest.mark.django_db


def secrets_of(*profiles):
    """What must stay hidden before acceptance: each side's email and last name (and the
    username, which often spells the name)."""
    return [
        value
        for profile in profiles
        for value in (profile.owner.email, profile.owner.last_name, profile.owner.username)
    ]


def assert_hidden(text, secrets):
    for secret in secrets:
        assert secret not in text, secret


def contents(client, *urls):
    pages = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        pages.append(response.content.decode())
    return "\n".join(pages)


def test_contact_details_appear_only_after_both_sides_agree(client, post, alice, ruche):
    secrets = secrets_of(alice, ruche)
    home = reverse("matching:home")

    # Aline finds the group and asks to get in touch.
    client.force_login(alice.owner)
    seen = contents(
        client,
        home,
        reverse("matching:suggestions", args=[alice.pk]),
        reverse("matching:contact", args=[alice.pk, ruche.pk]),
    )
    response = post(
        reverse("matching:contact", args=[alice.pk, ruche.pk]),
        {"message": "Bonjour, votre projet me plaît beaucoup."},
        follow=True,
    )
    request = ContactRequest.objects.get()
    assert (request.sender, request.recipient, request.status) == (alice, ruche, "pending")
    seen += response.content.decode()
    seen += contents(client, home, reverse("matching:request", args=[request.pk]))

    # Bruno is told by email, without any contact detail, and reads the request.
    (notice,) = mail.outbox
    assert notice.to == ["bruno.zl@exemple.org"]
    assert "Aline" in notice.body and reverse("matching:request", args=[request.pk]) in notice.body
    seen += notice.subject + notice.body + str(notice.extra_headers) + notice.from_email
    client.force_login(ruche.owner)
    seen += contents(
        client,
        home,
        reverse("matching:request", args=[request.pk]),
        reverse("matching:suggestions", args=[ruche.pk]),
    )
    assert "Bonjour, votre projet me plaît beaucoup." in seen
    assert_hidden(seen, secrets)

    # Bruno accepts: now each sees the other's name and email, and Aline gets an email.
    post(reverse("matching:accept", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == "accepted" and request.answered_at is not None
    bruno_sees = contents(client, reverse("matching:request", args=[request.pk]))
    assert "aline.vq@exemple.org" in bruno_sees and "Vasseur-Quintard" in bruno_sees
    assert "bruno.zl@exemple.org" not in bruno_sees  # his own address is not needed
    client.force_login(alice.owner)
    aline_sees = contents(client, reverse("matching:request", args=[request.pk]))
    assert "bruno.zl@exemple.org" in aline_sees and "Zéphyrin-Lacombe" in aline_sees
    accepted = mail.outbox[-1]
    assert accepted.to == ["aline.vq@exemple.org"]
    assert "bruno.zl@exemple.org" in accepted.body


def test_only_the_recipient_answers_and_only_once(client, post, alice, ruche):
    request = ContactRequestFactory(sender=alice, recipient=ruche)
    client.force_login(alice.owner)  # the sender cannot accept her own request
    assert post(reverse("matching:accept", args=[request.pk])).status_code == 404
    intruder = ProfileFactory(group=True)
    client.force_login(intruder.owner)
    assert client.get(reverse("matching:request", args=[request.pk])).status_code == 404
    assert post(reverse("matching:accept", args=[request.pk])).status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"
    client.force_login(ruche.owner)
    post(reverse("matching:decline", args=[request.pk]))
    post(reverse("matching:accept", args=[request.pk]))  # too late: already answered
    request.refresh_from_db()
    assert request.status == "declined"


def test_a_declined_request_reveals_nothing_and_cannot_be_repeated(client, post, alice, ruche):
    request = ContactRequestFactory(sender=alice, recipient=ruche)
    client.force_login(ruche.owner)
    post(reverse("matching:decline", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == "declined"
    assert not mail.outbox  # nobody is emailed about a decline
    bruno_sees = contents(client, reverse("matching:request", args=[request.pk]))
    client.force_login(alice.owner)
    aline_sees = contents(client, reverse("matching:request", args=[request.pk]))
    assert_hidden(bruno_sees + aline_sees, secrets_of(alice, ruche))
    # Aline cannot ask again, through the site or otherwise.
    url = reverse("matching:contact", args=[alice.pk, ruche.pk])
    assert client.get(url).status_code == 404
    assert post(url, {"message": "Encore moi"}).status_code == 404
    with pytest.raises(contact.ContactError):
        contact.send_request(alice, ruche)
    assert ContactRequest.objects.count() == 1


def test_duplicates_are_refused_in_both_directions(client, post, alice, ruche):
    client.force_login(alice.owner)
    url = reverse("matching:contact", args=[alice.pk, ruche.pk])
    post(url, {"message": ""})
    response = post(url, {"message": "Deuxième fois"})
    request = ContactRequest.objects.get()
    assert response["Location"] == reverse("matching:request", args=[request.pk])
    with pytest.raises(contact.ContactError):
        contact.send_request(alice, ruche)
    with pytest.raises(contact.ContactError):  # the group must answer, not ask back
        contact.send_request(ruche, alice)
    assert ContactRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_requests_are_limited_per_day(client, post, alice, settings):
    settings.MATCHING_REQUESTS_PER_DAY = 2
    groups = [ProfileFactory(group=True, regions=["53"]) for _ in range(3)]
    client.force_login(alice.owner)
    for group in groups[:2]:
        response = post(reverse("matching:contact", args=[alice.pk, group.pk]), {"message": ""})
        assert response.status_code == 302
    response = post(reverse("matching:contact", args=[alice.pk, groups[2].pk]), {"message": "x"})
    assert response.status_code == 429
    assert ContactRequest.objects.count() == 2
    assert 'name="message"' in response.content.decode()  # the form and its text stay
    # A day later, Aline may ask again.
    ContactRequest.objects.update(created_at=timezone.now() - timezone.timedelta(hours=25))
    response = post(reverse("matching:contact", args=[alice.pk, groups[2].pk]), {"message": ""})
    assert response.status_code == 302
    assert ContactRequest.objects.count() == 3


def test_an_oversized_message_is_refused_and_kept(client, post, alice, ruche):
    client.force_login(alice.owner)
    text = "Bonjour ! " * 120
    response = post(reverse("matching:contact", args=[alice.pk, ruche.pk]), {"message": text})
    assert response.status_code == 400
    assert "message" in response.context["form"].errors
    assert text.strip() in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_paused_profiles_neither_send_nor_receive_nor_show(client, post, alice, ruche):
    ruche.status = "paused"
    ruche.save()
    client.force_login(alice.owner)
    assert client.get(reverse("matching:contact", args=[alice.pk, ruche.pk])).status_code == 404
    with pytest.raises(contact.ContactError):
        contact.send_request(alice, ruche)
    # An earlier accepted request no longer shows the paused profile nor its details.
    ruche.status = "active"
    ruche.save()
    request = ContactRequestFactory(sender=alice, recipient=ruche, status="accepted")
    ruche.status = "paused"
    ruche.save()
    page = contents(client, reverse("matching:request", args=[request.pk]))
    assert "La Ruche rennaise" not in page and "bruno.zl@exemple.org" not in page
