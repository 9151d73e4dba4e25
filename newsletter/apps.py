from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.tools import Tool, register_tool

        register_tool(
            Tool(
                "newsletter",
                _("Newsletter"),
                _("The movement's news by email: subscribe, or read the past issues."),
                "newsletter:subscribe",
                order=90,
            )
        )
