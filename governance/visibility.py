"""Public or members-only governance pages, as view restrictions.

The `visibility` field an editor picks is turned into a Wagtail view restriction, so that the
page itself, every listing (`home.visibility.visible_pages`), the feeds and the site search
apply the same rule. A restriction also covers everything below the page (a members-only
meeting hides its decisions)."""

from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from home.membership import MEMBERS_GROUP

EDITORS_GROUP = "Editors"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read")
    MEMBERS = "members", _("Members only: members of the movement can read")


def readers():
    """Groups that may read a members-only governance page: members, and editors so that
    they can check what they publish."""
    return list(Group.objects.filter(name__in=[MEMBERS_GROUP, EDITORS_GROUP]))


@transaction.atomic
def apply_visibility(page):
    """Make the page's own view restriction match its `visibility` field."""
    PageViewRestriction.objects.filter(page=page).delete()
    if page.visibility != Visibility.MEMBERS:
        return
    members, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set({members, *readers()})
