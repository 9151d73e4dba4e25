"""Who counts as a member of the movement (issue: open membership builds on this)."""

MEMBERS_GROUP = "Membres"


def is_member(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=MEMBERS_GROUP).exists()
