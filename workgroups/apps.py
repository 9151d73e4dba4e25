from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Working groups")

    def ready(self):
        from . import reader_state, signal_handlers, space

        signal_handlers.register()
        reader_state.register()
        space.register_fragments()
