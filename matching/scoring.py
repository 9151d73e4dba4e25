"""How well two profiles fit: a pure function, with the reasons a member reads.

The score runs from 0 to 100 and adds four parts:

- région (40 points): the two profiles share at least one région. Moving is the hardest
  thing to change, so it weighs most.
- budget (25 points): the two ranges [min, max] overlap. A gap of up to 20 % of the higher
  maximum still earns part of the points, decreasing linearly (a budget is often negotiable),
  and is explained as "budget close" rather than "budget compatible".
- timeline (15 points): the same timeline earns all of them, the next one (within a year /
  one to three years / later) half.
- wishes (20 points): the share of the smaller wish list found in the other one, so that a
  person with two wishes, both shared, fits as well as someone with five shared out of five.

Each part that earns points gives a `Reason`: a stable `code` (for tests and styling) and a
`text` for people ("same région: Bretagne", "2 wishes in common: eco-building, in town").
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.regions import REGION_NAMES

from .choices import WISH_LABELS

REGION_POINTS = 40
BUDGET_POINTS = 25
TIMELINE_POINTS = 15
WISH_POINTS = 20
BUDGET_TOLERANCE = 0.2  # a gap up to this share of the higher maximum still counts a little


@dataclass(frozen=True)
class Criteria:
    """What the score reads from a profile (and nothing else: no database, no user)."""

    regions: frozenset
    budget_min: int
    budget_max: int
    timeline: int
    wishes: frozenset

    @classmethod
    def of(cls, profile):
        return cls(
            regions=frozenset(profile.regions),
            budget_min=profile.budget_min,
            budget_max=profile.budget_max,
            timeline=profile.timeline,
            wishes=frozenset(profile.wishes),
        )


@dataclass(frozen=True)
class Reason:
    code: str  # "region", "budget", "budget_close", "timeline", "timeline_close", "wishes"
    text: str


@dataclass(frozen=True)
class Fit:
    score: int
    reasons: tuple

    @property
    def codes(self):
        return [reason.code for reason in self.reasons]


def _names(codes, labels):
    return ", ".join(sorted(str(labels.get(code, code)) for code in codes))


def region_part(a, b):
    shared = a.regions & b.regions
    if not shared:
        return 0, None
    text = ngettext("same région: %(names)s", "same régions: %(names)s", len(shared)) % {
        "names": _names(shared, REGION_NAMES)
    }
    return REGION_POINTS, Reason("region", text)


def budget_part(a, b):
    overlap = min(a.budget_max, b.budget_max) - max(a.budget_min, b.budget_min)
    if overlap >= 0:
        return BUDGET_POINTS, Reason("budget", _("compatible budget"))
    gap = -overlap / max(a.budget_max, b.budget_max, 1)
    if gap > BUDGET_TOLERANCE:
        return 0, None
    return round(BUDGET_POINTS * (1 - gap / BUDGET_TOLERANCE)), Reason(
        "budget_close", _("budget close")
    )


def timeline_part(a, b):
    distance = abs(a.timeline - b.timeline)
    if distance == 0:
        return TIMELINE_POINTS, Reason("timeline", _("same timeline"))
    if distance == 1:
        return TIMELINE_POINTS // 2, Reason("timeline_close", _("close timeline"))
    return 0, None


def wishes_part(a, b):
    shared = a.wishes & b.wishes
    if not shared:
        return 0, None
    smaller = min(len(a.wishes), len(b.wishes))
    text = ngettext(
        "%(count)d wish in common: %(names)s", "%(count)d wishes in common: %(names)s", len(shared)
    ) % {"count": len(shared), "names": _names(shared, WISH_LABELS)}
    return round(WISH_POINTS * len(shared) / smaller), Reason("wishes", text)


PARTS = (region_part, budget_part, timeline_part, wishes_part)


def fit(a, b):
    """How well the profiles described by criteria `a` and `b` fit (symmetric)."""
    score, reasons = 0, []
    for part in PARTS:
        points, reason = part(a, b)
        score += points
        if reason is not None:
            reasons.append(reason)
    return Fit(score=score, reasons=tuple(reasons))
