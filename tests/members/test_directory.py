"""The members directory and profile pages honour each member's choice, field by field."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.factories import MemberProfileFactory, UserFactory
from members.models import Visibility
from workgroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory


@pytest.fixture
def public_maelle(members_group):
    user = UserFactory(username="maelle", first_name="Maëlle", last_name="Guérin")
    user.groups.add(members_group)
    profile = MemberProfileFactory(
        user=user,
        region="53",
        bio="Habitante à Rennes.",
        name_visibility=Visibility.PUBLIC,
        region_visibility=Visibility.PUBLIC,
        bio_visibility=Visibility.MEMBERS,
        skills_visibility=Visibility.MEMBERS,
        interests_visibility=Visibility.PRIVATE,
    )
    profile.skills.add("Plomberie")
    profile.interests.add("Habitat senior secret")
    return profile


@pytest.fixture
def hidden_hugo(members_group):
    user = UserFactory(username="hugo", first_name="Hugo", last_name="Discret")
    user.groups.add(members_group)
    profile = MemberProfileFactory(user=user, region="53", name_visibility=Visibility.PRIVATE)
    profile.skills.add("Plomberie")
    return profile


@pytest.fixture
def members_only_ines(members_group):
    user = UserFactory(username="ines", first_name="Inès", last_name="Martin")
    user.groups.add(members_group)
    profile = MemberProfileFactory(
        user=user,
        region="84",
        name_visibility=Visibility.MEMBERS,
        region_visibility=Visibility.PRIVATE,
        skills_visibility=Visibility.MEMBERS,
    )
    profile.skills.add("Architecture")
    return profile


@pytest.mark.django_db
def test_anonymous_visitors_see_public_fields_only(client, public_maelle, members_only_ines):
    assert client.get(reverse("members:directory"))["Location"].startswith(reverse("login"))
    page = client.get(reverse("members:profile", args=[public_maelle.pk])).content.decode()
    assert "Maëlle Guérin" in page and "Bretagne" in page
    assert "Plomberie" not in page and "Habitante à Rennes" not in page
    assert "Habitat senior secret" not in page
    assert public_maelle.user.email not in page
    assert client.get(reverse("members:profile", args=[members_only_ines.pk])).status_code == 404


@pytest.mark.django_db
def test_accounts_that_are_not_members_cannot_read_the_directory(client, outsider, public_maelle):
    client.force_login(outsider)
    response = client.get(reverse("members:directory"))
    assert response.status_code == 403
    assert "Maëlle" not in response.content.decode()


@pytest.mark.django_db
def test_members_see_members_fields_but_not_private_ones(
    client, member, public_maelle, hidden_hugo, members_only_ines
):
    client.force_login(member)
    page = client.get(reverse("members:directory")).content.decode()
    assert "Maëlle Guérin" in page and "Inès Martin" in page
    assert "Hugo" not in page
    assert "Plomberie" in page and "Architecture" in page
    profile = client.get(reverse("members:profile", args=[public_maelle.pk])).content.decode()
    assert "Habitante à Rennes" in profile
    assert "Habitat senior secret" not in profile
    assert client.get(reverse("members:profile", args=[hidden_hugo.pk])).status_code == 404


@pytest.mark.django_db
def test_filters_only_use_what_the_viewer_may_read(
    client, member, public_maelle, hidden_hugo, members_only_ines
):
    client.force_login(member)
    bretagne = client.get(reverse("members:directory"), {"region": "53"}).context["members"]
    assert [profile.name for profile in bretagne] == ["Maëlle Guérin"]
    # Inès hides her région: a filter on it must not reveal her.
    auvergne = client.get(reverse("members:directory"), {"region": "84"}).context["members"]
    assert auvergne == []
    plumbers = client.get(reverse("members:directory"), {"competence": "plomberie"})
    assert [profile.name for profile in plumbers.context["members"]] == ["Maëlle Guérin"]


@pytest.mark.django_db
def test_members_see_themselves_whole(client, hidden_hugo):
    client.force_login(hidden_hugo.user)
    page = client.get(reverse("members:profile", args=[hidden_hugo.pk])).content.decode()
    assert "Hugo Discret" in page and "Plomberie" in page
    directory = client.get(reverse("members:directory")).context["members"]
    assert [profile.name for profile in directory] == ["Hugo Discret"]


@pytest.mark.django_db
def test_directory_is_paginated_in_a_fixed_number_of_queries(client, member, members_group):
    def add_profiles(count):
        for _number in range(count):
            user = UserFactory()
            user.groups.add(members_group)
            MemberProfileFactory(user=user).skills.add("Gouvernance")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("members:directory"))
        return len(captured), response

    client.force_login(member)
    add_profiles(3)
    queries()  # the site's own caches filled
    few, _response = queries()
    add_profiles(27)
    many, response = queries()
    assert many == few  # whatever the number of profiles shown
    assert len(response.context["members"]) == 24
    assert response.context["page_obj"].paginator.num_pages == 2


@pytest.mark.django_db
def test_groups_are_shown_without_leaking_private_ones(client, home_page, public_maelle, outsider):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    open_group = WorkingGroupPageFactory(parent=index, title="Groupe ouvert", visibility="open")
    private = WorkingGroupPageFactory(parent=index, title="Groupe secret", visibility="private")
    public_maelle.groups_visibility = Visibility.PUBLIC
    public_maelle.save()
    public_maelle.user.groups.add(open_group.members_group, private.members_group)
    page = client.get(reverse("members:profile", args=[public_maelle.pk])).content.decode()
    assert "Groupe ouvert" in page
    assert "Groupe secret" not in page


@pytest.mark.django_db
def test_profile_form_saves_each_choice(client, member):
    client.force_login(member)
    response = client.post(
        reverse("members:profile_edit"),
        {
            "first_name": "Julien",
            "last_name": "Roux",
            "name_visibility": "public",
            "region": "53",
            "region_visibility": "members",
            "bio": "Bonjour",
            "bio_visibility": "private",
            "skills": "Plomberie, Gouvernance partagée",
            "skills_visibility": "public",
            "interests": "",
            "interests_visibility": "members",
            "groups_visibility": "members",
        },
    )
    assert response.status_code == 302
    profile = member.member_profile
    assert profile.name_visibility == "public" and profile.bio_visibility == "private"
    assert sorted(profile.skills.names()) == ["Gouvernance partagée", "Plomberie"]
