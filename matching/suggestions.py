"""The profiles suggested to an active profile, best fit first.

Two queries whatever the number of candidates: one reads every active profile of the other
kind (minus oneself and the pairs where a request was declined, filtered in SQL), the score is
computed in Python with `scoring.fit`, and one more reads the requests already exchanged
with them, so that each card says "request sent" or "connected" without a query of its own.
"""

from dataclasses import dataclass

from django.db.models import Q

from .choices import Kind
from .models import ContactRequest, Profile
from .scoring import Criteria, Fit, fit


@dataclass
class Suggestion:
    profile: Profile
    fit: Fit
    request: ContactRequest | None = None

    @property
    def sent_by_me(self):
        return self.request is not None and self.request.recipient_id == self.profile.pk


def candidates(profile):
    declined = ContactRequest.objects.filter(status=ContactRequest.Status.DECLINED)
    return (
        Profile.objects.active()
        .filter(kind=Kind(profile.kind).opposite)
        .exclude(owner_id=profile.owner_id)
        .exclude(pk__in=declined.filter(sender=profile).values("recipient"))
        .exclude(pk__in=declined.filter(recipient=profile).values("sender"))
        .only(
            "pk",
            "kind",
            "display_name",
            "regions",
            "timeline",
            "budget_min",
            "budget_max",
            "household_size",
            "homes_sought",
            "wishes",
            "description",
            "updated_at",
        )
    )


def suggestions_for(profile):
    """Every candidate with a score above zero, best first (then most recently updated)."""
    mine = Criteria.of(profile)
    ranked = []
    for candidate in candidates(profile):
        candidate_fit = fit(mine, Criteria.of(candidate))
        if candidate_fit.score > 0:
            ranked.append(Suggestion(candidate, candidate_fit))
    ranked.sort(key=lambda s: (-s.fit.score, -s.profile.updated_at.timestamp(), s.profile.pk))
    return ranked


def attach_requests(profile, suggestions):
    """Put on each suggestion the request already exchanged with it, in one query."""
    ids = [suggestion.profile.pk for suggestion in suggestions]
    if not ids:
        return suggestions
    exchanged = ContactRequest.objects.filter(
        Q(sender=profile, recipient_id__in=ids) | Q(recipient=profile, sender_id__in=ids)
    )
    by_other = {}
    for request in exchanged:
        other = request.recipient_id if request.sender_id == profile.pk else request.sender_id
        by_other[other] = request
    for suggestion in suggestions:
        suggestion.request = by_other.get(suggestion.profile.pk)
    return suggestions
