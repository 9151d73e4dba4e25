"""Open governance: bodies and their mandates, meetings, the decision register and the
statutes as versioned texts.

Decisions are pages below the meeting that took them, so each one has a URL, a history and the
view restrictions of its meeting and body; `governance.register` lists them and
`governance.feeds` publishes the public ones."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage, SectionPage
from home.visibility import visible_pages

from .visibility import Visibility

TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class GovernanceVisibilityMixin(models.Model):
    """Public or members-only; `governance.signal_handlers` keeps the view restriction in step."""

    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Members-only content is hidden from listings, feeds and search for others."),
    )

    class Meta:
        abstract = True

    @cached_property
    def is_members_only(self):
        return self.get_view_restrictions().exists()


class GovernanceIndexPage(SectionPage):
    template = "pages/section_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "governance.BodyPage",
        "governance.DecisionRegisterPage",
        "governance.StatutesPage",
    ]

    class Meta:
        verbose_name = _("governance section")
        verbose_name_plural = _("governance sections")


# Bodies and mandates


class BodyKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    STEERING = "steering", _("Steering committee")
    TRANSITION = "transition", _("Transition group")
    COLLEGE = "college", _("College")
    OTHER = "other", _("Other body")


class BodyPage(GovernanceVisibilityMixin, BasePage):
    """A governance body; the intro says who it brings together, `role` what it decides."""

    template = "governance/body_page.html"
    parent_page_types = ["governance.GovernanceIndexPage"]
    subpage_types = ["governance.MeetingPage"]

    kind = models.CharField(_("kind of body"), max_length=20, choices=BodyKind.choices)
    role = RichTextField(
        _("role and powers"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What this body decides, and how it is appointed."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("visibility")]),
        FieldPanel("intro"),
        FieldPanel("role"),
        InlinePanel("mandates", heading=_("Mandates"), label=_("Mandate")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("role")]

    class Meta:
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def mandates_on(self, day=None):
        """(current, past) mandates on `day`; future ones count as current."""
        day = day or timezone.localdate()
        mandates = sorted(self.mandates.all(), key=lambda m: (m.start_date, m.person))
        current = [m for m in mandates if m.end_date is None or m.end_date >= day]
        past = sorted(
            (m for m in mandates if m.end_date is not None and m.end_date < day),
            key=lambda m: m.end_date,
            reverse=True,
        )
        return current, past

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["current_mandates"], context["past_mandates"] = self.mandates_on()
        meetings = MeetingPage.objects.child_of(self).live().order_by("-date")
        context["meetings"] = visible_pages(meetings, request.user)
        return context


class Mandate(Orderable):
    body = ParentalKey(BodyPage, on_delete=models.CASCADE, related_name="mandates")
    person_name = models.CharField(
        _("person"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the name of the account chosen below."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="governance_mandates",
    )
    role = models.CharField(_("role"), max_length=200, help_text=_("For example co-chair."))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("user")]),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self):
        return f"{self.person} — {self.role}"

    @property
    def person(self):
        if self.person_name:
            return self.person_name
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return ""

    def clean(self):
        if not self.person_name and not self.user_id:
            raise ValidationError({"person_name": _("Give a name or choose an account.")})
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A mandate cannot end before it starts.")})


# Meetings


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    REPRESENTED = "represented", _("Represented")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class MeetingPage(GovernanceVisibilityMixin, Page):
    template = "governance/meeting_page.html"
    parent_page_types = ["governance.BodyPage"]
    subpage_types = ["governance.DecisionPage"]

    date = models.DateField(_("date"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    agenda = RichTextField(_("agenda"), blank=True, features=TEXT_FEATURES)
    minutes = RichTextField(
        _("minutes"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What was said and decided; the decisions themselves are added below."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("location"), FieldPanel("visibility")]),
        FieldPanel("agenda"),
        InlinePanel("attendance", heading=_("Attendance"), label=_("Participant")),
        FieldPanel("minutes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    @cached_property
    def body_page(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decisions = DecisionPage.objects.child_of(self).live().order_by("reference")
        context["decisions"] = visible_pages(decisions, request.user)
        attendance = list(self.attendance.all())
        context["attendance_by_status"] = [
            (label, [a for a in attendance if a.status == value])
            for value, label in AttendanceStatus.choices
            if any(a.status == value for a in attendance)
        ]
        return context


class Attendance(Orderable):
    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attendance")
    person_name = models.CharField(_("person"), max_length=200)
    status = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.PRESENT,
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For example: proxy given to…")
    )

    panels = [FieldRowPanel([FieldPanel("person_name"), FieldPanel("status"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("attendance")

    def __str__(self):
        return self.person_name


# Decisions


class DecisionStatus(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    POSTPONED = "postponed", _("Postponed")


class DecisionPage(Page):
    """A resolution, below the meeting that voted on it."""

    template = "governance/decision_page.html"
    parent_page_types = ["governance.MeetingPage"]
    subpage_types = []
    cache_for_members = True  # shows nothing about its reader (home/page_cache.py)

    reference = models.CharField(
        _("reference"),
        max_length=20,
        blank=True,
        help_text=_("Left empty, it is numbered for you: year and order, e.g. 2025-004."),
    )
    decided_on = models.DateField(_("date of the decision"))
    text = RichTextField(_("text of the resolution"), features=TEXT_FEATURES)
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.ADOPTED
    )
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    votes_abstain = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("reference"), FieldPanel("decided_on"), FieldPanel("status")]),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("votes_for"),
                        FieldPanel("votes_against"),
                        FieldPanel("votes_abstain"),
                    ]
                )
            ],
            heading=_("Vote"),
        ),
        InlinePanel(
            "changes", heading=_("Documents this decision changes"), label=_("Changed document")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("reference", boost=2),
        index.SearchField("text"),
        index.FilterField("status"),
        index.FilterField("decided_on"),
    ]

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def full_clean(self, *args, **kwargs):
        if not self.reference and self.decided_on:
            self.reference = self.next_reference(self.decided_on.year)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if not self.reference and self.decided_on:
            self.reference = self.next_reference(self.decided_on.year)
        super().save(*args, **kwargs)

    @classmethod
    def next_reference(cls, year):
        taken = cls.objects.filter(reference__startswith=f"{year}-").values_list(
            "reference", flat=True
        )
        numbers = [int(ref.split("-", 1)[1]) for ref in taken if ref.split("-", 1)[1].isdigit()]
        return f"{year}-{max(numbers, default=0) + 1:03d}"

    @property
    def permalink(self):
        """A URL that survives renaming or moving the page (see `governance.views`)."""
        return reverse("governance:decision", args=[self.pk])

    @property
    def has_vote(self):
        return any(v is not None for v in (self.votes_for, self.votes_against, self.votes_abstain))

    @cached_property
    def meeting(self):
        return self.get_parent().specific

    @cached_property
    def body_page(self):
        return self.meeting.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        changes = list(self.changes.select_related("page", "document"))
        visible_ids = set(
            visible_pages(
                Page.objects.filter(pk__in=[c.page_id for c in changes if c.page_id]),
                request.user,
            ).values_list("pk", flat=True)
        )
        context["changes"] = [c for c in changes if c.page_id is None or c.page_id in visible_ids]
        return context


class DecisionChange(Orderable):
    """A document (statutes, rules, charter…) that the decision creates or amends."""

    decision = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="changes")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("or document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.CharField(
        _("what changes"), max_length=240, blank=True, help_text=_("For example: article 5.")
    )

    panels = [FieldPanel("page"), FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("changed document")
        verbose_name_plural = _("changed documents")

    def clean(self):
        if not self.page_id and not self.document_id:
            raise ValidationError({"page": _("Choose a page or a document.")})


class DecisionRegisterPage(RoutablePageMixin, BasePage):
    """Every decision below the governance section, filterable, with RSS and Atom feeds."""

    template = "governance/decision_register_page.html"
    parent_page_types = ["governance.GovernanceIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("decision register")
        verbose_name_plural = _("decision registers")

    @property
    def decisions_root(self):
        return self.get_parent()

    def get_context(self, request, *args, **kwargs):
        from .register import DecisionRegister

        context = super().get_context(request, *args, **kwargs)
        context["register"] = DecisionRegister(self.decisions_root, request.GET, request.user)
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import DecisionRssFeed

        return DecisionRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import DecisionAtomFeed

        return DecisionAtomFeed(self)(request)


# Statutes


class StatutesPage(GovernanceVisibilityMixin, RoutablePageMixin, BasePage):
    """A founding text (statutes, internal rules, charter) with every adopted version."""

    template = "governance/statutes_page.html"
    parent_page_types = ["governance.GovernanceIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("visibility"),
        FieldPanel("intro"),
        InlinePanel("versions", heading=_("Adopted versions"), label=_("Version")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("versions", [index.SearchField("text")]),
    ]

    class Meta:
        verbose_name = _("versioned text")
        verbose_name_plural = _("versioned texts")

    def ordered_versions(self):
        return sorted(self.versions.all(), key=lambda v: v.number)

    def version(self, number):
        return next((v for v in self.versions.all() if v.number == number), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        versions = self.ordered_versions()
        decision_ids = [v.adopted_by_id for v in versions if v.adopted_by_id]
        visible = visible_pages(DecisionPage.objects.filter(pk__in=decision_ids), request.user)
        decisions = {d.pk: d for d in visible.live()}
        for version in versions:
            version.visible_decision = decisions.get(version.adopted_by_id)
        context["versions"] = versions
        context.setdefault("shown", versions[-1] if versions else None)
        return context

    @path("", name="current")
    def current(self, request):
        return self.render(request)

    @path("version/<int:number>/", name="version")
    def show_version(self, request, number):
        version = self.version(number)
        if version is None:
            from django.http import Http404

            raise Http404
        return self.render(request, context_overrides={"shown": version})

    @path("comparer/", name="compare")
    def compare(self, request):
        from .diff import compare_versions

        comparison = compare_versions(self, request.GET.get("from"), request.GET.get("to"))
        return self.render(
            request,
            template="governance/statutes_compare.html",
            context_overrides={"comparison": comparison},
        )


class StatuteVersion(Orderable):
    statutes = ParentalKey(StatutesPage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version number"))
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(
        DecisionPage,
        verbose_name=_("adopting resolution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_versions",
    )
    summary = models.CharField(_("what changed"), max_length=300, blank=True)
    text = models.TextField(
        _("full text"),
        help_text=_("Plain text; one article per paragraph, separated by an empty line."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("adopted_on")]),
        FieldPanel("adopted_by"),
        FieldPanel("summary"),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self):
        return f"{self.statutes.title} v{self.number}"

    @property
    def paragraphs(self):
        return [p.strip() for p in self.text.replace("\r\n", "\n").split("\n\n") if p.strip()]
