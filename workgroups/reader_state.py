"""What the header and a group's buttons show about their reader alone (the unread
notifications count, the groups they follow), kept in the cache between their pages.

Every page a member reads renders these fragments again (home/personal.py), so each would cost
a query per page. They are kept for READER_CACHE_SECONDS, like the reader's groups and
permissions (home/page_cache.py), and forgotten whenever a notification or a follow of the
reader is created, changed or deleted (receivers below; `forget_unread` for the bulk update
that marks notifications read)."""

from django.conf import settings
from django.core.cache import cache


def _ttl():
    return getattr(settings, "READER_CACHE_SECONDS", 60)


def _kept(key, compute):
    value = cache.get(key) if _ttl() > 0 else None
    if value is None:
        value = compute()
        if _ttl() > 0:
            cache.set(key, value, _ttl())
    return value


def unread_count(user):
    from .models import Notification

    return _kept(
        f"reader:{user.pk}:unread",
        lambda: Notification.objects.filter(user=user, read_at__isnull=True).count(),
    )


def followed_group_ids(user):
    from .models import Follow

    return _kept(
        f"reader:{user.pk}:followed",
        lambda: frozenset(Follow.objects.filter(user=user).values_list("group_id", flat=True)),
    )


def forget_unread(user_id):
    cache.delete(f"reader:{user_id}:unread")


def notification_changed(sender, instance, **kwargs):
    forget_unread(instance.user_id)


def follow_changed(sender, instance, **kwargs):
    cache.delete(f"reader:{instance.user_id}:followed")


def register():
    from django.db.models.signals import post_delete, post_save

    from .models import Follow, Notification

    for signal in (post_save, post_delete):
        signal.connect(notification_changed, sender=Notification, dispatch_uid=f"{signal}.n")
        signal.connect(follow_changed, sender=Follow, dispatch_uid=f"{signal}.f")
