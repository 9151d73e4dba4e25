from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared pages")

    def ready(self):
        from .locales import ensure_content_locales

        # Sent after the whole migration run, once per app: ours is enough.
        post_migrate.connect(
            ensure_content_locales, sender=self, dispatch_uid="home.ensure_content_locales"
        )
