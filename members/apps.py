from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.tools import Tool, register_tool

        register_tool(
            Tool(
                "members",
                _("Members directory"),
                _("Find the movement's members by région and skill (members only)."),
                "members:directory",
                order=60,
            )
        )
