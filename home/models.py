from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyBlock
from .visibility import visible_pages

INTRO_FEATURES = ["bold", "italic", "link"]


class BasePage(Page):
    """A page with a short introduction and a free body; every section builds on it."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # What these pages show depends on the reader's groups only (the personal parts are
    # home/personal.py's fragments): members of the same audience share a cached copy
    # (home/page_cache.py). A page type that shows anything else about its reader says False.
    cache_for_members = True
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and its ancestors (an alias's taken from its
        source page), in one query: Wagtail reads the ancestors first, on every page served."""
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of"))
        )


class ListsChildrenMixin:
    """Adds the live children the reader may see to the template context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific().order_by("path")
        context["visible_children"] = visible_pages(children, request.user)
        return context


class HomePage(ListsChildrenMixin, BasePage):
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


class SectionPage(ListsChildrenMixin, BasePage):
    """Abstract base for the index page of a section: lists its children."""

    template = "pages/section_page.html"
    max_count = 1

    class Meta:
        abstract = True
