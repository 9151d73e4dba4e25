"""The demo content has plausible ads and events spread over régions and kinds, loads twice
without adding anything, and both tools are on the tools page (agenda first)."""

import pytest

from agenda.models import Event, EventStatus
from classifieds.models import PRICED_CATEGORIES, AdCategory, ClassifiedAd
from home.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_ads_and_events_across_regions_and_kinds(demo):
    ads = ClassifiedAd.objects.visible()
    assert ads.count() >= 30
    assert set(ads.values_list("category", flat=True)) == set(AdCategory.values)
    assert ads.values("region").distinct().count() >= 10
    priced = ads.filter(price__isnull=False)
    assert priced.exists()
    assert set(priced.values_list("category", flat=True)) <= set(PRICED_CATEGORIES)
    assert ClassifiedAd.objects.filter(is_hidden=True).exists()

    published = Event.objects.published()
    assert published.count() >= 30
    assert published.upcoming().count() >= 10 and published.past().count() >= 5
    assert published.values("kind").distinct().count() == 6
    assert published.exclude(region="").values("region").distinct().count() >= 10
    assert Event.objects.filter(status=EventStatus.PENDING).exists()


def test_loading_the_demo_twice_adds_no_ad_or_event(demo):
    counts = (ClassifiedAd.objects.count(), Event.objects.count())
    report = load_demo()
    assert (ClassifiedAd.objects.count(), Event.objects.count()) == counts
    assert not [line for line in report.created if "annonce" in line or "événement" in line]


def test_the_tools_page_lists_the_agenda_then_the_ads(client, demo):
    html = client.get("/outils/").content.decode()
    assert 'href="/agenda/"' in html and 'href="/annonces/"' in html
    assert html.index('href="/agenda/"') < html.index('href="/annonces/"')
    assert client.get("/agenda/").status_code == 200
    assert client.get("/annonces/").status_code == 200
