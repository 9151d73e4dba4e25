"""Editors' views in the Wagtail admin: documents by extraction status, with a retry."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import ExtractionStatus, ResourceDocument
from .tasks import extract_document_text


def document_policy():
    return policy_registry.get_by_type(ResourceDocument)


class ExtractionFilterSet(WagtailFilterSet):
    extraction_status = django_filters.ChoiceFilter(
        label=_("Extraction"), choices=ExtractionStatus.choices, empty_label=_("All")
    )
    file_format = django_filters.CharFilter(label=_("Format"), lookup_expr="iexact")

    class Meta:
        model = ResourceDocument
        fields = ["extraction_status", "file_format"]


class RetryColumn(Column):
    cell_template_name = "resources/admin/retry_cell.html"


class ExtractionReportView(ReportView):
    page_title = _("Document text extraction")
    header_icon = "doc-full"
    index_url_name = "resources_admin:extraction_report"
    index_results_url_name = "resources_admin:extraction_report_results"
    filterset_class = ExtractionFilterSet
    model = ResourceDocument
    any_permission_required = ["change"]

    @property
    def permission_policy(self):
        return document_policy()

    list_export = [
        "title",
        "file_format",
        "extraction_status",
        "extraction_reason",
        "page_count",
        "language",
    ]
    columns = [
        TitleColumn("title", label=_("Document"), url_name="wagtaildocs:edit"),
        Column("file_format", label=_("Format")),
        Column("get_extraction_status_display", label=_("Extraction")),
        Column("extraction_reason", label=_("Note")),
        Column("page_count", label=_("Pages")),
        Column("get_text_layer_display", label=_("Text layer")),
        DateColumn("extracted_at", label=_("Extracted")),
        RetryColumn("retry", label=_("Action")),
    ]

    def get_queryset(self):
        return (
            document_policy()
            .instances_user_has_permission_for(self.request.user, "change")
            .order_by("extraction_status", "-created_at")
        )


@require_POST
def retry_extraction(request, document_id):
    document = get_object_or_404(ResourceDocument, pk=document_id)
    if not document_policy().user_has_permission_for_instance(request.user, "change", document):
        raise PermissionDenied
    document.reset_extraction()
    document.save(
        update_fields=[
            "extraction_status",
            "extraction_reason",
            "extracted_text",
            "text_layer",
            "page_count",
            "language",
            "extracted_at",
        ]
    )
    extract_document_text.enqueue(document.pk)
    messages.success(
        request, _("Extraction of “%(title)s” will run again shortly.") % {"title": document.title}
    )
    return redirect(request.POST.get("next") or reverse("resources_admin:extraction_report"))


class ReviewDueColumn(Column):
    def get_value(self, instance):
        return instance.review_due_on


class ReviewReportView(ReportView):
    """Resources and observatory answers whose review date has passed, oldest first."""

    page_title = _("Content to review")
    header_icon = "time"
    index_url_name = "resources_admin:review_report"
    index_results_url_name = "resources_admin:review_report_results"
    any_permission_required = ["change"]
    paginate_by = 50
    list_export = ["title", "content_owner", "last_reviewed_on", "review_due_on"]
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        Column("content_owner", label=_("Owner")),
        DateColumn("last_reviewed_on", label=_("Last reviewed")),
        ReviewDueColumn("review_due_on", label=_("Review due on")),
    ]

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        from .freshness import due_for_review

        editable = set(
            self.permission_policy.instances_user_has_permission_for(
                self.request.user, "change"
            ).values_list("pk", flat=True)
        )
        return sorted(
            (page for page in due_for_review() if page.pk in editable),
            key=lambda page: page.review_due_on,
        )

    def filter_queryset(self, queryset):
        return queryset
