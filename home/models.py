from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

INTRO_FEATURES = ["bold", "italic", "link"]


class BasePage(Page):
    """A page with a short introduction and a free body; every section builds on it."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def visible_children(self):
        """Live children anyone may see; restricted pages are listed by later features that
        check each reader's rights."""
        return self.get_children().live().public().specific()


class HomePage(BasePage):
    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    """A plain content page (about, legal notice, help...)."""

    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class SectionPage(BasePage):
    """Abstract base for the index page of a section: lists its children."""

    template = "pages/section_page.html"
    max_count = 1

    class Meta:
        abstract = True
