"""Who is who in a working group. Roles are Wagtail groups (see `provisioning`), so what the
site says here is what the admin shows."""

from django.db.models import Q

from home.visibility import group_ids, visible_pages


def _group_ids(user):
    # The same ids the visibility rules read: one query per request, whatever is asked.
    return group_ids(user) if user.is_authenticated else set()


def is_coordinator(user, group):
    return user.is_authenticated and (
        user.is_superuser or group.coordinators_group_id in _group_ids(user)
    )


def is_group_member(user, group):
    """A member or a coordinator of the group."""
    ids = _group_ids(user)
    return group.members_group_id in ids or group.coordinators_group_id in ids


def can_read(user, group):
    return visible_pages(type(group).objects.filter(pk=group.pk), user).exists()


def groups_of(user):
    """The working groups the user belongs to, as member or coordinator."""
    from workgroups.models import WorkingGroupPage

    ids = _group_ids(user)
    if not ids:
        return WorkingGroupPage.objects.none()
    return WorkingGroupPage.objects.filter(
        Q(members_group__in=ids) | Q(coordinators_group__in=ids)
    ).order_by("title")


def coordinated_by(user):
    from workgroups.models import WorkingGroupPage

    if user.is_authenticated and user.is_superuser:
        return WorkingGroupPage.objects.order_by("title")
    return WorkingGroupPage.objects.filter(coordinators_group__in=_group_ids(user)).order_by(
        "title"
    )
