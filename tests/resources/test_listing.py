"""The resource centre's listing: facets that count right, in a constant number of queries."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from resources.models import (
    Region,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
    ResourceType,
    Theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(demo):
    return ResourceIndexPage.objects.get()


def add_resources(centre, count, *, theme="foncier", kind="guide", year=2022, fmt="pdf"):
    theme = Theme.objects.get(slug=theme)
    resource_type = ResourceType.objects.get(slug=kind)
    region = Region.objects.get(slug="occitanie")
    for number in range(count):
        document = ResourceDocument(title=f"Annexe {number}", file_format=fmt)
        document.file.save(f"annexe-{number}.{fmt}", ContentFile(b"x"), save=False)
        document.save()
        page = ResourcePage(
            title=f"Guide du foncier {year}-{number}",
            resource_type=resource_type,
            date=date(year, 5, 1),
        )
        page.themes = [theme]
        page.regions = [region]
        page.attachments = [ResourcePageDocument(document=document)]
        centre.add_child(instance=page)


def facet(response, param):
    return {
        c.value: c.count
        for f in response.context["listing"].facets
        if f.param == param
        for c in f.choices
    }


def test_facets_count_what_each_choice_would_give(client, centre):
    add_resources(centre, 3)
    response = client.get(centre.url)
    assert response.context["listing"].paginator.count == 6  # 3 demo resources + 3 new
    assert facet(response, "theme")["foncier"] == 3
    assert facet(response, "theme")["financier"] == 2
    assert facet(response, "format") == {"md": 3, "pdf": 3}
    assert facet(response, "year")["2022"] == 3
    assert facet(response, "region")["occitanie"] == 3

    response = client.get(centre.url, {"theme": "foncier"})
    listing = response.context["listing"]
    assert listing.paginator.count == 3
    # The theme facet ignores its own choice; the others count within it.
    assert facet(response, "theme")["financier"] == 2
    assert facet(response, "type") == {"guide": 3}
    assert "Guide du foncier 2022-0" in response.content.decode()

    response = client.get(centre.url, {"theme": ["foncier", "juridique"], "format": "md"})
    assert response.context["listing"].paginator.count == 1


def test_sort_pagination_and_bad_parameters(client, centre):
    add_resources(centre, 25)
    response = client.get(centre.url, {"sort": "title", "page": "2"})
    listing = response.context["listing"]
    assert listing.page.number == 2
    assert [r.title for r in listing.resources] == sorted(r.title for r in listing.resources)
    for params in (
        {"page": "abc"},
        {"page": "-1"},
        {"page": "9999"},
        {"year": "deux-mille"},
        {"sort": "';drop"},
    ):
        assert client.get(centre.url, params).status_code == 200


def test_empty_result_offers_to_clear_the_filters(client, centre):
    response = client.get(centre.url, {"theme": "foncier", "region": "corse"})
    text = response.content.decode()
    assert "Aucune ressource ne correspond à ces critères." in text


def test_restricted_resources_are_neither_listed_nor_counted(client, centre, django_user_model):
    add_resources(centre, 2, theme="communication")
    secret = ResourcePage.objects.get(title="Guide du foncier 2022-1")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(centre.url)
    assert facet(response, "theme")["communication"] == 1
    assert "Guide du foncier 2022-1" not in response.content.decode()
    client.force_login(django_user_model.objects.get(username="visiteur"))
    assert facet(client.get(centre.url), "theme")["communication"] == 2


def listing_queries(client, url):
    client.get(url)  # warm: the site's root paths and the locales are then kept in the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_the_number_of_resources(client, centre):
    add_resources(centre, 5)
    with_five = listing_queries(client, centre.url)
    add_resources(centre, 45, year=2021)
    with_fifty = listing_queries(client, centre.url)
    assert with_fifty == with_five
