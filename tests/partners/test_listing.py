"""/partenaires/: filters, map data, and query counts that do not grow with the directory."""

import json

import pytest

from partners.factories import PartnerFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(db):
    return {
        "notary": PartnerFactory(name="Notaire de Lyon", kind="notary", regions=["84"]),
        "architect": PartnerFactory(
            name="Atelier breton", kind="architect", regions=["53"], commune="Rennes"
        ),
        "bank": PartnerFactory(name="Banque nationale", kind="bank", national=True, regions=[]),
    }


def names(response):
    return {partner.name for partner in response.context["partners"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Notaire de Lyon", "Atelier breton", "Banque nationale"}),
        ({"kind": "notary"}, {"Notaire de Lyon"}),
        ({"region": "53"}, {"Atelier breton", "Banque nationale"}),  # national ones everywhere
        ({"region": "11"}, {"Banque nationale"}),
        ({"q": "rennes"}, {"Atelier breton"}),
        ({"kind": "bank", "region": "84"}, {"Banque nationale"}),
    ],
)
def test_filters(client, directory, params, expected):
    assert names(client.get("/partenaires/", params)) == expected


def test_bad_filters_are_reported(client, directory):
    response = client.get("/partenaires/", {"kind": "plombier"})
    assert "kind" in response.context["filters"].form.errors
    assert len(names(response)) == 3


def test_the_map_data_follows_the_filters(client, directory):
    payload = json.loads(client.get("/partenaires/carte.json", {"region": "53"}).content)
    assert {point[3] for point in payload["points"]} == {"Atelier breton", "Banque nationale"}
    assert payload["categories"][0] == ["notary", "Notaire"]
    assert payload["url"] == "/partenaires/{id}/"


@pytest.mark.parametrize("count", [5, 30])
def test_queries_do_not_grow_with_the_directory(client, count, django_assert_num_queries):
    for number in range(count):
        partner = PartnerFactory(name=f"Partenaire {number}", regions=["84", "27"])
        RecommendationFactory(partner=partner)
    client.get("/partenaires/")  # warm the site's caches
    # Count, page with recommendation counts, the page's régions; the menu's site and
    # view restrictions.
    with django_assert_num_queries(5):
        response = client.get("/partenaires/", {"region": "84", "sort": "recommended"})
    assert len(response.context["partners"]) == min(count, 20)
    with django_assert_num_queries(2):  # the state of the rows, the points
        payload = json.loads(client.get("/partenaires/carte.json", {"region": "84"}).content)
    assert payload["count"] == count
    with django_assert_num_queries(1):  # unchanged: the points come from the cache
        client.get("/partenaires/carte.json", {"region": "84"})


def test_the_tools_page_lists_the_directory(client, db):
    assert 'href="/partenaires/"' in client.get("/outils/").content.decode()
