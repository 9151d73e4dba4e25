"""The partner directory joins the "Tools" page and the site search."""

from django.utils.translation import gettext_lazy as _

from home.tools import Tool, register_tool
from search.service import SOURCES, Source, register_source

from .permissions import visible_partners


def register():
    register_tool(
        Tool(
            "partners",
            _("Partner directory"),
            _("Notaries, project assistants, architects, landlords and banks that members trust."),
            "partners:list",
            order=40,
        )
    )
    if not any(source.key == "partner" for source in SOURCES):  # ready() may run twice
        register_source(
            Source(
                key="partner",
                label=_("Partner"),
                queryset=visible_partners,
                date=lambda partner: partner.updated_at,
                date_field="updated_at",
                url=lambda partner: partner.get_absolute_url(),
                section=lambda partner: partner.get_kind_display(),
            )
        )
