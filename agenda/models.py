"""The movement's agenda: events submitted by members and published by editors.

Plain Django records (the agenda must list and filter thousands of them), moderated in
Wagtail's admin as snippets, read at /agenda/. Start and end are stored as aware datetimes
(UTC in the database) and always shown in the event's own time zone."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from home.regions import REGION_NAMES, REGIONS

from .timezones import PARIS, TIME_ZONE_LABELS, TIME_ZONES, zone


class EventKind(models.TextChoices):
    NATIONAL = "national", _("National event")
    REGIONAL = "regional", _("Regional event")
    OPEN_DAY = "open_day", _("Open day")
    NATIONAL_MEETING = "national_meeting", _("National meeting")
    TRAINING = "training", _("Training")
    ONLINE = "online", _("Online event")


# Kinds that happen somewhere in a région: the région is required for them.
KINDS_WITH_REGION = {EventKind.REGIONAL, EventKind.OPEN_DAY}


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RESIDENTS = "residents", _("Residents and project groups")
    NEWCOMERS = "newcomers", _("People discovering participatory housing")
    PROFESSIONALS = "professionals", _("Professionals")
    ELECTED = "elected", _("Elected officials and local authorities")


class EventStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EventStatus.PUBLISHED)

    def upcoming(self, now=None):
        """Events not over yet (those under way included), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(index.Indexed, models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in the lists.")
    )
    description = models.TextField(_("description"), blank=True, max_length=8000)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONES,
        default=PARIS,
        help_text=_("The event's times are shown in this zone. The admin shows Paris time."),
    )
    place = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("Venue and address. Leave empty for an event only online."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        max_length=500,
        help_text=_("Videoconference or live stream link, if any."),
    )
    region = models.CharField(
        _("région"),
        max_length=3,
        choices=REGIONS,
        blank=True,
        db_index=True,
        help_text=_("Leave empty for a national or online event."),
    )
    organiser = models.CharField(_("organiser"), max_length=200)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    registration_url = models.URLField(_("registration link"), blank=True, max_length=500)

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.PENDING,
        db_index=True,
    )
    moderation_note = models.TextField(
        _("note to the submitter"),
        blank=True,
        max_length=2000,
        help_text=_("Sent by email when the event is published or rejected."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_events",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.SearchField("place"),
        index.SearchField("region_name"),
        index.FilterField("status"),
        index.FilterField("starts_at"),
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("moderation_note")], heading=_("Moderation")
        ),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("time_zone")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("online_url"), FieldPanel("registration_url")]),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("submitted_by", read_only=True)]),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["status", "ends_at", "starts_at"], name="event_listing_idx"),
            models.Index(fields=["status", "kind"], name="event_kind_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agenda:detail", args=[self.pk])

    @property
    def is_published(self):
        return self.status == EventStatus.PUBLISHED

    @property
    def region_name(self):
        return REGION_NAMES.get(self.region, "")

    @property
    def tzinfo(self):
        return zone(self.time_zone)

    @property
    def time_zone_label(self):
        return TIME_ZONE_LABELS.get(self.time_zone, self.time_zone)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.tzinfo)

    @property
    def is_one_day(self):
        return self.local_starts_at.date() == self.local_ends_at.date()

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, an online link, or both.")
        if self.kind in KINDS_WITH_REGION and not self.region:
            errors["region"] = _("A regional event or an open day takes place in a région.")
        if self.time_zone and self.time_zone not in TIME_ZONE_LABELS:
            errors["time_zone"] = _("Unknown time zone.")
        if errors:
            raise ValidationError(errors)
