"""The national database of participatory-housing projects: one record per project, kept by
the movement's editors and by the project's own group."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from home.coordinates import Coordinates
from home.regions import DEPARTMENT_CHOICES, DEPARTMENT_NAMES, DEPARTMENT_REGIONS, REGIONS

FIRST_YEAR = 1950
MAX_HOMES = 2000


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    GROUP = "group", _("Group formed")
    STUDIES = "studies", _("Studies")
    CONSTRUCTION = "construction", _("Construction")
    INHABITED = "inhabited", _("Inhabited")


class LegalForm(models.TextChoices):
    COOPERATIVE = "cooperative", _("Housing cooperative (coopérative d'habitants)")
    SELF_DEVELOPMENT = "saa", _("Allocation and self-development company (SAA)")
    SCIA = "scia", _("Allocation property company (SCIA)")
    SCI = "sci", _("Property company (SCI)")
    SCCC = "sccc", _("Cooperative construction company (SCCC)")
    SAS = "sas", _("Simplified joint-stock company (SAS)")
    ASSOCIATION = "association", _("Association")
    CONDOMINIUM = "condominium", _("Co-ownership (copropriété)")
    BRS = "brs", _("Real solidarity lease (bail réel solidaire)")
    SOCIAL_RENTAL = "social_rental", _("Social rental with a landlord")
    OTHER = "other", _("Other")


def validate_year(value):
    last = datetime.date.today().year + 10
    if value is not None and not FIRST_YEAR <= value <= last:
        raise ValidationError(
            _("The year must be between %(first)s and %(last)s."),
            code="year_range",
            params={"first": FIRST_YEAR, "last": last},
        )


def validate_homes(value):
    if value is not None and not 1 <= value <= MAX_HOMES:
        raise ValidationError(
            _("The number of homes must be between 1 and %(max)s."),
            code="homes_range",
            params={"max": MAX_HOMES},
        )


def project_key(name, commune, department):
    """What makes a project unique: its name in its commune. The CSV import finds the record
    to update by it, so importing the same file twice changes nothing."""
    return "/".join(slugify(part or "") for part in (name, commune, department))[:255]


class ProjectTaxonomy(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Public(ProjectTaxonomy):
    class Meta(ProjectTaxonomy.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")


class EcologicalFeature(ProjectTaxonomy):
    class Meta(ProjectTaxonomy.Meta):
        verbose_name = _("ecological feature")
        verbose_name_plural = _("ecological features")


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Project(index.Indexed, Coordinates):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("presentation"), blank=True, max_length=3000, help_text=_("A few sentences.")
    )
    commune = models.CharField(_("commune"), max_length=120)
    department = models.CharField(
        _("département"), max_length=3, choices=DEPARTMENT_CHOICES, db_index=True
    )
    region = models.CharField(_("région"), max_length=3, choices=REGIONS, db_index=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA, db_index=True
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_year],
        help_text=_("The year the project started (the group formed or the idea took shape)."),
    )
    homes = models.PositiveSmallIntegerField(
        _("number of homes"), null=True, blank=True, validators=[validate_homes]
    )
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices, blank=True, db_index=True
    )
    social_landlord = models.CharField(_("social landlord"), max_length=200, blank=True)
    municipality = models.CharField(
        _("municipality or local authority"), max_length=200, blank=True
    )
    directory_partners = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="projects",
        verbose_name=_("partners in the directory"),
        help_text=_("Only vetted partners are shown on the project's page."),
    )
    publics = models.ManyToManyField(Public, blank=True, verbose_name=_("publics"))
    ecological_features = models.ManyToManyField(
        EcologicalFeature, blank=True, verbose_name=_("ecological features")
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Never shown on the site: messages sent through the project's contact form "
            "reach this address."
        ),
    )
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("Its members and coordinators can edit this record from the site."),
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="editable_projects",
        verbose_name=_("members who can edit it"),
        help_text=_("People of the project who can edit this record from the site."),
    )
    published = models.BooleanField(
        _("shown on the site"), default=True, help_text=_("Unchecked: only editors see it.")
    )
    key = models.CharField(max_length=255, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ProjectQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("commune", boost=2),
        index.SearchField("department_name"),
        index.SearchField("region_name"),
        index.SearchField("description"),
        index.FilterField("published"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("housing project")
        verbose_name_plural = _("housing projects")
        indexes = [models.Index(fields=["published", "name"], name="projects_published_name")]

    def __str__(self):
        return self.name

    @property
    def title(self):
        return self.name

    @property
    def department_name(self):
        return DEPARTMENT_NAMES.get(self.department, "")

    @property
    def region_name(self):
        return self.get_region_display()

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    def clean(self):
        errors = {}
        try:
            self.clean_coordinates()
        except ValidationError as error:
            errors.update(error.message_dict)
        expected = DEPARTMENT_REGIONS.get(self.department)
        if expected and self.region and expected != self.region:
            errors.setdefault("department", []).append(
                ValidationError(
                    _("%(department)s is not in %(region)s (it is in %(expected)s)."),
                    code="department_not_in_region",
                    params={
                        "department": self.department_name,
                        "region": self.region_name,
                        "expected": dict(REGIONS)[expected],
                    },
                )
            )
        key = project_key(self.name, self.commune, self.department)
        twin = Project.objects.exclude(pk=self.pk).filter(key=key).only("commune").first()
        if twin is not None:
            errors.setdefault("name", []).append(
                ValidationError(
                    _("A project with this name is already recorded in %(commune)s."),
                    code="duplicate_project",
                    params={"commune": twin.commune},
                )
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.key = project_key(self.name, self.commune, self.department)
        if self.department and not self.region:
            self.region = DEPARTMENT_REGIONS.get(self.department, "")
        super().save(*args, **kwargs)


class ContactMessage(models.Model):
    """A message sent through a project's contact form. Only what the rate limit needs is
    kept: the message itself goes by email, and the sender's address is a keyed hash."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    client_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
