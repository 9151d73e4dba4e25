"""Editors vet partners in the admin (only they can set the vetted flag) and moderate the
members' recommendations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import PartnerAdminForm
from .models import Partner, Recommendation


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "user"
    list_display = ["name", "kind", "commune", BooleanColumn("vetted"), "updated_at"]
    list_filter = ["vetted", "kind", "national"]
    list_export = ["name", "kind", "commune", "website", "email", "phone", "vetted", "updated_at"]
    export_filename = "partenaires"
    search_fields = ["name", "services", "commune"]
    search_backend_name = None
    ordering = ["vetted", "name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
            FieldPanel("vetted"),
            MultiFieldPanel(
                [FieldPanel("region_codes"), FieldPanel("national")], heading=_("Where they work")
            ),
            FieldPanel("services"),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel("website"),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("address"),
                    FieldPanel("commune"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Contact and location"),
            ),
        ],
        base_form_class=PartnerAdminForm,
    )


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "pick"
    list_display = ["partner", "member", "created_at"]
    list_filter = ["partner__kind"]
    search_fields = ["comment", "partner__name"]
    search_backend_name = None
    panels = [FieldPanel("comment")]


class PartnersGroup(SnippetViewSetGroup):
    menu_label = _("Partner directory")
    menu_icon = "user"
    menu_order = 330
    items = (PartnerViewSet, RecommendationViewSet)


register_snippet(PartnersGroup)
