"""Moderators (editors) see the ads with their open reports, and the reports themselves, in
the admin; they hide an ad by ticking "hidden by the moderators"."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AdReport, ClassifiedAd, ReportStatus


class ClassifiedAdViewSet(SnippetViewSet):
    model = ClassifiedAd
    icon = "list-ul"
    list_display = [
        "title",
        "category",
        "region",
        "status",
        "is_hidden",
        "open_report_count",
        "expires_at",
    ]
    list_filter = ["is_hidden", "status", "category", "region"]
    search_fields = ["title", "town"]
    search_backend_name = None  # the database, whatever the engine's state
    inspect_view_enabled = True

    def get_queryset(self, request):
        return ClassifiedAd.objects.annotate(
            open_reports=Count("reports", filter=Q(reports__status=ReportStatus.OPEN))
        ).order_by("-open_reports", "-published_at")


class AdReportViewSet(SnippetViewSet):
    model = AdReport
    icon = "warning"
    list_display = ["ad", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    search_fields = ["details", "ad__title"]
    search_backend_name = None

    def get_queryset(self, request):
        return AdReport.objects.select_related("ad").order_by("status", "-created_at")


class ClassifiedsAdmin(SnippetViewSetGroup):
    menu_label = _("Classified ads")
    menu_icon = "list-ul"
    menu_order = 330
    items = (ClassifiedAdViewSet, AdReportViewSet)


register_snippet(ClassifiedsAdmin)
