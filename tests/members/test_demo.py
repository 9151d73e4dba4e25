"""The demo loads French members, and the pages a person clicks through answer."""

import pytest
from django.urls import reverse

from home.demo import load_demo
from members.models import MemberProfile, Membership, MembershipStatus, MembershipTier


@pytest.mark.django_db
def test_demo_members_and_pages(client, demo):
    assert MembershipTier.objects.count() >= 5
    assert Membership.objects.filter(status=MembershipStatus.ACTIVE).count() >= 4
    assert Membership.objects.filter(kind="organisation", siret="81234567600017").exists()
    assert MemberProfile.objects.filter(user__username="membre").exists()
    assert not load_demo().created  # a second run adds nothing

    home = client.get("/").content.decode()
    assert reverse("members:join") in home
    for url in (reverse("members:join"), reverse("members:join_kind", args=["organisation"])):
        assert client.get(url).status_code == 200
    login = client.get(reverse("login")).content.decode()
    assert reverse("members:password_reset") in login and reverse("members:signup") in login

    client.login(username="membre", password="membre-demo-2026")
    page = client.get("/").content.decode()
    assert reverse("members:profile_edit") in page and reverse("members:directory") in page
    directory = client.get(reverse("members:directory"))
    names = [member.name for member in directory.context["members"]]
    assert "Maëlle Guérin" in names and "Thomas Nguyen" in names
    assert "Sophie Lefebvre" not in names  # pending: not a member yet
    for url in (
        reverse("members:account"),
        reverse("members:profile_edit"),
        reverse("workgroups:dashboard"),
        reverse("members:delete_account"),
        reverse("members:email_change"),
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_admin_pages_answer(client, demo):
    client.login(username="admin", password="admin-demo-2026")
    for url in (
        reverse("wagtailsnippets_members_membership:list"),
        reverse("wagtailsnippets_members_membershiptier:list"),
        reverse("members_report"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    report = client.get(reverse("members_report")).content.decode()
    assert "Adhésions en cours à la fin de chaque mois" in report
