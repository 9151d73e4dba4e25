"""Editors moderate the agenda in the admin: pending proposals first, filters by status,
kind and région."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Event, EventStatus


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Agenda")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["title", "kind", "region", "starts_at", "status", "submitted_by"]
    list_filter = ["status", "kind", "region", "audience"]
    search_fields = ["title", "organiser", "place"]
    search_backend_name = None  # the database, whatever the engine's state
    inspect_view_enabled = True

    def get_queryset(self, request):
        pending_first = Case(
            When(status=EventStatus.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return Event.objects.select_related("submitted_by").order_by(pending_first, "-starts_at")


register_snippet(EventViewSet)
