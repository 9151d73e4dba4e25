"""home/routing.py finds the same page, with the same sub-route, as Wagtail's own routing, in
a constant number of queries whatever the page's depth."""

import contextlib

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home import routing


def wagtails(path):
    return Page.route_for_request(RequestFactory().get("/" + path), path)


def ours(path):
    return routing.route(RequestFactory().get("/" + path), path)


def summary(result):
    if result is None:
        return None
    page, args, _kwargs = result
    view = args[0].__name__ if args else None
    return (page.pk, type(page), view, args[1:])


def addresses(root):
    """The path of every page below the site's root, and each routable page's own routes."""
    for page in Page.objects.descendant_of(root).specific():
        path = page.url_path[len(root.url_path) :]
        yield path
        if isinstance(page, RoutablePageMixin):
            names = {route.name for route in page.get_subpage_urls() if route.name}
            for name in names - {"index_route"}:
                with contextlib.suppress(NoReverseMatch):  # a route with arguments
                    yield path + page.reverse_subpage(name).lstrip("/")


def test_every_demo_page_routes_as_wagtail_routes_it(demo):
    paths = ["", *addresses(demo)]
    assert len(paths) > 20
    for path in paths:
        assert summary(ours(path)) == summary(wagtails(path)), path


@pytest.mark.parametrize(
    "path",
    ["inconnue/", "groupes/inconnu/", "groupes/centre-de-ressources/inconnu/", "ressources/x/y/z/"],
)
def test_unknown_addresses_are_not_found(demo, path):
    assert wagtails(path) is None
    assert ours(path) is None


def test_a_draft_page_is_not_found_and_its_children_still_are(demo):
    section = Page.objects.get(url_path__endswith="/ressources/")
    child = section.get_children().live().first()
    Page.objects.filter(pk=section.pk).update(live=False)
    assert ours("ressources/") is None
    path = child.url_path[len(demo.url_path) :]
    assert summary(ours(path)) == summary(wagtails(path)) != None  # noqa: E711


def test_translations_route_in_their_language(demo):
    with translation.override("en"):
        for path in ["", "ressources/", "groupes/centre-de-ressources/"]:
            assert summary(ours(path)) == summary(wagtails(path)), path


def test_a_deep_page_costs_three_queries(demo):
    deepest = Page.objects.descendant_of(demo).live().order_by("-depth").first()
    path = deepest.url_path[len(demo.url_path) :]
    assert deepest.depth >= 4
    ours("")  # the locales are read once, then kept
    with CaptureQueriesContext(connection) as queries:
        assert ours(path)[0].pk == deepest.pk
    # The site, the pages along the path, the page with its specific type.
    assert len(queries) == 3, [query["sql"] for query in queries]


def test_routable_pages_own_routes_are_among_the_addresses(demo):
    """The comparison above covers the routes of routable pages (join, follow...), not only
    their main view."""
    sub_routes = [path for path in addresses(demo) if summary(ours(path))[2] != "index_route"]
    assert any(path.endswith("/rejoindre/") for path in sub_routes), sub_routes
