def unread_notifications(request):
    """The count shown next to "My space" in the header (one query, logged-in readers only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import Notification

    return {
        "unread_notifications": Notification.objects.filter(user=user, read_at__isnull=True).count()
    }
