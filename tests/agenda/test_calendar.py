"""The iCal feeds (whole agenda, per région, per kind) and the "add to my calendar" file of an
event, parsed back with the `icalendar` library: RFC 5545 properties, times in the event's own
zone with its VTIMEZONE, published events only."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from agenda.factories import EventFactory
from agenda.models import EventKind, EventStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    start = (timezone.now() + timedelta(days=15)).replace(microsecond=0)
    reunion = start.astimezone(ZoneInfo("Indian/Reunion")).replace(hour=18, minute=30, second=0)
    return {
        "rennes": EventFactory(
            title="Portes ouvertes, visite; goûter à Rennes",
            kind=EventKind.OPEN_DAY,
            region="53",
            starts_at=start,
            ends_at=start + timedelta(hours=6),
        ),
        "reunion": EventFactory(
            title="Soirée découverte à Saint-Denis",
            region="04",
            time_zone="Indian/Reunion",
            starts_at=reunion,
            ends_at=reunion + timedelta(hours=2),
        ),
        "webinar": EventFactory(
            title="Webinaire sur le bail réel solidaire",
            kind=EventKind.ONLINE,
            region="",
            place="",
            online_url="https://visio.example.org/brs",
            starts_at=start + timedelta(days=1),
            ends_at=start + timedelta(days=1, hours=1),
        ),
        "pending": EventFactory(title="Proposition en attente", status=EventStatus.PENDING),
        "old": EventFactory(
            title="Rencontre d'il y a deux ans",
            starts_at=timezone.now() - timedelta(days=730),
            ends_at=timezone.now() - timedelta(days=730) + timedelta(hours=2),
        ),
    }


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content  # RFC 5545 lines end with CRLF
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))  # folded
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}


def assert_valid(calendar):
    """What RFC 5545 requires of a calendar and its events, and of their time zones."""
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    uids = set()
    for component in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
            assert required in component, required
        assert "LOCATION" in component
        uids.add(str(component["UID"]))
        assert component["DTSTAMP"].to_ical().endswith(b"Z")  # DTSTAMP is in UTC
        start = component["DTSTART"]
        tzid = start.params.get("TZID")
        assert tzid in zones  # every zone used has its VTIMEZONE
        assert component.decoded("DTEND") > component.decoded("DTSTART")
    assert len(uids) == len(calendar.walk("VEVENT"))
    assert not calendar.get_missing_tzids()


def test_the_whole_agenda_feed_has_published_events_with_their_zones(client, events):
    calendar = parse(client.get("/agenda/agenda.ics"))
    assert_valid(calendar)
    assert summaries(calendar) == {
        "Portes ouvertes, visite; goûter à Rennes",  # commas and semicolons survive escaping
        "Soirée découverte à Saint-Denis",
        "Webinaire sur le bail réel solidaire",
    }
    by_title = {str(c["SUMMARY"]): c for c in calendar.walk("VEVENT")}
    reunion = by_title["Soirée découverte à Saint-Denis"]
    assert reunion["DTSTART"].params["TZID"] == "Indian/Reunion"
    start = reunion.decoded("DTSTART")
    assert (start.hour, start.minute) == (18, 30)
    assert start == events["reunion"].starts_at
    rennes = by_title["Portes ouvertes, visite; goûter à Rennes"]
    assert rennes["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(rennes["LOCATION"]) == "Maison des associations, 12 rue de la Paix, Nantes"
    assert str(rennes["URL"]).endswith(f"/agenda/{events['rennes'].pk}/")
    webinar = by_title["Webinaire sur le bail réel solidaire"]
    assert str(webinar["LOCATION"]) == "https://visio.example.org/brs"
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {
        "Europe/Paris",
        "Indian/Reunion",
    }


def test_the_region_feed_has_only_that_regions_events(client, events):
    calendar = parse(client.get("/agenda/region/04/agenda.ics"))
    assert_valid(calendar)
    assert summaries(calendar) == {"Soirée découverte à Saint-Denis"}
    assert "Réunion" in str(calendar["X-WR-CALNAME"])
    assert summaries(parse(client.get("/agenda/region/53/agenda.ics"))) == {
        "Portes ouvertes, visite; goûter à Rennes"
    }
    assert summaries(parse(client.get("/agenda/region/11/agenda.ics"))) == set()


def test_the_kind_feed_has_only_that_kind_of_events(client, events):
    calendar = parse(client.get("/agenda/type/online/agenda.ics"))
    assert_valid(calendar)
    assert summaries(calendar) == {"Webinaire sur le bail réel solidaire"}
    assert summaries(parse(client.get("/agenda/type/open_day/agenda.ics"))) == {
        "Portes ouvertes, visite; goûter à Rennes"
    }


def test_unknown_regions_and_kinds_have_no_feed(client, events):
    assert client.get("/agenda/region/99/agenda.ics").status_code == 404
    assert client.get("/agenda/type/rave/agenda.ics").status_code == 404


def test_each_published_event_has_an_add_to_my_calendar_file(client, events):
    event = events["reunion"]
    page = client.get(f"/agenda/{event.pk}/").content.decode()
    assert f'href="/agenda/{event.pk}/evenement.ics"' in page
    response = client.get(f"/agenda/{event.pk}/evenement.ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="soiree-decouverte-a-saint-denis.ics"'
    )
    calendar = parse(response)
    assert_valid(calendar)
    (component,) = calendar.walk("VEVENT")
    assert str(component["UID"]).startswith(str(event.uid))
    assert component.decoded("DTEND") - component.decoded("DTSTART") == timedelta(hours=2)
    assert "Collectif" not in str(component["DESCRIPTION"])
    assert "Association régionale" in str(component["DESCRIPTION"])  # the organiser


def test_the_uid_of_an_event_is_stable_between_downloads(client, events):
    first = parse(client.get("/agenda/agenda.ics"))
    second = parse(client.get("/agenda/agenda.ics"))
    assert {str(c["UID"]) for c in first.walk("VEVENT")} == {
        str(c["UID"]) for c in second.walk("VEVENT")
    }


def test_an_empty_feed_is_still_a_valid_calendar(client):
    calendar = parse(client.get("/agenda/agenda.ics"))
    assert calendar.walk("VEVENT") == []
    assert calendar["VERSION"] == "2.0"


def test_times_across_a_daylight_saving_change_keep_their_wall_clock(client):
    # The last Sunday of March 2027 Paris moves from UTC+1 to UTC+2.
    paris = ZoneInfo("Europe/Paris")
    EventFactory(
        title="Formation sur deux jours",
        starts_at=datetime(2027, 3, 27, 9, 0, tzinfo=paris),
        ends_at=datetime(2027, 3, 28, 17, 0, tzinfo=paris),
    )
    calendar = parse(client.get("/agenda/agenda.ics"))
    (component,) = calendar.walk("VEVENT")
    assert component.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert component.decoded("DTEND").utcoffset() == timedelta(hours=2)
    assert (component.decoded("DTEND").hour, component.decoded("DTEND").minute) == (17, 0)
