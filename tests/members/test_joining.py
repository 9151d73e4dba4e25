"""Joining online: each kind of member, the SIRET check, the confirmation link."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from members.models import MemberProfile, Membership, MembershipKind, MembershipStatus

from .conftest import PASSWORD

ACCOUNT = {
    "first_name": "Maëlle",
    "last_name": "Guérin",
    "email": "maelle.guerin@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def join_data(tier, **extra):
    return {"tier": tier.pk, "region": "53", "town": "Rennes", "accept_rules": "on", **extra}


def confirmation_link(message):
    return re.search(r"http://\S+/compte/confirmation/\S+/", message.body).group(0)


@pytest.mark.django_db
def test_individual_joins_confirms_email_and_is_asked_to_pay(client, post, tiers):
    tier = tiers[MembershipKind.INDIVIDUAL]
    response = post(reverse("members:join_kind", args=["individuel"]), join_data(tier, **ACCOUNT))
    assert response.status_code == 302
    assert response["Location"] == reverse("members:signup_sent")

    user = get_user_model().objects.get(email="maelle.guerin@example.org")
    assert not user.is_active  # until the address is confirmed
    membership = user.memberships.get()
    assert membership.kind == MembershipKind.INDIVIDUAL
    assert membership.status == MembershipStatus.PENDING
    assert membership.fee == 20
    assert membership.rules_accepted_at is not None

    assert len(mail.outbox) == 1
    link = confirmation_link(mail.outbox[0])
    path = link.split("127.0.0.1:8000", 1)[1]
    assert client.get(path).status_code == 200  # a button: scanners do not confirm
    user.refresh_from_db()
    assert not user.is_active
    response = client.post(path)
    assert response["Location"] == reverse("members:pay", args=[membership.pk])
    user.refresh_from_db()
    assert user.is_active
    assert MemberProfile.objects.get(user=user).email_verified_at is not None
    page = client.get(response["Location"])
    assert membership.reference in page.content.decode()


@pytest.mark.django_db
def test_resident_group_joins_with_its_name_and_households(client, member, tiers):
    client.force_login(member)
    tier = tiers[MembershipKind.RESIDENT_GROUP]
    response = client.post(
        reverse("members:join_kind", args=["groupe"]),
        join_data(tier, name="Les Jardins du Trèfle", households="8"),
    )
    membership = member.memberships.get()
    assert response["Location"] == reverse("members:pay", args=[membership.pk])
    assert membership.kind == MembershipKind.RESIDENT_GROUP
    assert membership.name == "Les Jardins du Trèfle"
    assert membership.households == 8
    assert membership.fee == 50


@pytest.mark.django_db
def test_group_needs_its_name_and_a_tier_of_its_kind(client, member, tiers):
    client.force_login(member)
    response = client.post(
        reverse("members:join_kind", args=["groupe"]),
        join_data(tiers[MembershipKind.INDIVIDUAL], households="deux"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "households", "tier"}
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_organisation_joins_with_a_valid_siret(client, member, tiers):
    client.force_login(member)
    client.post(
        reverse("members:join_kind", args=["organisation"]),
        join_data(
            tiers[MembershipKind.ORGANISATION],
            name="Coop'Habitat Atlantique",
            legal_form="scic",
            siret="812 345 676 00017",
        ),
    )
    membership = member.memberships.get()
    assert membership.kind == MembershipKind.ORGANISATION
    assert membership.siret == "81234567600017"
    assert membership.legal_form == "scic"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("siret", "message"),
    [
        ("81234567600018", "chiffre de contrôle"),
        ("8123456760001", "14 chiffres"),
        ("8123456760001A", "uniquement des chiffres"),
    ],
)
def test_organisation_with_a_bad_siret_is_refused_in_french(client, member, tiers, siret, message):
    client.force_login(member)
    data = join_data(
        tiers[MembershipKind.ORGANISATION], name="Asso", legal_form="association", siret=siret
    )
    response = client.post(reverse("members:join_kind", args=["organisation"]), data)
    assert response.status_code == 200
    assert message in response.context["form"].errors["siret"][0]
    # Nothing typed is lost.
    assert 'value="Asso"' in response.content.decode()
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_joining_needs_the_rules_accepted(client, member, tiers):
    client.force_login(member)
    data = join_data(tiers[MembershipKind.INDIVIDUAL])
    del data["accept_rules"]
    response = client.post(reverse("members:join_kind", args=["individuel"]), data)
    assert "accept_rules" in response.context["form"].errors
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_join_page_shows_the_tiers_and_fees(client, tiers):
    page = client.get(reverse("members:join")).content.decode()
    assert "Adhésion individuelle" in page
    assert "20 €" in page
    assert "100 €" in page


@pytest.mark.django_db
def test_a_tampered_or_expired_link_is_refused(client, post, tiers, settings):
    post(reverse("members:signup"), ACCOUNT)
    link = confirmation_link(mail.outbox[0]).split("127.0.0.1:8000", 1)[1]
    response = client.post(link.replace("/confirmation/", "/confirmation/x"))
    assert response.status_code == 400
    settings.ACCOUNT_LINK_MAX_AGE = -1
    response = client.post(link)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    assert not get_user_model().objects.get(email=ACCOUNT["email"]).is_active


@pytest.mark.django_db
def test_a_member_with_a_pending_membership_is_sent_to_its_payment(client, member, tiers):
    client.force_login(member)
    data = join_data(tiers[MembershipKind.INDIVIDUAL])
    first = client.post(reverse("members:join_kind", args=["individuel"]), data)
    second = client.get(reverse("members:join_kind", args=["groupe"]))
    assert second["Location"] == first["Location"]
    assert member.memberships.count() == 1
