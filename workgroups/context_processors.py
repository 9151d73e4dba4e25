import functools


def unread_notifications(request):
    """The count shown next to "My space" in the header (logged-in readers only). A callable,
    which templates call when they show it (the header's account fragment, home/personal.py),
    none for the templates that never show it; kept for the reader's next pages
    (reader_state.py)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .reader_state import unread_count

    @functools.cache
    def count():
        return unread_count(user)

    return {"unread_notifications": count}
