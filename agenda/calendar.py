"""iCalendar (RFC 5545) files of the agenda, built with the `icalendar` library: feeds of the
whole agenda, of a région or of a kind of event, and one file per event ("add to my
calendar"). Times keep the event's zone (DTSTART;TZID=...) with its VTIMEZONE included."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url

from .models import Event

# A feed carries what is ahead and the recent past (calendar apps keep what they have seen).
FEED_PAST_DAYS = 180
FEED_MAX_EVENTS = 1000
PRODID = "-//Espace contributeurs//Agenda de l'habitat participatif//FR"


def _host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def feed_events(**filters):
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return (
        Event.objects.published()
        .filter(ends_at__gte=since, **filters)
        .order_by("starts_at", "pk")[:FEED_MAX_EVENTS]
    )


def feed_url_for(filters):
    """The feed of a listing filtered by région or by kind (not both: one feed each)."""
    if set(filters) == {"region"}:
        return reverse("agenda:region_feed", args=[filters["region"]])
    if set(filters) == {"kind"}:
        return reverse("agenda:kind_feed", args=[filters["kind"]])
    if not filters:
        return reverse("agenda:feed")
    return None


def _description(event, url):
    parts = [event.summary, event.description, _("Organiser: %s") % event.organiser]
    if event.online_url:
        parts.append(_("Online: %s") % event.online_url)
    if event.registration_url:
        parts.append(_("Registration: %s") % event.registration_url)
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def event_component(event, stamp):
    url = absolute_url(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", f"{event.uid}@{_host()}")
    component.add("dtstamp", stamp)
    component.add("dtstart", event.local_starts_at)
    component.add("dtend", event.local_ends_at)
    component.add("summary", event.title)
    component.add("description", _description(event, url))
    component.add("location", event.place or event.online_url)
    component.add("url", url)
    component.add("categories", [event.get_kind_display()])
    component.add("created", event.created_at.astimezone(UTC))
    component.add("last-modified", event.updated_at.astimezone(UTC))
    component.add("status", "CONFIRMED")
    return component


def build_calendar(events, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, stamp))
    if events:
        # Each zone's rules over the span of these events only: a small VTIMEZONE.
        first = min(event.starts_at for event in events).date() - timedelta(days=366)
        last = max(event.ends_at for event in events).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
