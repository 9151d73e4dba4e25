"""Administrators keep the memberships in the admin: the listing filtered by kind, status and
région with a CSV/XLSX export, a bulk action that marks memberships paid, the tiers and their
fees, and a report with the counts and a chart of members over time."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.regions import REGIONS
from projects.charts import column_chart

from . import memberships, statistics
from .models import Membership, MembershipKind, MembershipStatus, MembershipTier


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = [
        Column("reference", label=_("Number"), accessor="reference"),
        Column("member_name", label=_("Member"), accessor="member_name"),
        "kind",
        "tier",
        "region",
        "status",
        "ends_on",
    ]
    list_filter = ["kind", "status", "region", "tier"]
    list_export = [
        "reference",
        "member_name",
        "kind",
        "tier",
        "fee",
        "region",
        "town",
        "name",
        "households",
        "legal_form",
        "siret",
        "status",
        "paid_at",
        "amount_paid",
        "payment_reference",
        "starts_on",
        "ends_on",
        "created_at",
    ]
    export_headings = {"reference": _("Number"), "member_name": _("Member")}
    export_filename = "adhesions"
    search_fields = ["name", "user__first_name", "user__last_name", "user__email", "siret"]
    search_backend_name = None  # the database: exact and immediate
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "tier").order_by("-created_at", "-pk")


class MembershipTierViewSet(SnippetViewSet):
    model = MembershipTier
    icon = "tag"
    menu_label = _("Tiers and fees")
    list_display = ["name", "kind", "yearly_fee", "is_active"]
    list_filter = ["kind", "is_active"]


class MembersAdmin(SnippetViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 340
    items = (MembershipViewSet, MembershipTierViewSet)


register_snippet(MembersAdmin)


@hooks.register("register_bulk_action")
class MarkPaidBulkAction(SnippetBulkAction):
    display_name = _("Mark as paid")
    action_type = "mark_paid"
    aria_label = _("Mark the selected memberships as paid")
    template_name = "members/admin/confirm_mark_paid.html"
    models = [Membership]
    action_priority = 10

    def check_perm(self, membership):
        return self.request.user.has_perm("members.change_membership")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        paid = 0
        for membership in objects:
            if membership.status == MembershipStatus.PENDING:
                memberships.mark_paid(membership)
                paid += 1
        return paid, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d membership marked as paid: it is active.",
            "%(count)d memberships marked as paid: they are active.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def can_see_report(user):
    return user.has_perm("members.view_membership") or user.has_perm("members.change_membership")


def report(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    selected = statistics.filtered(request.GET)
    over_time = statistics.members_over_time(selected)
    chart = column_chart(over_time, lambda row: row[0], lambda row: row[1], column_width=36)
    return TemplateResponse(
        request,
        "members/admin/report.html",
        {
            "by_kind": statistics.by_kind(selected),
            "by_status": statistics.by_status(selected),
            "by_region": statistics.by_region(selected),
            "over_time": over_time,
            "chart": chart,
            "total": selected.count(),
            "kinds": MembershipKind.choices,
            "statuses": MembershipStatus.choices,
            "regions": REGIONS,
            "params": request.GET,
            "export_url": reverse("wagtailsnippets_members_membership:list")
            + "?"
            + request.GET.urlencode(),
        },
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("memberships/report/", report, name="members_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Memberships"),
        reverse("members_report"),
        name="memberships",
        icon_name="group",
        order=1500,
    )
