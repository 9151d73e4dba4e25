"""Who may use the matching tool, and the lookups that keep everyone to their own records.

Every view reaches a profile or a request through these functions: a record that is not the
user's own (or, for a request, one they are a party to) is answered with a 404, so a URL
never tells whether someone else's profile exists.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from home.membership import is_member

from .models import ContactRequest, Profile


def can_use_matching(user):
    """Logged-in members of the movement describe themselves and receive suggestions."""
    return is_member(user)


def own_profile(user, profile_id):
    return get_object_or_404(Profile.objects.owned_by(user), pk=profile_id)


def own_active_profile(user, profile_id):
    return get_object_or_404(Profile.objects.owned_by(user).active(), pk=profile_id)


def requests_of(user):
    """The contact requests `user` sent or received, with both profiles."""
    return ContactRequest.objects.filter(
        Q(sender__owner=user) | Q(recipient__owner=user)
    ).select_related("sender__owner", "recipient__owner")


def request_of(user, request_id):
    return get_object_or_404(requests_of(user), pk=request_id)


def received_request_of(user, request_id):
    return get_object_or_404(requests_of(user).filter(recipient__owner=user), pk=request_id)
