"""Matching profiles and the contact requests between them.

Profiles are personal data: they are never public, never indexed by the site search and
never in the sitemap. Only the owner and the members who receive them as suggestions see
them, and contact details (the account's name and email) are shown only once both sides have
accepted a contact request (`matching.contact`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from home.regions import REGION_NAMES

from .choices import Kind, Status, Timeline, Wish

DESCRIPTION_MAX_LENGTH = 1000
BUDGET_MAX = 5_000_000  # euros: above this, a typing error rather than a budget


def validate_regions(value):
    unknown = [code for code in value or [] if code not in REGION_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown région: %(codes)s."), params={"codes": ", ".join(map(str, unknown))}
        )


def validate_wishes(value):
    unknown = [code for code in value or [] if code not in Wish.values]
    if unknown:
        raise ValidationError(
            _("Unknown wish: %(codes)s."), params={"codes": ", ".join(map(str, unknown))}
        )


def _euros(amount):
    return number_format(amount, force_grouping=True)


class ProfileQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Status.ACTIVE)

    def owned_by(self, user):
        return self.filter(owner=user) if user.is_authenticated else self.none()


class Profile(models.Model):
    """How a person looking for a project, or a group looking for members, describes itself.
    One per user and kind."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="matching_profiles"
    )
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=6, choices=Status.choices, default=Status.ACTIVE
    )
    # What others see instead of the account's name until a request is accepted.
    display_name = models.CharField(
        _("public name"),
        max_length=60,
        help_text=_(
            "A first name, a pseudonym or the group's name. Your full name and email are "
            "only shared with the people whose contact request you accept."
        ),
    )
    # Lists of codes (JSON works on SQLite and PostgreSQL alike); scoring runs in Python.
    regions = models.JSONField(_("régions"), default=list, validators=[validate_regions])
    timeline = models.PositiveSmallIntegerField(_("timeline"), choices=Timeline.choices)
    budget_min = models.PositiveIntegerField(
        _("minimum budget (€)"), validators=[MaxValueValidator(BUDGET_MAX)]
    )
    budget_max = models.PositiveIntegerField(
        _("maximum budget (€)"), validators=[MinValueValidator(1), MaxValueValidator(BUDGET_MAX)]
    )
    household_size = models.PositiveSmallIntegerField(
        _("people in the household"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    homes_sought = models.PositiveSmallIntegerField(
        _("homes or places available"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    wishes = models.JSONField(_("wishes"), default=list, validators=[validate_wishes])
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("matching profile")
        verbose_name_plural = _("matching profiles")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="matching_one_profile_per_kind"),
            models.CheckConstraint(
                condition=models.Q(budget_min__lte=models.F("budget_max")),
                name="matching_budget_min_not_above_max",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.get_kind_display()})"

    @property
    def is_active(self):
        return self.status == Status.ACTIVE

    @property
    def is_group(self):
        return self.kind == Kind.GROUP

    @property
    def region_names(self):
        return [REGION_NAMES[code] for code in self.regions if code in REGION_NAMES]

    @property
    def wish_labels(self):
        labels = dict(Wish.choices)
        return [labels[code] for code in self.wishes if code in labels]

    def clean(self):
        errors = {}
        if (
            self.budget_min is not None
            and self.budget_max is not None
            and self.budget_min > self.budget_max
        ):
            errors["budget_max"] = _(
                "The maximum budget (%(max)s €) is lower than the minimum (%(min)s €)."
            ) % {"max": _euros(self.budget_max), "min": _euros(self.budget_min)}
        if self.kind == Kind.PERSON and not self.household_size:
            errors["household_size"] = _("Say how many people would move in.")
        if self.kind == Kind.GROUP and not self.homes_sought:
            errors["homes_sought"] = _("Say how many homes or places are available.")
        if errors:
            raise ValidationError(errors)


class ContactRequest(models.Model):
    """A request from one profile to another. Contact details are revealed to both sides
    only when it is accepted; a declined request stays, so that it cannot be sent again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    sender = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(_("message"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]
        constraints = [
            # One request per pair and direction, whatever its status: no duplicates, and a
            # declined request cannot be sent again.
            models.UniqueConstraint(
                fields=["sender", "recipient"], name="matching_one_request_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")),
                name="matching_no_request_to_oneself",
            ),
        ]

    def __str__(self):
        return f"{self.sender.display_name} → {self.recipient.display_name}"

    @property
    def is_accepted(self):
        return self.status == self.Status.ACCEPTED

    def involves(self, user):
        return user.pk in (self.sender.owner_id, self.recipient.owner_id)

    def side_of(self, user):
        """(my profile, the other profile) for a user on either side."""
        if self.sender.owner_id == user.pk:
            return self.sender, self.recipient
        return self.recipient, self.sender
