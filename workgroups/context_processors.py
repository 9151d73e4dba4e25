import functools


def unread_notifications(request):
    """The count shown next to "My space" in the header (logged-in readers only). A callable,
    which templates call when they show it: one query in the header's account fragment
    (home/personal.py), none for the templates that never show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import Notification

    @functools.cache
    def count():
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    return {"unread_notifications": count}
