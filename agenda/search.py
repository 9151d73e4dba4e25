"""The agenda in the site search: published events only, for everyone."""

from django.utils.translation import gettext_lazy as _


def visible_events(user):
    from .models import Event

    return Event.objects.published()


def source():
    from search.service import Source

    return Source(
        key="event",
        label=_("Event"),
        queryset=visible_events,
        date=lambda event: event.starts_at,
        date_field="starts_at",
        url=lambda event: event.get_absolute_url(),
        section=lambda event: event.region_name or str(_("National")),
    )
