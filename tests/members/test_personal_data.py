"""GDPR: a member downloads what the site holds about them, and deletes their account while
what they contributed stays, as a former member's."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from classifieds.factories import ClassifiedAdFactory
from matching.factories import ProfileFactory
from matching.models import Profile as MatchingProfile
from members.factories import MemberProfileFactory, MembershipFactory, UserFactory
from members.models import MemberProfile, Membership
from partners.factories import PartnerFactory
from partners.models import Recommendation
from workgroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
from workgroups.models import Contribution

from .conftest import PASSWORD


@pytest.fixture
def rich_member(member):
    profile = MemberProfileFactory(user=member, bio="J'aime les jardins partagés.")
    profile.skills.add("Menuiserie")
    MembershipFactory(user=member, town="Vannes")
    ClassifiedAdFactory(poster=member, title="Terrain à Vannes")
    ProfileFactory(owner=member, display_name="Julien R.", description="Je cherche un groupe.")
    return member


@pytest.fixture
def someone_else(members_group):
    user = UserFactory(username="autre", first_name="Odile", email="odile.secret@example.org")
    profile = MemberProfileFactory(user=user, bio="Texte d'Odile.")
    profile.skills.add("Comptabilité")
    MembershipFactory(user=user, town="Quimper")
    ClassifiedAdFactory(poster=user, title="Annonce d'Odile")
    return user


@pytest.mark.django_db
def test_export_holds_the_members_data_and_nothing_of_others(client, rich_member, someone_else):
    client.force_login(rich_member)
    response = client.get(reverse("members:data_export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == rich_member.email
    assert data["profile"]["bio"] == "J'aime les jardins partagés."
    assert data["profile"]["skills"] == ["Menuiserie"]
    assert [membership["town"] for membership in data["memberships"]] == ["Vannes"]
    assert [ad["title"] for ad in data["classified_ads"]] == ["Terrain à Vannes"]
    assert data["matching_profiles"][0]["description"] == "Je cherche un groupe."
    text = response.content.decode()
    for foreign in ("Odile", "odile.secret@example.org", "Quimper", "Comptabilité"):
        assert foreign not in text


@pytest.mark.django_db
def test_export_needs_a_login(client):
    response = client.get(reverse("members:data_export"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_deleting_the_account_keeps_contributions_as_a_former_members(
    client, post, rich_member, home_page, someone_else
):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=index, title="Groupe ouvert", visibility="open")
    partner = PartnerFactory(name="Notaire Lebrun")
    Recommendation.objects.create(partner=partner, member=rich_member, comment="Très bien.")
    Contribution.objects.create(
        group=group,
        kind="idea",
        message="Une idée pour le groupe.",
        name="Julien Roux",
        email=rich_member.email,
        user=rich_member,
        client_hash="x",
    )
    ad = rich_member.classified_ads.get()
    client.force_login(rich_member)
    refused = post(reverse("members:delete_account"), {"password": "faux", "confirm": "on"})
    assert refused.status_code == 200
    assert get_user_model().objects.filter(pk=rich_member.pk).exists()

    response = post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=rich_member.pk).exists()
    assert "_auth_user_id" not in client.session
    # What was only about them is gone...
    assert not MemberProfile.objects.filter(user_id=rich_member.pk).exists()
    assert not Membership.objects.filter(user_id=rich_member.pk).exists()
    assert not MatchingProfile.objects.filter(owner_id=rich_member.pk).exists()
    # ...what they contributed stays, without them.
    ad.refresh_from_db()
    assert ad.poster is None
    page = client.get(ad.get_absolute_url()).content.decode()
    assert "ancien membre" in page
    contribution = Contribution.objects.get()
    assert contribution.user is None
    assert contribution.email == "" and contribution.name == "ancien membre"
    assert Recommendation.objects.get().member is None
    assert "ancien membre" in client.get(partner.get_absolute_url()).content.decode()
    # Others are untouched.
    assert someone_else.classified_ads.count() == 1
