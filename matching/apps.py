from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching people and groups")

    def ready(self):
        from home.tools import Tool, register_tool

        register_tool(
            Tool(
                "matching",
                _("Matching"),
                _(
                    "People looking for a project and groups looking for residents describe "
                    "themselves and get in touch, with their agreement on both sides."
                ),
                "matching:home",
                order=50,
            )
        )
        # Deliberately NOT registered with search.service.register_source: profiles are
        # personal data, shown only to their owner and, ranked by fit, to members with an
        # active profile of the other kind. A full-text search would let any account browse
        # them (and the engines would hold a copy); Profile is not even an indexed model.
