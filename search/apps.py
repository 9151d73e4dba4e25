from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from .signal_handlers import route_index_updates_through_tasks

        route_index_updates_through_tasks()
