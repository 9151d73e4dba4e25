"""The vocabulary of a matching profile: who is looking, when, and what for."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PERSON = "person", _("A person or household looking for a project")
    GROUP = "group", _("A group looking for new residents")

    @property
    def opposite(self):
        return Kind.GROUP if self == Kind.PERSON else Kind.PERSON


# The kind as it appears in French URLs (/mise-en-relation/profil/nouveau/personne/).
KIND_SLUGS = {"personne": Kind.PERSON, "groupe": Kind.GROUP}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}


class Status(models.TextChoices):
    ACTIVE = "active", _("active")
    PAUSED = "paused", _("paused")


class Timeline(models.IntegerChoices):
    """When the person wants to move in, or when the group expects to: ordered, so that the
    distance between two values says how far apart two projects are in time."""

    WITHIN_A_YEAR = 1, _("within a year")
    ONE_TO_THREE_YEARS = 2, _("in one to three years")
    LATER = 3, _("in more than three years")


class Wish(models.TextChoices):
    INTERGENERATIONAL = "intergenerational", _("intergenerational living")
    SENIORS = "seniors", _("growing old together")
    ECO_BUILDING = "eco_building", _("eco-building")
    SHARED_SPACES = "shared_spaces", _("shared spaces (common room, guest room, laundry)")
    SHARED_GARDEN = "shared_garden", _("shared garden or vegetable plot")
    RURAL = "rural", _("in the countryside")
    URBAN = "urban", _("in town")
    SOCIAL_HOUSING = "social_housing", _("social housing")
    COOPERATIVE = "cooperative", _("housing cooperative")
    RENOVATION = "renovation", _("renovating an existing building")
    ACCESSIBLE = "accessible", _("accessible to people with reduced mobility")


WISH_LABELS = dict(Wish.choices)
