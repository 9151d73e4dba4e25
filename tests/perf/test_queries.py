"""Each main page costs a constant number of SQL queries, whatever the amount of content, and
at most 20: measured with the page caches off (what a page costs when no copy serves it) but
the reader's groups and permissions kept as in production (READER_CACHE_SECONDS: every page a
member reads, copy or not, starts from them), then again after more resources (pages with
themes, regions and attachments) were published."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import ResourceIndexPage
from tests.resources.test_listing import add_resources

BUDGET = 20
PAGES = [
    "/",
    # The demo member edits this group: their page also has the editors' userbar slot.
    "/groupes/centre-de-ressources/",
    "/ressources/",
    "/ressources/?theme=juridique&type=guide",
    "/ressources/choisir-sa-forme-juridique/",
    "/search/?q=habitat",
]


def count(client, path):
    client.get(path)  # warm: Wagtail's site root paths and content types are cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


@pytest.fixture
def member_client(client, demo):
    client.force_login(get_user_model().objects.get(username="membre"))
    return client


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.READER_CACHE_SECONDS = 60


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_main_pages_cost_a_constant_number_of_queries(client, demo, who):
    if who == "member":
        client.force_login(get_user_model().objects.get(username="membre"))
    centre = ResourceIndexPage.objects.get()
    # One matching resource first, so that each listing shows results (their prefetches),
    # then four more: the count must not move.
    add_resources(centre, 1, theme="juridique")
    before = {path: count(client, path) for path in PAGES}
    add_resources(centre, 4, theme="juridique", year=2023)
    after = {path: count(client, path) for path in PAGES}
    assert after == before
    over = {path: n for path, n in after.items() if n > BUDGET}
    assert not over, over


def test_the_health_endpoint_costs_no_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/sante/").status_code == 200
