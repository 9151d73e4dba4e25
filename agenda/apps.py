from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    # Not "events": the `Events` package that opensearch-py needs is a top-level `events`.
    name = "agenda"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.tools import Tool, register_tool
        from search.service import SOURCES, register_source

        from . import moderation
        from .search import source

        moderation.connect()
        register_tool(
            Tool(
                "agenda",
                _("Agenda"),
                _("Open days, meetings, trainings and online events of the movement."),
                "agenda:list",
                order=10,
            )
        )
        if not any(existing.key == "event" for existing in SOURCES):  # ready() may run twice
            register_source(source())
