"""The projects database joins the "Tools" page and the site search."""

from django.utils.translation import gettext_lazy as _

from home.tools import Tool, register_tool
from search.service import SOURCES, Source, register_source

from .permissions import visible_projects


def register():
    register_tool(
        Tool(
            "projects",
            _("Projects database"),
            _("Every participatory-housing project in France, on a map and with its figures."),
            "projects:list",
            order=30,
        )
    )
    if not any(source.key == "project" for source in SOURCES):  # ready() may run twice
        register_source(
            Source(
                key="project",
                label=_("Housing project"),
                queryset=visible_projects,
                date=lambda project: project.updated_at,
                date_field="updated_at",
                url=lambda project: project.get_absolute_url(),
                section=lambda project: project.get_region_display(),
            )
        )
