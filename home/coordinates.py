"""Latitude and longitude of the records shown on a map (projects, partners): one definition of
the fields and of what counts as valid coordinates."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_latitude(value):
    if value is not None and not -90 <= value <= 90:
        raise ValidationError(
            _("A latitude is between -90 and 90 degrees (%(value)s given)."),
            code="latitude_range",
            params={"value": value},
        )


def validate_longitude(value):
    if value is not None and not -180 <= value <= 180:
        raise ValidationError(
            _("A longitude is between -180 and 180 degrees (%(value)s given)."),
            code="longitude_range",
            params={"value": value},
        )


class Coordinates(models.Model):
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[validate_latitude],
        help_text=_("In decimal degrees, e.g. 45.7640 for Lyon."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[validate_longitude],
        help_text=_("In decimal degrees, east positive, e.g. 4.8357 for Lyon."),
    )

    class Meta:
        abstract = True

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def clean_coordinates(self):
        """Both or neither: a point needs its latitude and its longitude."""
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )
