from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassifiedsConfig(AppConfig):
    name = "classifieds"
    verbose_name = _("Classified ads")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.tools import Tool, register_tool
        from search.service import SOURCES, register_source

        from . import moderation
        from .search import source

        moderation.connect()
        register_tool(
            Tool(
                "classifieds",
                _("Classified ads"),
                _("Groups looking for residents, land, homes and skills offered."),
                "classifieds:list",
                order=20,
            )
        )
        if not any(existing.key == "classified_ad" for existing in SOURCES):
            register_source(source())
