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


def test_kept_hidden_collections_follow_new_collections_and_restrictions(demo, settings):
    """What anonymous visitors may not see is kept between pages (READER_CACHE_SECONDS), as a
    member's is (home/page_cache.py, under the same version): a new collection under a
    restricted one, or a new restriction, must retire it at once."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Collection, CollectionViewRestriction

    from home.page_cache import current_version
    from home.visibility import hidden_collection_ids

    settings.READER_CACHE_SECONDS = 60
    root = Collection.get_first_root_node()
    already = set(hidden_collection_ids(AnonymousUser()))
    private = root.add_child(name="Archives privées")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Archivistes"))
    # Each request has its own AnonymousUser: only the kept list is shared.
    assert set(hidden_collection_ids(AnonymousUser())) == already | {private.pk}
    version = current_version()
    below = private.add_child(name="Procès-verbaux")
    assert current_version() != version  # members' kept profiles are retired as well
    assert set(hidden_collection_ids(AnonymousUser())) == already | {private.pk, below.pk}
    public = root.add_child(name="Publications")
    assert public.pk not in hidden_collection_ids(AnonymousUser())
    CollectionViewRestriction.objects.create(
        collection=public, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert public.pk in hidden_collection_ids(AnonymousUser())
