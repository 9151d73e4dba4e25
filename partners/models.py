"""The directory of the movement's professional partners: notaries, project assistants,
architects, social landlords, banks, local authorities. Members propose and recommend them;
editors vet them, and only vetted partners are public."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from home.coordinates import Coordinates
from home.regions import REGION_NAMES, REGIONS


class PartnerKind(models.TextChoices):
    NOTARY = "notary", _("Notary")
    PROJECT_ASSISTANT = "amo", _("Project assistant (AMO)")
    ARCHITECT = "architect", _("Architect")
    SOCIAL_LANDLORD = "social_landlord", _("Social landlord")
    BANK = "bank", _("Bank")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    OTHER = "other", _("Other")


class PartnerQuerySet(models.QuerySet):
    def vetted(self):
        return self.filter(vetted=True)


class Partner(index.Indexed, Coordinates):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices, db_index=True)
    national = models.BooleanField(
        _("works everywhere in France"),
        default=False,
        help_text=_("Listed under every région."),
    )
    services = models.TextField(
        _("services"),
        max_length=2000,
        help_text=_("What they offer to housing projects, one service per line."),
    )
    description = models.TextField(_("description"), blank=True, max_length=4000)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("professional email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    vetted = models.BooleanField(
        _("vetted"),
        default=False,
        db_index=True,
        help_text=_("Checked by an editor: only vetted partners are shown to the public."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_partners",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = PartnerQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("services", boost=2),
        index.SearchField("kind_label"),
        index.SearchField("commune"),
        index.SearchField("region_names"),
        index.SearchField("description"),
        index.FilterField("vetted"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    @property
    def title(self):
        return self.name

    @property
    def kind_label(self):
        return self.get_kind_display()

    @property
    def region_codes(self):
        return sorted(region.region for region in self.regions.all())

    @property
    def region_names(self):
        if self.national:
            return str(_("All of France"))
        return ", ".join(REGION_NAMES[code] for code in self.region_codes)

    @property
    def service_list(self):
        return [line.strip(" -•\t") for line in self.services.splitlines() if line.strip(" -•\t")]

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.pk])

    def clean(self):
        self.clean_coordinates()

    def set_regions(self, codes):
        """Make the partner's régions exactly `codes`."""
        codes = set(codes)
        removed, _details = self.regions.exclude(region__in=codes).delete()
        existing = set(self.regions.values_list("region", flat=True))
        added = PartnerRegion.objects.bulk_create(
            PartnerRegion(partner=self, region=code) for code in sorted(codes - existing)
        )
        if removed or added:
            self.save(update_fields=["updated_at"])  # the search index lists the régions


class PartnerRegion(models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(_("région"), max_length=3, choices=REGIONS, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "region"], name="partners_one_row_per_region"
            )
        ]
        verbose_name = _("partner's région")
        verbose_name_plural = _("partner's régions")

    def __str__(self):
        return self.get_region_display()


class Recommendation(models.Model):
    """A member vouches for a partner, once, with a word on their experience."""

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("partner"),
    )
    # Null once the member deleted their account: the recommendation still counts.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="partner_recommendations",
        verbose_name=_("member"),
    )
    comment = models.TextField(
        _("comment"),
        max_length=1000,
        help_text=_("What they did for your project, and how it went."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "member"], name="partners_one_recommendation_per_member"
            )
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return f"{self.member} → {self.partner}"
