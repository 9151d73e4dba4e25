"""Classified ads of the movement: groups looking for residents, people looking for a group,
land, homes to rent or buy, skills offered.

Plain Django records sorted and filtered at scale, moderated in Wagtail's admin as snippets,
read at /annonces/. An ad is visible while it is published, not hidden by the moderators and
not past its expiry date (`ClassifiedAd.objects.visible()`); the poster's email address is
never shown: replies go through the contact form (`classifieds.contact`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from home.regions import REGION_NAMES, REGIONS


class AdCategory(models.TextChoices):
    GROUP_SEEKS_RESIDENTS = "group_seeks_residents", _("A group looks for residents")
    PERSON_SEEKS_GROUP = "person_seeks_group", _("A person looks for a group")
    LAND = "land", _("Land")
    HOME_TO_RENT = "home_to_rent", _("A home to rent")
    HOME_TO_BUY = "home_to_buy", _("A home to buy")
    SKILL = "skill", _("A skill offered")


# Only land and homes have a price; the other ads are about people and skills.
PRICED_CATEGORIES = {AdCategory.LAND, AdCategory.HOME_TO_RENT, AdCategory.HOME_TO_BUY}
PRICE_ONLY_FOR_LAND_AND_HOMES = _(
    "A price only applies to land and homes: leave it empty for this category."
)


class AdStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")
    EXPIRED = "expired", _("Expired")


class ClassifiedAdQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Ads anyone may read: published, not hidden, not expired."""
        return self.filter(
            status=AdStatus.PUBLISHED, is_hidden=False, expires_at__gt=now or timezone.now()
        )


class ClassifiedAd(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=150)
    category = models.CharField(_("category"), max_length=30, choices=AdCategory.choices)
    region = models.CharField(_("région"), max_length=3, choices=REGIONS, db_index=True)
    town = models.CharField(_("town"), max_length=120, blank=True)
    price = models.PositiveIntegerField(
        _("price (€)"),
        null=True,
        blank=True,
        help_text=_("Land and homes only: the sale price, or the monthly rent."),
    )
    description = models.TextField(_("description"), max_length=5000)
    # Null once the poster deleted their account: the ad stays, by a "former member".
    poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="classified_ads",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AdStatus.choices, default=AdStatus.PUBLISHED
    )
    is_hidden = models.BooleanField(
        _("hidden by the moderators"),
        default=False,
        help_text=_("A hidden ad is neither listed, searchable nor reachable by its address."),
    )
    moderation_note = models.TextField(_("moderators' note"), blank=True, max_length=2000)
    published_at = models.DateTimeField(_("published at"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    reminder_sent_at = models.DateTimeField(
        _("renewal reminder sent at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ClassifiedAdQuerySet.as_manager()

    # Nothing about the poster is indexed: their address must never be found.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("town", boost=2),
        index.SearchField("region_name"),
        index.SearchField("category_label"),
        index.FilterField("status"),
        index.FilterField("is_hidden"),
        index.FilterField("expires_at"),
        index.FilterField("published_at"),
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("is_hidden"), FieldPanel("moderation_note")], heading=_("Moderation")
        ),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("price")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("town")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("published_at"), FieldPanel("expires_at")]),
        FieldPanel("poster", read_only=True),
    ]

    class Meta:
        verbose_name = _("classified ad")
        verbose_name_plural = _("classified ads")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "is_hidden", "expires_at"], name="ad_visible_idx"),
            models.Index(fields=["category", "-published_at"], name="ad_category_idx"),
            models.Index(fields=["region", "-published_at"], name="ad_region_idx"),
            models.Index(fields=["price"], name="ad_price_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("classifieds:detail", args=[self.pk])

    @property
    def region_name(self):
        return REGION_NAMES.get(self.region, "")

    @property
    def category_label(self):
        return str(self.get_category_display())

    @property
    def has_price(self):
        return self.category in PRICED_CATEGORIES

    @property
    def is_rent(self):
        return self.category == AdCategory.HOME_TO_RENT

    @property
    def is_expired(self):
        return self.status == AdStatus.EXPIRED or (
            self.status == AdStatus.PUBLISHED and self.expires_at <= timezone.now()
        )

    @property
    def is_visible(self):
        return (
            self.status == AdStatus.PUBLISHED
            and not self.is_hidden
            and self.expires_at > timezone.now()
        )

    def open_report_count(self):
        annotated = getattr(self, "open_reports", None)
        if annotated is not None:
            return annotated
        return self.reports.filter(status=ReportStatus.OPEN).count()

    open_report_count.short_description = _("open reports")

    def clean(self):
        if self.price is not None and self.category and not self.has_price:
            raise ValidationError({"price": PRICE_ONLY_FOR_LAND_AND_HOMES})


class ReportReason(models.TextChoices):
    SCAM = "scam", _("It looks like a scam")
    OFFENSIVE = "offensive", _("It is offensive or discriminatory")
    OFF_TOPIC = "off_topic", _("It is not about participatory housing")
    UNAVAILABLE = "unavailable", _("It is no longer available")
    OTHER = "other", _("Another reason")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("To review")
    CLOSED = "closed", _("Reviewed")


class AdReport(models.Model):
    """Anyone, even without an account, may report an ad to the moderators."""

    ad = models.ForeignKey(
        ClassifiedAd, verbose_name=_("ad"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    # A keyed hash of the sender's address, only for the rate limit: no IP address is stored.
    client_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True, db_index=True)

    panels = [
        FieldPanel("status"),
        FieldPanel("ad", read_only=True),
        FieldPanel("reason", read_only=True),
        FieldPanel("details", read_only=True),
    ]

    class Meta:
        verbose_name = _("ad report")
        verbose_name_plural = _("ad reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.ad}"


class AdReply(models.Model):
    """A message sent to a poster through the contact form. Only what the rate limit needs is
    kept: the message itself goes by email and is not stored."""

    ad = models.ForeignKey(ClassifiedAd, on_delete=models.CASCADE, related_name="replies")
    client_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("reply to an ad")
        verbose_name_plural = _("replies to ads")
