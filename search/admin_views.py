"""Editors' insight: what members search for, and what they do not find."""

from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .models import QueryLog

PERIOD_DAYS = 90


class QueryColumn(Column):
    def get_value(self, instance):
        return instance[self.name]


def _recent():
    since = timezone.localdate() - timedelta(days=PERIOD_DAYS)
    return QueryLog.objects.filter(day__gte=since).values("query")


class PopularQueriesView(ReportView):
    page_title = _("Popular searches")
    header_icon = "search"
    index_url_name = "search_admin:popular"
    index_results_url_name = "search_admin:popular_results"
    list_export = ["query", "total", "zero"]
    columns = [
        QueryColumn("query", label=_("Search")),
        QueryColumn("total", label=_("Searches (90 days)")),
        QueryColumn("zero", label=_("Without results")),
    ]

    def get_queryset(self):
        return (
            _recent()
            .annotate(total=Sum("searches"), zero=Sum("zero_result_searches"))
            .order_by("-total", "query")
        )


class ZeroResultQueriesView(PopularQueriesView):
    page_title = _("Searches without results")
    header_icon = "warning"
    index_url_name = "search_admin:zero"
    index_results_url_name = "search_admin:zero_results"

    def get_queryset(self):
        return super().get_queryset().filter(zero__gt=0).order_by("-zero", "query")
