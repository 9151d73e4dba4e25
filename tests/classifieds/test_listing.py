"""Readers sort and filter the ads (newest, région, category, price) a page at a time, with
the same number of queries for 5 or 30 ads; hidden, expired and withdrawn ads are not listed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template.defaultfilters import floatformat
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from classifieds.factories import ClassifiedAdFactory
from classifieds.forms import UNKNOWN_REGION
from classifieds.listing import PAGE_SIZE
from classifieds.models import AdCategory, AdStatus

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return [ad.title for ad in response.context["listing"].ads]


@pytest.fixture
def ads():
    now = timezone.now()

    def ad(title, days_ago, **values):
        return ClassifiedAdFactory(
            title=title,
            published_at=now - timedelta(days=days_ago),
            expires_at=now - timedelta(days=days_ago) + timedelta(days=60),
            **values,
        )

    return {
        "group": ad("Groupe à Rennes cherche habitants", 1, region="53"),
        "land": ad(
            "Terrain à Die", 2, category=AdCategory.LAND, region="84", town="Die", price=90_000
        ),
        "rent": ad(
            "T3 à louer à Lyon",
            3,
            category=AdCategory.HOME_TO_RENT,
            region="84",
            town="Lyon",
            price=780,
        ),
        "sale": ad(
            "Maison à vendre à Nantes",
            4,
            category=AdCategory.HOME_TO_BUY,
            region="52",
            price=310_000,
        ),
        "skill": ad("Architecte à Brest", 5, category=AdCategory.SKILL, region="53"),
        "hidden": ad("Annonce masquée à Rennes", 0, region="53", is_hidden=True),
        "expired": ad("Annonce expirée à Rennes", 70, region="53"),
        "expired_status": ad("Annonce marquée expirée", 6, region="53", status=AdStatus.EXPIRED),
        "withdrawn": ad("Annonce retirée", 2, region="53", status=AdStatus.WITHDRAWN),
    }


def test_the_listing_shows_visible_ads_newest_first(client, ads):
    response = client.get("/annonces/")
    assert titles(response) == [
        "Groupe à Rennes cherche habitants",
        "Terrain à Die",
        "T3 à louer à Lyon",
        "Maison à vendre à Nantes",
        "Architecte à Brest",
    ]
    html = response.content.decode()
    for hidden in ("masquée", "expirée", "marquée expirée", "retirée"):
        assert f"Annonce {hidden}" not in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "53"}, ["Groupe à Rennes cherche habitants", "Architecte à Brest"]),
        ({"region": "Bretagne"}, ["Groupe à Rennes cherche habitants", "Architecte à Brest"]),
        ({"category": "land"}, ["Terrain à Die"]),
        ({"region": "84", "category": "home_to_rent"}, ["T3 à louer à Lyon"]),
        ({"price_min": "1000"}, ["Terrain à Die", "Maison à vendre à Nantes"]),
        ({"price_max": "100000"}, ["Terrain à Die", "T3 à louer à Lyon"]),
        ({"price_min": "500", "price_max": "100000"}, ["Terrain à Die", "T3 à louer à Lyon"]),
        (
            {"sort": "oldest", "region": "53"},
            ["Architecte à Brest", "Groupe à Rennes cherche habitants"],
        ),
    ],
)
def test_filters_narrow_the_ads(client, ads, params, expected):
    assert titles(client.get("/annonces/", params)) == expected


def test_sorting_by_price_puts_ads_without_a_price_last(client, ads):
    ascending = titles(client.get("/annonces/", {"sort": "price_asc"}))
    assert ascending[:3] == ["T3 à louer à Lyon", "Terrain à Die", "Maison à vendre à Nantes"]
    assert set(ascending[3:]) == {"Groupe à Rennes cherche habitants", "Architecte à Brest"}
    descending = titles(client.get("/annonces/", {"sort": "price_desc"}))
    assert descending[:3] == ["Maison à vendre à Nantes", "Terrain à Die", "T3 à louer à Lyon"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"price_min": "5000", "price_max": "100"},
            "price_max",
            "The maximum price is below the minimum price.",
        ),
        ({"price_min": "-3"}, "price_min", "A price cannot be negative."),
        ({"price_max": "cher"}, "price_max", "Enter a price in whole euros."),
        ({"region": "Atlantide"}, "region", UNKNOWN_REGION),
        ({"category": "yacht"}, "category", "Unknown category."),
        ({"sort": "random"}, "sort", "Unknown sort order."),
    ],
)
def test_bad_filters_get_a_message_and_the_rest_still_applies(client, ads, params, field, message):
    response = client.get("/annonces/", params)
    form = response.context["listing"].form
    assert gettext(message) in form.errors[field]
    assert escape(gettext(message)) in response.content.decode()
    assert len(titles(response)) >= 1


def test_a_price_filter_on_a_category_without_prices_is_explained_and_ignored(client, ads):
    response = client.get("/annonces/", {"category": "skill", "price_min": "100"})
    assert titles(response) == ["Architecte à Brest"]
    notice = gettext("Only land and homes have a price: the price filter was ignored.")
    assert escape(notice) in response.content.decode()


def card_of(html, title):
    (card,) = [card for card in html.split('<li class="ad-card">') if title in card]
    return card


def test_prices_are_shown_with_rents_per_month(client, ads):
    html = client.get("/annonces/").content.decode()
    rent = gettext("%(price)s € per month") % {"price": "780"}
    assert rent in card_of(html, "T3 à louer à Lyon")
    sale = gettext("%(price)s €") % {"price": floatformat(310_000, "0g")}
    assert sale in card_of(html, "Maison à vendre à Nantes")
    assert "€" not in card_of(html, "Architecte à Brest")


def test_the_listing_is_paginated(client):
    for _index in range(PAGE_SIZE + 2):
        ClassifiedAdFactory()
    assert len(titles(client.get("/annonces/"))) == PAGE_SIZE
    assert len(titles(client.get("/annonces/", {"page": 2}))) == 2
    assert client.get("/annonces/", {"page": "dernière"}).status_code == 200


def _ads(count):
    categories = [AdCategory.LAND, AdCategory.SKILL, AdCategory.HOME_TO_BUY]
    for index in range(count):
        category = categories[index % 3]
        ClassifiedAdFactory(
            category=category,
            region=["53", "84"][index % 2],
            price=100_000 + index if category != AdCategory.SKILL else None,
        )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/annonces/",
        "/annonces/?region=53&sort=price_desc",
        "/annonces/?category=land&price_min=1000&price_max=900000",
    ],
)
def test_the_listing_runs_the_same_queries_for_5_or_30_ads(client, path):
    _ads(5)
    client.get(path)  # warm the site and menu caches
    with_5 = count_queries(client, path)
    _ads(25)
    assert count_queries(client, path) == with_5
    assert with_5 <= 6  # count and page of ads, and the site's menu
