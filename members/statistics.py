"""Figures of the memberships report in the admin: counts by kind, status and région, and the
number of members at the end of each of the last months, under the same filters."""

import datetime

from django.db.models import Count
from django.utils import timezone

from home.regions import REGION_NAMES

from .models import Membership, MembershipKind, MembershipStatus

MONTHS = 12


def filtered(params):
    memberships = Membership.objects.all()
    if params.get("kind") in MembershipKind.values:
        memberships = memberships.filter(kind=params["kind"])
    if params.get("status") in MembershipStatus.values:
        memberships = memberships.filter(status=params["status"])
    if params.get("region") in REGION_NAMES:
        memberships = memberships.filter(region=params["region"])
    return memberships


def _counts(memberships, field, labels):
    counts = dict(memberships.values_list(field).annotate(n=Count("pk")).order_by())
    return [(labels.get(key, key), counts[key]) for key in labels if counts.get(key)]


def by_kind(memberships):
    return _counts(memberships, "kind", dict(MembershipKind.choices))


def by_status(memberships):
    return _counts(memberships, "status", dict(MembershipStatus.choices))


def by_region(memberships):
    rows = _counts(memberships, "region", REGION_NAMES)
    return sorted(rows, key=lambda row: -row[1])


def _month_ends(today, months):
    ends = []
    year, month = today.year, today.month
    for _step in range(months):
        first_of_next = datetime.date(year + (month == 12), month % 12 + 1, 1)
        ends.append(min(first_of_next - datetime.timedelta(days=1), today))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(ends))


def members_over_time(memberships, today=None, months=MONTHS):
    """[(month label, memberships running on its last day)] for the last `months` months;
    one query, counted in Python."""
    today = today or timezone.localdate()
    periods = list(
        memberships.filter(starts_on__isnull=False, ends_on__isnull=False).values_list(
            "starts_on", "ends_on"
        )
    )
    return [
        (
            day.strftime("%m/%Y"),
            sum(1 for starts_on, ends_on in periods if starts_on <= day <= ends_on),
        )
        for day in _month_ends(today, months)
    ]
