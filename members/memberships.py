"""A membership's life: created *pending* by the join form, *active* for a year once paid
(marked by an administrator or by `import_payments`), a reminder MEMBERSHIP_RENEWAL_NOTICE_DAYS
before its end, then *expired* by the daily task (`manage.py expire_memberships`).

An active membership puts its account in the "Membres" group; the account leaves it when its
last active membership expires. Accounts that are members without a membership record
(administrators' choice) are never touched."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail
from home.membership import MEMBERS_GROUP

from .models import MemberProfile, Membership, MembershipStatus


def one_year_after(day):
    """The last day of a year of membership starting on `day` (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + 1) - timedelta(days=1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def create(user, kind, cleaned):
    """A pending membership of `kind` from the join form's cleaned data."""
    tier = cleaned["tier"]
    membership = Membership.objects.create(
        user=user,
        kind=kind,
        tier=tier,
        fee=tier.yearly_fee,
        region=cleaned["region"],
        town=cleaned.get("town", ""),
        name=cleaned.get("name", ""),
        households=cleaned.get("households"),
        legal_form=cleaned.get("legal_form", ""),
        siret=cleaned.get("siret", ""),
        rules_accepted_at=timezone.now(),
    )
    profile, _created = MemberProfile.objects.get_or_create(user=user)
    if not profile.region:
        profile.region = membership.region
        profile.save(update_fields=["region", "updated_at"])
    return membership


def renew(previous):
    """Next year's membership, pending, with the same details and today's fee of its tier."""
    tier = previous.tier
    return Membership.objects.create(
        user=previous.user,
        kind=previous.kind,
        tier=tier,
        fee=tier.yearly_fee if tier else previous.fee,
        region=previous.region,
        town=previous.town,
        name=previous.name,
        households=previous.households,
        legal_form=previous.legal_form,
        siret=previous.siret,
        rules_accepted_at=timezone.now(),
    )


class AlreadyPaid(Exception):
    pass


def _members_group():
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


@transaction.atomic
def mark_paid(membership, *, paid_at=None, amount=None, reference=None):
    """Record the payment of a pending membership and make it active for a year, starting
    when the member's current year ends (an early renewal) or on the day of payment."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.PENDING:
        raise AlreadyPaid(membership)
    paid_at = paid_at or timezone.now()
    paid_on = timezone.localdate(paid_at) if timezone.is_aware(paid_at) else paid_at.date()
    current_end = (
        Membership.objects.active()
        .filter(user=membership.user, ends_on__gte=paid_on)
        .exclude(pk=membership.pk)
        .order_by("-ends_on")
        .values_list("ends_on", flat=True)
        .first()
    )
    starts_on = current_end + timedelta(days=1) if current_end else paid_on
    membership.status = MembershipStatus.ACTIVE
    membership.paid_at = paid_at
    membership.amount_paid = membership.fee if amount is None else amount
    membership.payment_reference = reference or None
    membership.starts_on = starts_on
    membership.ends_on = one_year_after(starts_on)
    membership.save()
    membership.user.groups.add(_members_group())
    transaction.on_commit(lambda: _send_welcome(membership))
    return membership


def _send_welcome(membership):
    send_templated_mail(
        "members/email/membership_active.txt",
        {
            "membership": membership,
            "user": membership.user,
            "account_url": absolute_url(reverse("members:account")),
            "profile_url": absolute_url(reverse("members:profile_edit")),
        },
        [membership.user.email],
        _("Your membership is active"),
    )


def _has_covering_membership(user, after):
    """A membership already paid or waiting for payment beyond `after`: no need to remind."""
    return (
        Membership.objects.filter(user=user, status=MembershipStatus.PENDING).exists()
        or Membership.objects.active().filter(user=user, ends_on__gt=after).exists()
    )


def expire(today=None):
    """Expire the active memberships whose last day has passed; accounts without another
    active membership leave the members' group."""
    today = today or timezone.localdate()
    expired = 0
    group = None
    for membership in Membership.objects.active().filter(ends_on__lt=today).select_related("user"):
        with transaction.atomic():
            membership.status = MembershipStatus.EXPIRED
            membership.save(update_fields=["status"])
            if not Membership.objects.active().filter(user=membership.user).exists():
                group = group or _members_group()
                membership.user.groups.remove(group)
        expired += 1
    return expired


def send_renewal_reminders(today=None):
    """One email per active membership ending within the notice period, unless the member
    has already renewed."""
    today = today or timezone.localdate()
    due = Membership.objects.active().filter(
        ends_on__gte=today,
        ends_on__lte=today + timedelta(days=settings.MEMBERSHIP_RENEWAL_NOTICE_DAYS),
        reminder_sent_at__isnull=True,
    )
    sent = 0
    for membership in due.select_related("user"):
        if _has_covering_membership(membership.user, membership.ends_on):
            continue
        # Claimed first, so that two workers never send the same reminder.
        claimed = Membership.objects.filter(pk=membership.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
        if not claimed:
            continue
        sent += send_templated_mail(
            "members/email/renewal_reminder.txt",
            {
                "membership": membership,
                "user": membership.user,
                "renew_url": absolute_url(reverse("members:renew", args=[membership.pk])),
            },
            [membership.user.email],
            _("Your membership ends on %(date)s")
            % {"date": membership.ends_on.strftime("%d/%m/%Y")},
        )
    return sent


def upkeep(today=None):
    today = today or timezone.localdate()
    return {"reminded": send_renewal_reminders(today), "expired": expire(today)}
