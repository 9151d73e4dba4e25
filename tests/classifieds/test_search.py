"""The site search finds visible ads on the database backend, OpenSearch and Elasticsearch;
hidden, expired (by the task or only by their date) and withdrawn ads are never found or
counted, by anyone."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from classifieds.factories import ClassifiedAdFactory
from classifieds.models import AdCategory, AdStatus
from search.service import SiteSearch

from .conftest import SECRET_EMAIL, make_user

pytestmark = pytest.mark.django_db

HIDDEN_TITLES = {
    "Terrain masqué à Douarnenez",
    "Terrain expiré à Douarnenez",
    "Terrain dont la date est passée à Douarnenez",
    "Terrain retiré à Douarnenez",
}


@pytest.fixture
def ads(backend, poster):
    now = timezone.now()
    land = {"category": AdCategory.LAND, "region": "53", "town": "Douarnenez", "poster": poster}
    visible = ClassifiedAdFactory(title="Terrain en bord de mer à Douarnenez", price=95_000, **land)
    ClassifiedAdFactory(title="Terrain masqué à Douarnenez", is_hidden=True, **land)
    ClassifiedAdFactory(title="Terrain expiré à Douarnenez", status=AdStatus.EXPIRED, **land)
    ClassifiedAdFactory(
        title="Terrain dont la date est passée à Douarnenez",
        published_at=now - timedelta(days=61),
        expires_at=now - timedelta(days=1),
        **land,
    )
    ClassifiedAdFactory(title="Terrain retiré à Douarnenez", status=AdStatus.WITHDRAWN, **land)
    backend()
    return visible


def ad_hits(user, text):
    outcome = SiteSearch(user, text).run()
    return outcome, [hit for hit in outcome.hits if hit.source.key == "classified_ad"]


def test_a_visible_ad_is_found_with_its_region_and_url(ads):
    _outcome, hits = ad_hits(AnonymousUser(), "terrain Douarnenez")
    assert [hit.title for hit in hits] == ["Terrain en bord de mer à Douarnenez"]
    (hit,) = hits
    assert hit.url == f"/annonces/{ads.pk}/"
    assert hit.section == "Bretagne"
    assert hit.date == ads.published_at


@pytest.mark.parametrize("who", ["anonymous", "author", "moderator"])
def test_hidden_expired_and_withdrawn_ads_are_never_found_or_counted(
    ads, poster, django_user_model, who
):
    users = {
        "anonymous": AnonymousUser(),
        "author": poster,
        "moderator": make_user(django_user_model, "modeste", "Membres", "Editors"),
    }
    for text in ("terrain Douarnenez", "masqué", "expiré", "retiré", "date passée"):
        outcome, hits = ad_hits(users[who], text)
        assert not {hit.title for hit in hits} & HIDDEN_TITLES
        assert outcome.counts_by_source.get("classified_ad", 0) == len(hits)


def test_the_authors_address_is_not_searchable(client, ads):
    for text in (SECRET_EMAIL, "adele", "adele.secrete"):
        assert ad_hits(AnonymousUser(), text)[1] == []
        assert SECRET_EMAIL.encode() not in client.get("/search/api/", {"q": text}).content


def test_a_hidden_ad_leaves_the_search_and_comes_back_when_unhidden(ads, backend):
    ads.is_hidden = True
    ads.save()
    backend()
    assert ad_hits(AnonymousUser(), "bord de mer")[1] == []
    ads.is_hidden = False
    ads.save()
    backend()
    assert len(ad_hits(AnonymousUser(), "bord de mer")[1]) == 1


def test_the_search_api_lists_visible_ads_only(client, ads):
    response = client.get("/search/api/", {"q": "terrain Douarnenez"})
    titles = {result["title"] for result in response.json()["results"]}
    assert "Terrain en bord de mer à Douarnenez" in titles
    assert not titles & HIDDEN_TITLES
