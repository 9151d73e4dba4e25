"""Who sees what of a member's profile: the one place where the per-field choices (everyone,
members only, only me) are applied, for the directory, the profile page and its filters.

The name's choice decides whether a profile is shown at all: "only me" keeps it out of the
directory and its page answers 404 to everyone else."""

from django.db.models import Q

from home.membership import MEMBERS_GROUP, is_member
from home.visibility import visible_pages
from workgroups.roles import groups_of

from .models import PROFILE_FIELDS, MemberProfile, Visibility


def levels_for(viewer):
    """The visibility levels a viewer may read (apart from their own profile); asked once
    per request, whatever the number of profiles shown."""
    if not hasattr(viewer, "_profile_levels"):
        member = is_member(viewer)
        viewer._profile_levels = (
            [Visibility.PUBLIC, Visibility.MEMBERS] if member else [Visibility.PUBLIC]
        )
    return viewer._profile_levels


def visible_fields(profile, viewer):
    if viewer.is_authenticated and profile.user_id == viewer.pk:
        return set(PROFILE_FIELDS)
    levels = levels_for(viewer)
    return {name for name in PROFILE_FIELDS if profile.visibility(name) in levels}


def listed_profiles(viewer):
    """Profiles of the movement's members whose name the viewer may read."""
    profiles = MemberProfile.objects.filter(user__is_active=True).filter(
        Q(user__groups__name=MEMBERS_GROUP) | Q(user__is_superuser=True)
    )
    own = Q(user_id=viewer.pk) if viewer.is_authenticated else Q(pk__in=[])
    return profiles.filter(Q(name_visibility__in=levels_for(viewer)) | own).distinct()


def directory(viewer, *, region="", skill=""):
    """The directory as the viewer may see it, filtered only on what they may read."""
    levels = levels_for(viewer)
    own = Q(user_id=viewer.pk)
    profiles = listed_profiles(viewer)
    if region:
        profiles = profiles.filter(Q(region_visibility__in=levels) | own, region=region)
    if skill:
        profiles = profiles.filter(
            Q(skills_visibility__in=levels) | own, skills__name__iexact=skill
        )
    return (
        profiles.select_related("user")
        .prefetch_related("skills", "interests")
        .order_by("user__last_name", "user__first_name", "pk")
    )


class ProfileView:
    """A profile with only the fields the viewer may read (None for the others)."""

    def __init__(self, profile, viewer):
        self.profile = profile
        fields = visible_fields(profile, viewer)
        self.pk = profile.pk
        self.is_self = viewer.is_authenticated and profile.user_id == viewer.pk
        self.name = profile.display_name if "name" in fields else None
        self.region = profile.region_name if "region" in fields else None
        self.bio = profile.bio if "bio" in fields else None
        # From the prefetch when there is one: the directory stays at a fixed number of queries.
        self.skills = list(profile.skills.all()) if "skills" in fields else None
        self.interests = list(profile.interests.all()) if "interests" in fields else None
        self._viewer = viewer
        self._show_groups = "groups" in fields

    @property
    def groups(self):
        """The working groups the member belongs to (read from workgroups), if shown: only
        those the viewer may see, so a private group's name never leaks."""
        if not self._show_groups:
            return None
        return list(visible_pages(groups_of(self.profile.user), self._viewer).live())
