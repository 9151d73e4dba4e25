"""Time zones of the agenda: Paris for metropolitan France and Corsica, their own for the
overseas régions. Times are stored in UTC and shown in the event's own zone."""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

PARIS = "Europe/Paris"

TIME_ZONES = [
    (PARIS, _("Paris time (metropolitan France, Corsica)")),
    ("America/Guadeloupe", _("Guadeloupe time")),
    ("America/Martinique", _("Martinique time")),
    ("America/Cayenne", _("French Guiana time")),
    ("Indian/Reunion", _("Réunion time")),
    ("Indian/Mayotte", _("Mayotte time")),
]
TIME_ZONE_LABELS = dict(TIME_ZONES)

# Overseas régions (INSEE codes of home/regions.py) and the zone their clocks follow.
REGION_TIME_ZONES = {
    "01": "America/Guadeloupe",
    "02": "America/Martinique",
    "03": "America/Cayenne",
    "04": "Indian/Reunion",
    "06": "Indian/Mayotte",
}


def zone_for_region(region):
    """The zone a région's clocks follow (Paris when the event has no région)."""
    return REGION_TIME_ZONES.get(region or "", PARIS)


def zone(name):
    return ZoneInfo(name or PARIS)
