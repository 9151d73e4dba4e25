"""Advocacy kits for elected officials and communication kits for campaigns."""

from django.db import models
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage, SectionPage

from .blocks import CommunicationKitBlock, KitBlock


class AdvocacyIndexPage(SectionPage):
    template = "pages/section_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["advocacy.AdvocacyKitPage", "advocacy.CommunicationKitPage"]

    class Meta:
        verbose_name = _("advocacy section")
        verbose_name_plural = _("advocacy sections")


class Audience(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    PLANNING_DEPUTY = "planning_deputy", _("Deputy mayor for planning")
    INTERMUNICIPAL = "intermunicipal", _("Inter-municipal body")
    SOCIAL_LANDLORD = "social_landlord", _("Social landlord")
    PARLIAMENT = "parliament", _("Member of parliament")


class AdvocacyKitPage(RoutablePageMixin, Page):
    """An argument for one audience, readable on screen, printable and downloadable as a PDF
    (`advocacy.pdf`), with a short address to send (`advocacy.views.short_link`)."""

    template = "advocacy/advocacy_kit_page.html"
    parent_page_types = ["advocacy.AdvocacyIndexPage"]
    subpage_types = []

    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("Two sentences shown in listings and when the link is shared."),
    )
    body = StreamField(KitBlock(), verbose_name=_("kit content"))
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for sharing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the link is shared on social networks (1200 × 630)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("audience"), FieldPanel("share_image")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = _("advocacy kit")
        verbose_name_plural = _("advocacy kits")

    @property
    def intro(self):
        """Listings (`includes/page_cards.html`) show a page's intro."""
        return f"<p>{self.summary}</p>" if self.summary else ""

    @cached_property
    def key_message(self):
        for block in self.body:
            if block.block_type == "key_message":
                return block.value["message"]
        return ""

    @cached_property
    def is_members_only(self):
        return self.get_view_restrictions().exists()

    @property
    def short_url(self):
        return reverse("advocacy:short_link", args=[self.pk])

    @path("", name="kit")
    def kit(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The PDF of the published version; Wagtail has already checked view restrictions."""
        from .pdf import kit_pdf

        if not self.live:
            raise Http404
        file = kit_pdf(self)
        return FileResponse(
            file, as_attachment=True, filename=f"{self.slug}.pdf", content_type="application/pdf"
        )


class CommunicationKitPage(BasePage):
    """Downloadable assets (posters, templates, logos, texts) grouped by campaign."""

    template = "advocacy/communication_kit_page.html"
    parent_page_types = ["advocacy.AdvocacyIndexPage"]
    subpage_types = []

    campaigns = StreamField(CommunicationKitBlock(), verbose_name=_("campaigns"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("campaigns")]
    search_fields = [*BasePage.search_fields, index.SearchField("campaigns")]

    class Meta:
        verbose_name = _("communication kit")
        verbose_name_plural = _("communication kits")
