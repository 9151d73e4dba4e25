"""Who counts as a member of the movement (issue: open membership builds on this)."""

MEMBERS_GROUP = "Membres"


def is_member(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    from home.visibility import group_names

    return MEMBERS_GROUP in group_names(user)
