"""What the header and a group's buttons show about their reader alone (the unread
notifications count, the groups they follow), kept in the cache between their pages.

Every page a member reads renders these fragments again (home/personal.py), so each would cost
a query per page. They are kept for READER_CACHE_SECONDS with what is kept about the reader's
groups and permissions (home/page_cache.py), under the members' version that every worker
reads from the database: a notification or a follow created, changed or deleted, or
notifications marked read (`changed`, for that bulk update), retires them on every worker at
once. Outside a member's page request (no version read by MemberPageCacheMiddleware) they are
read afresh."""

from django.core.cache import cache


def _kept(user, name, compute):
    from home.page_cache import reader_ttl

    version = getattr(user, "_members_version", None)
    if version is None or reader_ttl() <= 0:
        return compute()
    key = f"page_cache:{version}:reader:{user.pk}:{name}"
    return cache.get_or_set(key, compute, reader_ttl())


def unread_count(user):
    from .models import Notification

    return _kept(
        user,
        "unread",
        lambda: Notification.objects.filter(user=user, read_at__isnull=True).count(),
    )


def followed_group_ids(user):
    from .models import Follow

    return _kept(
        user,
        "followed",
        lambda: frozenset(Follow.objects.filter(user=user).values_list("group_id", flat=True)),
    )


def changed(**kwargs):
    from home.page_cache import invalidate

    invalidate()


def register():
    from django.db.models.signals import post_delete, post_save

    from .models import Follow, Notification

    for signal in (post_save, post_delete):
        signal.connect(changed, sender=Notification, dispatch_uid=f"{signal}.notification")
        signal.connect(changed, sender=Follow, dispatch_uid=f"{signal}.follow")
