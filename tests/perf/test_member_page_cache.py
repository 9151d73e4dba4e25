"""Members' pages shared by audience (home/page_cache.py, home/personal.py), on the demo
content: members with the same groups and permissions share a copy of a page, each with their
own header, buttons and userbar; nobody ever gets a copy made for another audience."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from resources.models import ResourcePage
from tests.users import make_user
from workgroups.models import Notification, WorkingGroupPage

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.READER_CACHE_SECONDS = 60


def visit(client, url):
    """GET `url`: (response, the SQL queries it cost)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    # A copy: Django empties its query log when the next request starts.
    return response, list(captured.captured_queries)


def logged_in(user):
    """A browser of `user` that has loaded a first page (its CSRF cookie is set)."""
    browser = Client()
    browser.force_login(user)
    browser.get("/compte/profil/")
    assert "csrftoken" in browser.cookies
    return browser


def page_queries(captured):
    return [q["sql"] for q in captured if 'FROM "wagtailcore_page"' in q["sql"]]


@pytest.fixture
def member(demo):
    return get_user_model().objects.get(username="membre")


@pytest.fixture
def twin(member, django_user_model):
    """Another member in exactly the same groups."""
    return make_user(django_user_model, "jumelle", *member.groups.all())


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/ressources/",
        "/ressources/?theme=juridique",
        "/ressources/choisir-sa-forme-juridique/",
        "/groupes/plaidoyer-elus/",
        "/search/?q=habitat",
    ],
)
def test_a_member_of_the_same_audience_gets_the_shared_copy_with_their_own_header(
    demo, member, twin, url
):
    first, first_queries = visit(logged_in(member), url)
    second, second_queries = visit(logged_in(twin), url)
    # No routing, no page, no listing: the copy, and the twin's own header.
    assert page_queries(second_queries) == []
    assert len(second_queries) < len(first_queries)
    assert "Bonjour, Julien" in first.content.decode()
    assert "Bonjour, Jumelle" in second.content.decode()
    assert "Bonjour, Julien" not in second.content.decode()
    normalise = lambda content: TOKEN.sub(b"token", content.replace(b"Jumelle", b"Julien"))  # noqa: E731
    assert normalise(second.content) == normalise(first.content)
    # The logout form carries a token that the twin's own cookie validates.
    assert TOKEN.search(second.content)


def test_another_audience_never_gets_the_copy(demo, member, django_user_model):
    """The member belongs to the private group "rencontres"; a member of the movement who does
    not must not see it in the groups' listing, even right after the member's visit."""
    outsider = make_user(django_user_model, "dehors", "Membres")
    private = WorkingGroupPage.objects.get(slug="rencontres")
    insider_page, _ = visit(logged_in(member), "/groupes/")
    assert private.title in insider_page.content.decode()
    outsider_page, queries = visit(logged_in(outsider), "/groupes/")
    assert private.title not in outsider_page.content.decode()
    assert page_queries(queries)  # rendered for them, not handed a copy


def _join_from_another_worker(reader, group):
    """What another worker does: add the membership row (its m2m signal runs there, not
    here), then bump the version in the cache every worker shares."""
    from django.conf import settings
    from django.core.cache import caches

    from home.page_cache import VERSION_KEY

    reader.groups.through.objects.create(user=reader, group=group)
    shared = caches[settings.PAGE_CACHE_VERSION_ALIAS]
    shared.set(VERSION_KEY, shared.get(VERSION_KEY, 1) + 1, None)


@pytest.mark.parametrize("where", ["this worker", "another worker"])
@pytest.mark.parametrize("shared_pages", [True, False])
def test_joining_a_group_changes_the_audience_at_once(
    demo, django_user_model, settings, shared_pages, where
):
    """The reader's groups and permissions are kept next to the copies (no query on a copy),
    and for the pages rendered afresh: a change of groups must retire them, made in this
    worker or in another one (whose signals and local cache are its own: it reaches this one
    through the shared version only)."""
    if not shared_pages:
        settings.PAGE_CACHE_SECONDS = 0
    reader = make_user(django_user_model, "nouvelle", "Membres")
    private = WorkingGroupPage.objects.get(slug="rencontres")
    browser = logged_in(reader)
    visit(browser, "/groupes/")
    listing, queries = visit(browser, "/groupes/")
    if shared_pages:
        assert page_queries(queries) == [] and len(queries) <= 3
    else:  # rendered, with the reader's groups as kept: no query for them
        assert not [query for query in queries if "auth_user_groups" in query["sql"]]
    assert private.title not in listing.content.decode()
    if where == "this worker":
        reader.groups.add(private.members_group)
    else:
        _join_from_another_worker(reader, private.members_group)
    listing, _ = visit(browser, "/groupes/")
    assert private.title in listing.content.decode()


def test_the_personal_parts_are_fresh_on_every_copy(demo, member, twin):
    group = WorkingGroupPage.objects.get(slug="plaidoyer-elus")
    browser = logged_in(member)
    visit(browser, group.url)
    # The member follows the group: their buttons say so, the twin's do not.
    assert browser.post(group.url + "suivre/").status_code == 302
    browser.get(group.url)  # shows the confirmation message: never stored
    page, _ = visit(browser, group.url)
    assert "Ne plus suivre" in page.content.decode()
    twin_page, queries = visit(logged_in(twin), group.url)
    assert page_queries(queries) == []  # the member's copy, with the twin's own buttons
    assert "Suivre ce groupe" in twin_page.content.decode()
    assert "Ne plus suivre" not in twin_page.content.decode()
    # A new notification shows on the next copy at once.
    Notification.objects.create(user=twin, group=group, page=group)
    twin_browser = logged_in(twin)
    again, _ = visit(twin_browser, group.url)
    assert 'class="notification-count"' in again.content.decode()
    # The count and the buttons are kept between pages: a copy costs no query for them...
    _, queries = visit(twin_browser, group.url)
    kept = ("workgroups_notification", "workgroups_follow")
    assert not [q for q in queries if any(table in q["sql"] for table in kept)], queries
    # ...and marking the notifications read or unfollowing shows at once.
    assert twin_browser.post(reverse("workgroups:read_all")).status_code == 302
    assert browser.post(group.url + "suivre/").status_code == 302
    visit(twin_browser, group.url)  # the confirmation message
    read, _ = visit(twin_browser, group.url)
    assert 'class="notification-count"' not in read.content.decode()
    browser.get(group.url)  # the confirmation message
    unfollowed, _ = visit(browser, group.url)
    assert "Suivre ce groupe" in unfollowed.content.decode()


def test_a_message_is_shown_not_shared(demo, member, twin):
    group = WorkingGroupPage.objects.get(slug="plaidoyer-elus")
    visit(logged_in(twin), group.url)  # a copy exists
    browser = logged_in(member)
    browser.post(group.url + "suivre/")
    with_message, queries = visit(browser, group.url)
    assert 'class="messages"' in with_message.content.decode()
    assert page_queries(queries)  # rendered for this reader, with their message
    # ... and that page, with the member's message, was not stored for the twin.
    twin_page, _ = visit(logged_in(twin), group.url)
    assert 'class="messages"' not in twin_page.content.decode()


def test_a_restricted_page_is_not_shared(demo, member, twin):
    private = WorkingGroupPage.objects.get(slug="rencontres")
    visit(logged_in(member), private.url)
    _page, queries = visit(logged_in(twin), private.url)
    assert page_queries(queries)


def test_publishing_and_restricting_retire_the_copies(demo, member, twin):
    page = ResourcePage.objects.live().first()
    visit(logged_in(member), page.url)
    page.title = "Titre tout neuf"
    page.save_revision().publish()
    fresh, queries = visit(logged_in(twin), page.url)
    assert "Titre tout neuf" in fresh.content.decode()
    assert page_queries(queries)

    # A section closed to a group the twin is not in leaves their menu at once.
    home, _ = visit(logged_in(twin), "/")
    section = Page.objects.get(slug="gouvernance")
    assert f'href="{section.url}"' in home.content.decode()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name="Comité de pilotage")[0])
    home, _ = visit(logged_in(twin), "/")
    assert f'href="{section.url}"' not in home.content.decode()


def test_the_userbar_is_for_editors_of_the_page(demo, member):
    editor = get_user_model().objects.get(username="editrice")
    url = "/ressources/choisir-sa-forme-juridique/"
    page = ResourcePage.objects.get(slug="choisir-sa-forme-juridique")
    userbar = f"/barre-edition/{page.pk}/"
    # The reader of a page they may not edit gets no userbar, nor pays for it.
    reader = logged_in(member)
    content, queries = visit(reader, url)
    assert b"wagtail-userbar" not in content.content and b"data-userbar" not in content.content
    assert not [q for q in queries if "workflowstate" in q["sql"]]
    assert reader.get(userbar).status_code == 404
    # An editor of the page gets the slot, on the first visit and on the copy, and the
    # userbar from it.
    browser = logged_in(editor)
    for _ in range(2):
        content, _ = visit(browser, url)
        assert f'data-userbar="{userbar}"'.encode() in content.content
    response = browser.get(userbar)
    assert response.status_code == 200
    assert b"wagtail-userbar" in response.content
    assert "no-cache" in response["Cache-Control"]


def test_without_the_cache_the_page_is_the_same(demo, member, settings):
    url = "/groupes/plaidoyer-elus/"
    cached, _ = visit(logged_in(member), url)
    cached, _ = visit(logged_in(member), url)
    settings.PAGE_CACHE_SECONDS = 0
    rendered, _ = visit(logged_in(member), url)
    assert TOKEN.sub(b"", cached.content) == TOKEN.sub(b"", rendered.content)
