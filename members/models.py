"""Members of the movement: their accounts' profile (shown in the directory field by field, as
each member chooses), their yearly memberships (individual, resident group or organisation)
and the tiers and settings administrators edit in Wagtail's admin.

A membership is *pending* until it is paid (marked by an administrator or by the import of the
payment platform's export), then *active* for a year, then *expired*. An active membership
puts its account in the "Membres" group (`home.membership.is_member`)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.regions import REGION_NAMES, REGIONS

from .siret import validate_siret


class MembershipKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    RESIDENT_GROUP = "group", _("Resident group")
    ORGANISATION = "organisation", _("Organisation")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending payment")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association (loi 1901)")
    HOUSING_COOPERATIVE = "cooperative", _("Housing cooperative")
    SCIC = "scic", _("SCIC")
    SCI = "sci", _("SCI (civil property company)")
    COMPANY = "company", _("Company (SARL, SAS...)")
    LOCAL_AUTHORITY = "authority", _("Local authority")
    SOCIAL_LANDLORD = "landlord", _("Social landlord")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Only me")


class MembershipTier(models.Model):
    """A membership tier and its yearly fee, for one kind of member; edited in the admin."""

    kind = models.CharField(_("for"), max_length=12, choices=MembershipKind.choices)
    name = models.CharField(_("name"), max_length=80)
    yearly_fee = models.DecimalField(
        _("yearly fee (€)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    description = models.CharField(_("description"), max_length=250, blank=True)
    is_active = models.BooleanField(
        _("offered"), default=True, help_text=_("Untick to stop offering it to new members.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("yearly_fee")]),
        FieldPanel("description"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("membership tier")
        verbose_name_plural = _("membership tiers")
        ordering = ["kind", "sort_order", "yearly_fee"]

    def __str__(self):
        return _("%(name)s — %(fee)s € a year") % {
            "name": self.name,
            "fee": format_fee(self.yearly_fee),
        }


def format_fee(amount):
    """20 → "20", 12.5 → "12,50": how a fee reads in French."""
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:.2f}".replace(".", ",")


@register_setting(icon="group")
class MembershipSettings(BaseSiteSetting):
    payment_url = models.URLField(
        _("payment page"),
        blank=True,
        max_length=500,
        help_text=_(
            "Where new members pay their fee (for example the association's HelloAsso page). "
            "Payments are then recorded by an administrator or by `import_payments`."
        ),
    )
    rules_url = models.URLField(
        _("rules of membership"),
        blank=True,
        max_length=500,
        help_text=_("The page or document members agree to when they join."),
    )
    welcome_text = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1000,
        help_text=_("Shown at the top of the “Join” page."),
    )

    panels = [FieldPanel("welcome_text"), FieldPanel("payment_url"), FieldPanel("rules_url")]

    class Meta:
        verbose_name = _("membership")


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)


class Membership(models.Model):
    """One year of membership of one account, as an individual, a resident group or an
    organisation. Renewing creates the next year's membership."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MembershipKind.choices)
    tier = models.ForeignKey(
        MembershipTier,
        verbose_name=_("tier"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    # The fee as it was when the member joined: tiers change, this year's fee does not.
    fee = models.DecimalField(_("fee (€)"), max_digits=8, decimal_places=2)
    region = models.CharField(_("région"), max_length=3, choices=REGIONS, db_index=True)
    town = models.CharField(_("town"), max_length=120, blank=True)
    # Resident groups and organisations.
    name = models.CharField(_("name of the group or organisation"), max_length=150, blank=True)
    households = models.PositiveSmallIntegerField(
        _("households in the group"), null=True, blank=True
    )
    legal_form = models.CharField(
        _("legal form"), max_length=12, choices=LegalForm.choices, blank=True
    )
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    rules_accepted_at = models.DateTimeField(_("rules accepted on"))
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
        db_index=True,
    )
    paid_at = models.DateTimeField(_("paid on"), null=True, blank=True)
    amount_paid = models.DecimalField(
        _("amount paid (€)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    # The payment platform's reference: importing the same payment twice finds it here.
    payment_reference = models.CharField(
        _("payment reference"), max_length=100, null=True, blank=True, unique=True
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True, db_index=True)
    reminder_sent_at = models.DateTimeField(
        _("renewal reminder sent at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("joined on"), default=timezone.now, db_index=True)

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("user", read_only=True), FieldPanel("kind", read_only=True)]),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("fee")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("town")]),
                FieldPanel("name"),
                FieldPanel("households"),
                FieldRowPanel([FieldPanel("legal_form"), FieldPanel("siret")]),
            ],
            heading=_("Member"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("paid_at"), FieldPanel("amount_paid")]),
                FieldPanel("payment_reference"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading=_("Payment"),
        ),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "ends_on"], name="membership_status_end_idx")]

    def __str__(self):
        return f"{self.reference} — {self.member_name}"

    @property
    def reference(self):
        """The number members give when they pay (a custom field on the payment page)."""
        return f"ADH-{self.pk:06d}" if self.pk else ""

    @property
    def member_name(self):
        if self.kind != MembershipKind.INDIVIDUAL and self.name:
            return self.name
        return self.user.get_full_name() or self.user.get_username()

    @property
    def region_name(self):
        return REGION_NAMES.get(self.region, "")


class Skill(TagBase):
    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class Interest(TagBase):
    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")


class TaggedSkill(ItemBase):
    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="items")
    content_object = models.ForeignKey(
        "members.MemberProfile", on_delete=models.CASCADE, related_name="skill_items"
    )


class TaggedInterest(ItemBase):
    tag = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="items")
    content_object = models.ForeignKey(
        "members.MemberProfile", on_delete=models.CASCADE, related_name="interest_items"
    )


# Each shown field of a profile, and the field that holds who may see it.
PROFILE_FIELDS = ["name", "region", "bio", "skills", "interests", "groups"]


def visibility_field(default=Visibility.MEMBERS):
    return models.CharField(
        _("who sees it"), max_length=8, choices=Visibility.choices, default=default
    )


class MemberProfile(models.Model):
    """What a member tells about themselves; each field shown to everyone, to members or to
    nobody else. The name's choice decides whether the profile is listed at all. Email
    addresses are never shown."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    region = models.CharField(_("région"), max_length=3, choices=REGIONS, blank=True)
    bio = models.TextField(_("about me"), blank=True, max_length=2000)
    skills = TaggableManager(
        _("skills"),
        through=TaggedSkill,
        blank=True,
        help_text=_("Separated by commas, for example: plomberie, gouvernance partagée."),
    )
    interests = TaggableManager(
        _("interests"),
        through=TaggedInterest,
        blank=True,
        help_text=_("Separated by commas, for example: écoconstruction, habitat senior."),
    )
    name_visibility = visibility_field()
    region_visibility = visibility_field()
    bio_visibility = visibility_field()
    skills_visibility = visibility_field()
    interests_visibility = visibility_field()
    groups_visibility = visibility_field()
    # Set when the address of an account made on the site is confirmed; accounts never
    # confirmed are purged after UNVERIFIED_ACCOUNT_RETENTION_DAYS.
    email_verified_at = models.DateTimeField(_("email confirmed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def region_name(self):
        return REGION_NAMES.get(self.region, "")

    def visibility(self, field):
        return getattr(self, f"{field}_visibility")
