import calendar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class ReviewedContentMixin(models.Model):
    """Content that an owner confirms is still accurate every `review_interval_months`."""

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who is asked, when the review is due, whether this is still accurate."),
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review every (months)"), default=12
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldRowPanel(
                    [FieldPanel("last_reviewed_on"), FieldPanel("review_interval_months")]
                ),
            ],
            heading=_("Freshness"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_due_on(self):
        start = self.last_reviewed_on or (self.first_published_at or timezone.now()).date()
        return add_months(start, self.review_interval_months)

    @property
    def review_overdue(self):
        return self.review_due_on <= timezone.localdate()


class ResourceIndexPage(BasePage):
    template = "resources/resource_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage", "resources.QuestionIndexPage"]

    class Meta:
        verbose_name = _("resource centre")
        verbose_name_plural = _("resource centres")

    def get_context(self, request, *args, **kwargs):
        from resources.listing import ResourceListing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = ResourceListing(self, request)
        return context


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourcePage(ReviewedContentMixin, Page):
    template = "resources/resource_page.html"
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    cache_for_members = True  # shows nothing about its reader (home/page_cache.py)

    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("themes"), blank=True)
    resource_type = models.ForeignKey(
        "resources.ResourceType",
        verbose_name=_("resource type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField(
        "resources.Audience", verbose_name=_("audiences"), blank=True
    )
    regions = ParentalManyToManyField("resources.Region", verbose_name=_("regions"), blank=True)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When it was written or published.")
    )
    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("Person or organisation that wrote it."),
    )
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Documents"), heading=_("Attached documents")),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("themes"),
                FieldPanel("audiences"),
                FieldPanel("regions"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
            ],
            heading=_("Classification"),
        ),
        *ReviewedContentMixin.review_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("resource_type_id"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")


class ResourcePageDocument(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
