"""A membership's year: the renewal reminder before its end, then expiry, with a frozen clock."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from home.membership import MEMBERS_GROUP, is_member
from members import memberships
from members.factories import MembershipFactory
from members.models import Membership, MembershipStatus


def paid_on(day, **kwargs):
    membership = MembershipFactory(**kwargs)
    with time_machine.travel(f"{day.isoformat()} 12:00 +01:00", tick=False):
        return memberships.mark_paid(membership)


@pytest.mark.django_db
def test_reminder_before_the_end_then_expiry(settings, members_group):
    settings.MEMBERSHIP_RENEWAL_NOTICE_DAYS = 30
    membership = paid_on(date(2026, 1, 10))
    assert membership.ends_on == date(2027, 1, 9)
    mail.outbox.clear()

    with time_machine.travel("2026-12-09 08:00 +01:00", tick=False):  # 31 days before
        assert memberships.send_renewal_reminders() == 0
    with time_machine.travel("2026-12-10 08:00 +01:00", tick=False):  # 30 days before
        call_command("expire_memberships", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [[membership.user.email]]
    assert "9 janvier 2027" in mail.outbox[0].subject or "09/01/2027" in mail.outbox[0].subject
    assert f"/compte/adhesion/{membership.pk}/renouveler/" in mail.outbox[0].body
    with time_machine.travel("2026-12-20 08:00 +01:00", tick=False):
        assert memberships.send_renewal_reminders() == 0  # once only

    with time_machine.travel("2027-01-09 23:00 +01:00", tick=False):  # its last day
        assert memberships.expire() == 0
    assert is_member(membership.user)
    with time_machine.travel("2027-01-10 08:00 +01:00", tick=False):
        call_command("expire_memberships", stdout=io.StringIO())
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.EXPIRED
    user = type(membership.user).objects.get(pk=membership.user_id)
    assert not user.groups.filter(name=MEMBERS_GROUP).exists()


@pytest.mark.django_db
def test_an_early_renewal_gets_no_reminder_and_starts_when_the_year_ends(settings, members_group):
    settings.MEMBERSHIP_RENEWAL_NOTICE_DAYS = 30
    first = paid_on(date(2026, 1, 10))
    renewal = memberships.renew(first)
    assert renewal.status == MembershipStatus.PENDING
    with time_machine.travel("2026-12-15 08:00 +01:00", tick=False):
        mail.outbox.clear()
        assert memberships.send_renewal_reminders() == 0
        memberships.mark_paid(renewal)
    renewal.refresh_from_db()
    assert (renewal.starts_on, renewal.ends_on) == (date(2027, 1, 10), date(2028, 1, 9))
    with time_machine.travel("2027-01-11 08:00 +01:00", tick=False):
        memberships.expire()
    first.refresh_from_db()
    assert first.status == MembershipStatus.EXPIRED
    # Still active through the renewal: still in the members' group.
    assert first.user.groups.filter(name=MEMBERS_GROUP).exists()


@pytest.mark.django_db
def test_a_leap_day_membership_ends_the_next_february(members_group):
    membership = paid_on(date(2028, 2, 29))
    assert membership.ends_on == date(2029, 2, 27) + timedelta(days=1)


@pytest.mark.django_db
def test_members_without_a_membership_record_are_left_alone(member):
    with time_machine.travel("2030-01-01 08:00 +01:00", tick=False):
        memberships.upkeep()
    assert is_member(member)
    assert not Membership.objects.exists()
