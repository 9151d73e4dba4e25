"""Readers browse the agenda: upcoming and past events, filtered by région, kind and audience,
a page at a time, with the same number of queries whatever the number of events."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from agenda.factories import EventFactory
from agenda.forms import UNKNOWN_REGION
from agenda.listing import PAGE_SIZE
from agenda.models import Audience, EventKind, EventStatus

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["listing"].events]


@pytest.fixture
def agenda():
    now = timezone.now()
    return {
        "open_day": EventFactory(
            title="Portes ouvertes à Rennes",
            kind=EventKind.OPEN_DAY,
            region="53",
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=6),
        ),
        "training": EventFactory(
            title="Formation juridique à Lyon",
            kind=EventKind.TRAINING,
            region="84",
            audience=Audience.PROFESSIONALS,
            starts_at=now + timedelta(days=10),
            ends_at=now + timedelta(days=10, hours=8),
        ),
        "ongoing": EventFactory(
            title="Rencontres nationales en cours",
            kind=EventKind.NATIONAL_MEETING,
            region="",
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=1),
        ),
        "past": EventFactory(
            title="Soirée passée à Rennes",
            region="53",
            starts_at=now - timedelta(days=30),
            ends_at=now - timedelta(days=30) + timedelta(hours=2),
        ),
        "pending": EventFactory(
            title="Proposition en attente à Rennes",
            region="53",
            status=EventStatus.PENDING,
        ),
        "rejected": EventFactory(
            title="Proposition refusée à Rennes", region="53", status=EventStatus.REJECTED
        ),
    }


def test_upcoming_lists_published_events_not_over_yet_soonest_first(client, agenda):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert titles(response) == [
        "Rencontres nationales en cours",
        "Portes ouvertes à Rennes",
        "Formation juridique à Lyon",
    ]
    html = response.content.decode()
    assert "Proposition en attente" not in html and "Proposition refusée" not in html


def test_past_events_are_listed_newest_first_on_their_own_page(client, agenda):
    EventFactory(
        title="Atelier plus ancien",
        starts_at=timezone.now() - timedelta(days=90),
        ends_at=timezone.now() - timedelta(days=90) + timedelta(hours=2),
    )
    response = client.get("/agenda/passes/")
    assert titles(response) == ["Soirée passée à Rennes", "Atelier plus ancien"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "53"}, ["Portes ouvertes à Rennes"]),
        ({"region": "Bretagne"}, ["Portes ouvertes à Rennes"]),  # a name works too
        ({"region": "auvergne rhone alpes"}, ["Formation juridique à Lyon"]),
        ({"kind": "training"}, ["Formation juridique à Lyon"]),
        ({"audience": "professionals"}, ["Formation juridique à Lyon"]),
        ({"region": "53", "kind": "training"}, []),
    ],
)
def test_filters_narrow_the_upcoming_events(client, agenda, params, expected):
    assert titles(client.get("/agenda/", params)) == expected


def test_filters_apply_to_past_events_too(client, agenda):
    assert titles(client.get("/agenda/passes/", {"region": "53"})) == ["Soirée passée à Rennes"]
    assert titles(client.get("/agenda/passes/", {"region": "84"})) == []


def test_an_unknown_region_gets_a_message_and_the_other_filters_still_apply(client, agenda):
    response = client.get("/agenda/", {"region": "Atlantide", "kind": "open_day"})
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(str(UNKNOWN_REGION)) in html
    assert titles(response) == ["Portes ouvertes à Rennes"]


def test_an_unknown_kind_gets_a_message(client, agenda):
    response = client.get("/agenda/", {"kind": "rave"})
    assert response.context["listing"].form.errors["kind"]
    assert len(titles(response)) == 3


def test_the_agenda_is_paginated(client):
    start = timezone.now() + timedelta(days=1)
    for day in range(PAGE_SIZE + 3):
        EventFactory(
            starts_at=start + timedelta(days=day), ends_at=start + timedelta(days=day, hours=2)
        )
    first = client.get("/agenda/")
    assert len(titles(first)) == PAGE_SIZE
    second = client.get("/agenda/", {"page": 2})
    assert len(titles(second)) == 3
    assert client.get("/agenda/", {"page": "abc"}).status_code == 200


def test_the_listing_links_the_matching_ical_feed(client, agenda):
    assert 'href="/agenda/agenda.ics"' in client.get("/agenda/").content.decode()
    html = client.get("/agenda/", {"region": "53"}).content.decode()
    assert 'href="/agenda/region/53/agenda.ics"' in html
    html = client.get("/agenda/", {"kind": "training"}).content.decode()
    assert 'href="/agenda/type/training/agenda.ics"' in html


def _events(count):
    """`count` published events, one in two ahead, the others over."""
    now = timezone.now()
    for index in range(count):
        start = now + timedelta(days=1 + index) if index % 2 else now - timedelta(days=1 + index)
        EventFactory(
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            region=["53", "84", "11"][index % 3],
        )


def count_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "path", ["/agenda/", "/agenda/?region=53&kind=regional", "/agenda/passes/"]
)
def test_the_listing_runs_the_same_queries_for_5_or_30_events(client, path):
    _events(5)
    client.get(path)  # warm the site and menu caches
    with_5 = count_queries(client, path)
    _events(25)
    assert count_queries(client, path) == with_5
    assert with_5 <= 6  # count and page of events, and the site's menu


def test_times_are_shown_in_the_events_own_time_zone(client):
    from zoneinfo import ZoneInfo

    from agenda.models import Event

    starts = (timezone.now() + timedelta(days=20)).astimezone(ZoneInfo("Indian/Reunion"))
    starts = starts.replace(hour=18, minute=30, second=0, microsecond=0)
    event = EventFactory(
        title="Soirée à Saint-Denis",
        region="04",
        time_zone="Indian/Reunion",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    stored = Event.objects.get(pk=event.pk)
    assert stored.starts_at.astimezone(ZoneInfo("Europe/Paris")).hour != 18  # not Paris time
    html = client.get(f"/agenda/{event.pk}/").content.decode()
    assert "18:30" in html and "20:30" in html
    assert "Réunion" in html
    listing = client.get("/agenda/").content.decode()
    assert "18:30" in listing
