"""Accounts: nothing tells whether an address has an account; logins and sign-ups are rate
limited; accounts never confirmed are purged."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members import accounts
from members.factories import UserFactory

from .conftest import PASSWORD


def signup_data(email):
    return {
        "first_name": "Maëlle",
        "last_name": "Guérin",
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def page_text(response):
    """The page as a person reads it, without the CSRF token that differs on every request."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.django_db
def test_signup_answers_the_same_for_a_known_and_an_unknown_address(client, post, member):
    known = post(reverse("members:signup"), signup_data(member.email), follow=True)
    unknown = post(reverse("members:signup"), signup_data("nouvelle@example.org"), follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("members:signup_sent"), 302)]
    assert page_text(known) == page_text(unknown)
    # The owner of the known address is told; the new address gets its confirmation link.
    assert {message.to[0]: message.subject for message in mail.outbox} == {
        member.email: "Vous avez déjà un compte",
        "nouvelle@example.org": "Confirmez votre adresse e-mail",
    }
    assert get_user_model().objects.filter(email__iexact=member.email).count() == 1


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(client, post, member):
    known = post(reverse("members:password_reset"), {"email": member.email}, follow=True)
    unknown = post(
        reverse("members:password_reset"), {"email": "personne@example.org"}, follow=True
    )
    assert known.redirect_chain == unknown.redirect_chain
    assert page_text(known) == page_text(unknown)
    assert [message.to for message in mail.outbox] == [[member.email]]
    link = re.search(r"https?://[^/]+(/compte/mot-de-passe/\S+/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "un-nouveau-mot-2026", "new_password2": "un-nouveau-mot-2026"},
    )
    assert done["Location"] == reverse("members:password_reset_complete")
    member.refresh_from_db()
    assert member.check_password("un-nouveau-mot-2026")


@pytest.mark.django_db
def test_email_change_answers_the_same_whether_the_address_is_taken(client, post, member):
    other = UserFactory(username="prise", email="prise@example.org")
    client.force_login(member)
    taken = post(reverse("members:email_change"), {"email": other.email, "password": PASSWORD})
    free = post(
        reverse("members:email_change"), {"email": "libre@example.org", "password": PASSWORD}
    )

    def strip(response):
        return page_text(response).replace(other.email, "X").replace("libre@example.org", "X")

    assert taken.status_code == free.status_code == 200
    assert strip(taken) == strip(free)
    recipients = {message.to[0]: message.subject for message in mail.outbox}
    assert recipients == {
        other.email: "Quelqu'un a essayé d'utiliser votre adresse e-mail",
        "libre@example.org": "Confirmez votre nouvelle adresse e-mail",
    }
    member.refresh_from_db()
    assert member.email != "libre@example.org"  # not before the link is opened
    link = re.search(r"/compte/adresse/\S+/", mail.outbox[-1].body).group(0)
    post(link)
    member.refresh_from_db()
    assert member.email == "libre@example.org"


@pytest.mark.django_db
def test_email_change_needs_the_password(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:email_change"), {"email": "libre@example.org", "password": "faux"}
    )
    assert response.context["form"].errors["password"] == ["Ce n'est pas votre mot de passe."]
    assert mail.outbox == []


@pytest.mark.django_db
def test_login_is_locked_after_too_many_failures(client, member, settings):
    url = reverse("login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": member.username, "password": "mauvais"})
        assert response.status_code == 200
        assert "Identifiant ou mot de passe incorrect" in response.content.decode()
    locked = client.post(url, {"username": member.username, "password": "mauvais"})
    assert locked.status_code == 429
    assert "Trop de tentatives de connexion échouées" in locked.content.decode()
    # Even the right password is refused until the cool-off has passed.
    right = client.post(url, {"username": member.username, "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    # An administrator (or a test) resets it, and the member logs in.
    call_command("axes_reset", verbosity=0)
    right = client.post(url, {"username": member.username, "password": PASSWORD})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db
def test_signups_from_one_address_are_rate_limited(client, post, settings):
    settings.SIGNUP_RATE_LIMIT = 2
    for number in range(2):
        response = post(reverse("members:signup"), signup_data(f"n{number}@example.org"))
        assert response.status_code == 302
    refused = post(reverse("members:signup"), signup_data("n3@example.org"))
    assert refused.status_code == 429
    assert "réessayez dans une heure" in refused.content.decode()
    assert not get_user_model().objects.filter(email="n3@example.org").exists()
    assert 'value="n3@example.org"' in refused.content.decode()  # nothing typed is lost


@pytest.mark.django_db
def test_unconfirmed_signups_are_purged_after_the_retention_period(post, settings, member):
    settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS = 7
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        post(reverse("members:signup"), signup_data("jamais@example.org"))
        post(reverse("members:signup"), signup_data("confirme@example.org"))
    confirmed = get_user_model().objects.get(email="confirme@example.org")
    accounts.verify(accounts.verification_token(confirmed))
    with time_machine.travel(start + timedelta(days=6), tick=False):
        assert accounts.purge_unverified() == 0
    with time_machine.travel(start + timedelta(days=8), tick=False):
        call_command("purge_unverified_accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    emails = set(get_user_model().objects.values_list("email", flat=True))
    assert "jamais@example.org" not in emails
    assert {"confirme@example.org", member.email} <= emails
