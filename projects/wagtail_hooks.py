"""Editors keep the projects database in the admin: every record, its publics and ecological
features, with filters, search and a CSV/XLSX export of the listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EcologicalFeature, Project, Public


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "home"
    list_display = [
        "name",
        "commune",
        "region",
        "stage",
        "year",
        "homes",
        BooleanColumn("published"),
    ]
    list_filter = ["published", "stage", "region", "legal_form", "publics"]
    list_export = [
        "name",
        "commune",
        "department",
        "region",
        "latitude",
        "longitude",
        "stage",
        "year",
        "homes",
        "legal_form",
        "social_landlord",
        "municipality",
        "website",
        "contact_email",
        "published",
        "updated_at",
    ]
    export_filename = "projets"
    search_fields = ["name", "commune", "municipality", "social_landlord"]
    search_backend_name = None  # the database's own search: exact and immediate for editors
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("commune"),
                FieldRowPanel([FieldPanel("department"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("stage"), FieldPanel("year"), FieldPanel("homes")]),
                FieldPanel("legal_form"),
                FieldPanel("publics"),
                FieldPanel("ecological_features"),
            ],
            heading=_("The project"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("social_landlord"),
                FieldPanel("municipality"),
                FieldPanel("directory_partners"),
            ],
            heading=_("Partners"),
        ),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("contact_email")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("working_group"), FieldPanel("editors"), FieldPanel("published")],
            heading=_("Who edits it, who sees it"),
        ),
    ]


class PublicViewSet(SnippetViewSet):
    model = Public
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class EcologicalFeatureViewSet(SnippetViewSet):
    model = EcologicalFeature
    icon = "pick"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class ProjectsGroup(SnippetViewSetGroup):
    menu_label = _("Projects database")
    menu_icon = "home"
    menu_order = 320
    items = (ProjectViewSet, PublicViewSet, EcologicalFeatureViewSet)


register_snippet(ProjectsGroup)
