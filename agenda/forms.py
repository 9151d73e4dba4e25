"""The members' event form and the agenda's filters.

Members type the times they read on the poster (a wall-clock time) and pick the event's time
zone, or let the région decide it; the form turns them into aware datetimes in that zone."""

from datetime import UTC

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.regions import REGIONS, region_code
from home.widgets import QuickSelect, QuickSelectForm

from .models import Audience, Event, EventKind
from .timezones import TIME_ZONES, zone, zone_for_region

DATETIME_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as typed, without a zone: the form applies the event's zone. Parsed as
    UTC so that no wall-clock time is refused for a gap in Paris's daylight-saving calendar."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT_FORMAT)
    default_error_messages = {
        "invalid": _("Enter a date and time, for example 2026-06-14 18:30."),
    }

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result

    def prepare_value(self, value):
        if hasattr(value, "tzinfo") and value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        return value


UNKNOWN_REGION = _("Unknown région: choose one of the French régions in the list.")


def https_by_default(field, **kwargs):
    """Model fields as form fields; a web address typed without a scheme gets https://."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EventForm(forms.ModelForm):
    starts_at = WallClockDateTimeField(label=_("Starts at"))
    ends_at = WallClockDateTimeField(label=_("Ends at"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[("", _("The région's time zone (Paris time without a région)")), *TIME_ZONES],
        required=False,
        help_text=_("The times above are read in this zone."),
    )

    class Meta:
        model = Event
        formfield_callback = https_by_default
        fields = [
            "title",
            "kind",
            "summary",
            "description",
            "starts_at",
            "ends_at",
            "time_zone",
            "region",
            "place",
            "online_url",
            "organiser",
            "audience",
            "registration_url",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 8000}),
        }
        error_messages = {
            "region": {"invalid_choice": UNKNOWN_REGION},
            "kind": {"invalid_choice": _("Choose a kind of event in the list.")},
            "audience": {"invalid_choice": _("Choose an audience in the list.")},
            "online_url": {"invalid": _("Enter a full web address, starting with https://.")},
            "registration_url": {"invalid": _("Enter a full web address, starting with https://.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("No région (national or online)")), *REGIONS]
        if self.instance.pk:  # editing: show the stored times on the event's own clock
            for name in ("starts_at", "ends_at"):
                value = getattr(self.instance, name)
                if value:
                    self.initial[name] = timezone.localtime(value, self.instance.tzinfo)

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("time_zone") or zone_for_region(cleaned.get("region"))
        cleaned["time_zone"] = name
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts:
            cleaned["starts_at"] = starts = starts.replace(tzinfo=zone(name))
            if self.instance.pk is None and starts < timezone.now():
                self.add_error(
                    "starts_at", _("This date is in the past: an event proposed now must be ahead.")
                )
        if ends:
            cleaned["ends_at"] = ends.replace(tzinfo=zone(name))
        # The model's clean() then checks the order of the dates, the place or link and the
        # région, on these aware values.
        return cleaned


class RegionFilterField(forms.CharField):
    """A région given by code or by name, however spelled; unknown ones get a message."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        code = region_code(value)
        if code is None:
            raise forms.ValidationError(UNKNOWN_REGION, code="unknown_region")
        return code


class EventFilterForm(QuickSelectForm):
    region = RegionFilterField(label=_("Région"), required=False)
    kind = forms.ChoiceField(
        label=_("Event type"),
        required=False,
        choices=[("", _("All kinds")), *EventKind.choices],
        error_messages={"invalid_choice": _("Unknown kind of event.")},
    )
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("All audiences")), *Audience.choices],
        error_messages={"invalid_choice": _("Unknown audience.")},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].widget = QuickSelect(choices=[("", _("All régions")), *REGIONS])

    def filters(self):
        """The valid choices as queryset lookups; invalid ones are left out (and shown)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if cleaned.get(name)}
