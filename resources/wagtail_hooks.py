from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Audience, QuestionSubmission, Region, ResourceType, Theme


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"


class ResourceTypeViewSet(TaxonomyViewSet):
    model = ResourceType
    icon = "doc-full"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "code", "slug"]


class ResourceTaxonomies(SnippetViewSetGroup):
    menu_label = _("Classification")
    menu_icon = "list-ul"
    menu_order = 300
    items = (ThemeViewSet, ResourceTypeViewSet, AudienceViewSet, RegionViewSet)


register_snippet(ResourceTaxonomies)


class QuestionSubmissionViewSet(SnippetViewSet):
    """The editors' queue of questions members asked the observatory."""

    model = QuestionSubmission
    icon = "help"
    menu_label = _("Questions received")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "group_name", "theme", "status", "created_at"]
    list_filter = ["status", "theme"]
    search_fields = ["question", "group_name"]
    inspect_view_enabled = True


register_snippet(QuestionSubmissionViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("extraction/", admin_views.ExtractionReportView.as_view(), name="extraction_report"),
        path(
            "extraction/results/",
            admin_views.ExtractionReportView.as_view(results_only=True),
            name="extraction_report_results",
        ),
        path("<int:document_id>/retry/", admin_views.retry_extraction, name="retry_extraction"),
        path("review/", admin_views.ReviewReportView.as_view(), name="review_report"),
        path(
            "review/results/",
            admin_views.ReviewReportView.as_view(results_only=True),
            name="review_report_results",
        ),
    ]
    return [path("resources/", include((urls, "resources_admin"), namespace="resources_admin"))]


class ExtractionReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.document_policy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_extraction_report_menu_item():
    return ExtractionReportMenuItem(
        _("Document text extraction"),
        reverse("resources_admin:extraction_report"),
        name="document-extraction",
        icon_name="doc-full",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        _("Content to review"),
        reverse("resources_admin:review_report"),
        name="content-to-review",
        icon_name="time",
        order=1310,
    )
