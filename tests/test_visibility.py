"""Restricted pages never show up in listings or menus for readers who may not open them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory
from home.visibility import visible_pages
from workgroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_group_space(demo):
    """The transition group's space, restricted to a group of its own."""
    space = WorkingGroupPage.objects.get(slug="transition")
    group = Group.objects.create(name="Transition — invités")
    restriction = PageViewRestriction.objects.create(
        page=space, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    StandardPageFactory(parent=space, title="Compte rendu confidentiel", slug="cr")
    return space, group


@pytest.fixture
def members_only_section(demo):
    section = demo.get_children().get(slug="gouvernance")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    return section


def titles(client, path):
    return client.get(path).content.decode()


def test_private_group_is_listed_only_for_its_members(
    client, django_user_model, private_group_space
):
    space, group = private_group_space
    assert "Groupe de transition" not in titles(client, "/groupes/")
    assert client.get("/groupes/transition/cr/").status_code == 302  # to the login page

    outsider = django_user_model.objects.get(username="membre")
    client.force_login(outsider)
    assert "Groupe de transition" not in titles(client, "/groupes/")

    outsider.groups.add(group)
    assert "Groupe de transition" in titles(client, "/groupes/")
    assert client.get("/groupes/transition/cr/").status_code == 200


def test_members_only_section_leaves_the_menu_for_anonymous_visitors(
    client, django_user_model, members_only_section
):
    assert 'href="/gouvernance/"' not in titles(client, "/")
    client.force_login(django_user_model.objects.get(username="visiteur"))
    assert 'href="/gouvernance/"' in titles(client, "/")


def test_visible_pages_costs_the_same_queries_for_any_tree(
    django_assert_num_queries, private_group_space, django_user_model
):
    space, _group = private_group_space
    user = django_user_model.objects.get(username="membre")
    for n in range(5):
        StandardPageFactory(parent=space, title=f"Note {n}")
    # The user's groups, the restrictions with their groups (one query), the pages.
    with django_assert_num_queries(3):
        list(visible_pages(space.get_descendants(inclusive=True), user))
