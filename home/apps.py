from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared pages")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .locales import ensure_content_locales
        from .page_cache import invalidate

        # Sent after the whole migration run, once per app: ours is enough.
        post_migrate.connect(
            ensure_content_locales, sender=self, dispatch_uid="home.ensure_content_locales"
        )
        # Cached anonymous pages (home/page_cache.py) must not outlive a page's publication.
        page_published.connect(invalidate, dispatch_uid="home.page_cache.published")
        page_unpublished.connect(invalidate, dispatch_uid="home.page_cache.unpublished")
        post_page_move.connect(invalidate, dispatch_uid="home.page_cache.moved")
