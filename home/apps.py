from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared pages")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.models import (
            Collection,
            CollectionViewRestriction,
            GroupPagePermission,
            Locale,
            PageViewRestriction,
        )
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .locales import ensure_content_locales, forget_locales
        from .page_cache import invalidate
        from .visibility import forget_groups

        # Sent after the whole migration run, once per app: ours is enough.
        post_migrate.connect(
            ensure_content_locales, sender=self, dispatch_uid="home.ensure_content_locales"
        )
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="home.locales.saved")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="home.locales.deleted")
        # Cached pages (home/page_cache.py) must not outlive a page's publication, nor a change
        # of who may see or edit what: restrictions and their groups, groups' permissions and
        # page permissions, users' groups and own permissions.
        page_published.connect(invalidate, dispatch_uid="home.page_cache.published")
        page_unpublished.connect(invalidate, dispatch_uid="home.page_cache.unpublished")
        post_page_move.connect(invalidate, dispatch_uid="home.page_cache.moved")
        # A new collection under a restricted one is hidden as well: the hidden collections
        # kept for readers (home/visibility.py) are retired with the pages.
        for model in (
            PageViewRestriction,
            CollectionViewRestriction,
            GroupPagePermission,
            Collection,
        ):
            name = model.__name__
            post_save.connect(invalidate, sender=model, dispatch_uid=f"home.page_cache.{name}")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"home.page_cache.d{name}")
        for model in (PageViewRestriction, CollectionViewRestriction):
            m2m_changed.connect(
                invalidate,
                sender=model.groups.through,
                dispatch_uid=f"home.page_cache.g{model.__name__}",
            )
        user = get_user_model()
        m2m_changed.connect(
            _forget_groups_of(user, forget_groups),
            sender=user.groups.through,
            dispatch_uid="home.visibility.forget_groups",
            weak=False,
        )
        for through in (
            Group.permissions.through,
            user.groups.through,
            user.user_permissions.through,
        ):
            m2m_changed.connect(
                invalidate, sender=through, dispatch_uid=f"home.page_cache.{through.__name__}"
            )


def _forget_groups_of(user_model, forget_groups):
    """A user whose groups change in this request forgets the ones it had read."""

    def receiver(sender, instance, **kwargs):
        if isinstance(instance, user_model):
            forget_groups(instance)

    return receiver
