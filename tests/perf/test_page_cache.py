"""The whole-page cache of anonymous public pages (home/page_cache.py), on the demo content."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from resources.models import ResourcePage


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """On as in production (the test settings turn it off for the rest of the suite)."""
    settings.PAGE_CACHE_SECONDS = 60


def queries_of(client, url, **kwargs):
    """The response and its SQL queries, but those of the search log, which every search
    writes, from a copy too (test_each_search_is_logged_even_from_a_copy)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **kwargs)
    logged = [q for q in captured.captured_queries if "search_querylog" not in q["sql"]]
    return response, len(logged)


@pytest.fixture
def member(demo):
    return get_user_model().objects.get(username="membre")


@pytest.mark.parametrize(
    "url", ["/", "/ressources/", "/ressources/?theme=juridique", "/search/?q=habitat"]
)
def test_an_anonymous_visitor_gets_the_cached_copy(client, demo, url):
    first, first_queries = queries_of(client, url)
    assert first.status_code == 200
    assert first_queries > 0
    second, second_queries = queries_of(client, url)
    assert second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The headers of the outer middleware are still there.
    assert "Content-Security-Policy" in second


def test_a_query_string_is_not_cached_off_the_listed_pages(client, demo):
    queries_of(client, "/gouvernance/?x=1")
    _response, queries = queries_of(client, "/gouvernance/?x=1")
    assert queries > 0


def test_a_member_never_gets_nor_populates_a_cached_copy(client, demo, member):
    client.force_login(member)
    _response, first = queries_of(client, "/")
    member_page, second = queries_of(client, "/")
    assert first > 0 and second > 0
    assert "Julien" in member_page.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous, queries = queries_of(client, "/")
    assert queries > 0  # the member's visits stored nothing
    assert "Julien" not in anonymous.content.decode()
    # Once an anonymous copy exists, a member still gets their own page.
    client.force_login(member)
    again, queries = queries_of(client, "/")
    assert queries > 0
    assert "Julien" in again.content.decode()


def test_a_restricted_page_is_never_cached(client, demo, member):
    restricted = Page.objects.get(slug="pleniere")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    # Even a 200 for a restricted page (a member's) is never stored, and never served later.
    client.force_login(member)
    assert client.get(restricted.url).status_code == 200
    client.logout()
    client.cookies.clear()
    response, _ = queries_of(client, restricted.url)
    assert response.status_code == 302
    response, queries = queries_of(client, restricted.url)
    assert response.status_code == 302 and queries > 0


def test_a_page_restricted_only_by_password_is_never_cached(client, demo):
    page = Page.objects.get(slug="pleniere")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    response, _ = queries_of(client, page.url)
    assert response.status_code == 200  # the password form
    _response, queries = queries_of(client, page.url)
    assert queries > 0


def test_a_page_with_a_form_is_never_cached(client, demo):
    response, _ = queries_of(client, "/compte/connexion/")
    assert b"csrfmiddlewaretoken" in response.content
    login_page, queries = queries_of(client, "/compte/connexion/")
    assert queries > 0
    # Not because of its path: any page with a CSRF token is refused.
    from home.page_cache import _cacheable_response

    login_page.cookies.clear()
    assert not _cacheable_response(login_page.wsgi_request, login_page)


def test_publishing_a_change_invalidates(client, demo):
    page = ResourcePage.objects.live().first()
    assert page.title.encode() in client.get(page.url).content
    page.title = "Titre tout neuf"
    revision = page.save_revision()
    revision.publish()
    response, queries = queries_of(client, page.url)
    assert queries > 0
    assert b"Titre tout neuf" in response.content


def test_unpublishing_invalidates(client, demo):
    page = ResourcePage.objects.live().first()
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_the_health_endpoint_answers_without_a_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sante/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_a_restricted_page_is_refused_even_without_a_form(rf, demo):
    """Wagtail answers anonymous visitors of a restricted page with a redirect or a form; the
    restriction check stands on its own should a restricted page ever answer 200 to them."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from home.page_cache import _cacheable_response

    page = Page.objects.get(slug="pleniere")
    request = rf.get(page.url)
    request.user = AnonymousUser()
    request.page_cache_page = page
    assert _cacheable_response(request, HttpResponse("public"))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not _cacheable_response(request, HttpResponse("public"))


def test_each_search_is_logged_even_from_a_copy(client, demo, member):
    """Searches answered from a copy are counted without a write, and added to the log with
    the next search that renders the page (at the latest when the copy expires)."""
    from home.page_cache import invalidate
    from search.models import QueryLog

    for _ in range(3):
        assert client.get("/search/?q=habitat").status_code == 200
    client.force_login(member)
    client.get("/compte/profil/")  # the member's CSRF cookie: their copies may be used
    for _ in range(2):
        assert client.get("/search/?q=habitat").status_code == 200
    client.logout()
    invalidate()  # the copies expire
    _response, queries = queries_of(client, "/search/?q=habitat")
    assert queries > 0
    assert QueryLog.objects.get(query="habitat").searches == 6
