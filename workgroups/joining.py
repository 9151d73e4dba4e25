"""Joining and leaving a group, requests and invitations. Every change is written to the
group's membership log (`MembershipEvent`) with who made it and when."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.mail import absolute_url, send_templated_mail

from .models import Invitation, JoinRequest, MembershipAction, MembershipEvent, Visibility
from .roles import is_group_member

INVITATION_SALT = "workgroups.invitation"


class MembershipError(Exception):
    """A change that cannot be made; the message is for the person who asked."""


def _log(group, action, member=None, actor=None, email="", note=""):
    MembershipEvent.objects.create(
        group=group, action=action, member=member, actor=actor, email=email, note=note
    )


def _coordinator_emails(group):
    if group.coordinators_group_id is None:
        return []
    return list(
        group.coordinators_group.user_set.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _add_member(group, user):
    # home.apps drops the groups this request had read (m2m_changed on user.groups).
    user.groups.add(group.members_group)


@transaction.atomic
def join(group, user, message=""):
    """An open group admits at once ("joined"); the others record a request for the
    coordinators ("requested")."""
    if is_group_member(user, group):
        raise MembershipError(_("You are already a member of this group."))
    if group.visibility == Visibility.OPEN:
        _add_member(group, user)
        _log(group, MembershipAction.JOINED, member=user, actor=user)
        return "joined"
    if JoinRequest.objects.filter(group=group, user=user, status="pending").exists():
        raise MembershipError(_("Your request is already waiting for the coordinators."))
    JoinRequest.objects.create(group=group, user=user, message=message)
    _log(group, MembershipAction.REQUESTED, member=user, actor=user, note=message)
    transaction.on_commit(
        lambda: send_templated_mail(
            "workgroups/email/join_request.txt",
            {"group": group, "user": user, "message": message, "url": _coordination_url(group)},
            _coordinator_emails(group),
            _("New request to join %(group)s") % {"group": group.title},
        )
    )
    return "requested"


@transaction.atomic
def leave(group, user):
    coordinators = group.coordinators_group
    if (
        coordinators is not None
        and coordinators.user_set.filter(pk=user.pk).exists()
        and coordinators.user_set.count() == 1
    ):
        raise MembershipError(
            _("You are the group's only coordinator: name another coordinator before leaving.")
        )
    if not is_group_member(user, group):
        raise MembershipError(_("You are not a member of this group."))
    user.groups.remove(*[g for g in (group.members_group, coordinators) if g is not None])
    _log(group, MembershipAction.LEFT, member=user, actor=user)


@transaction.atomic
def decide(join_request, actor, approve, reply=""):
    if join_request.status != JoinRequest.Status.PENDING:
        raise MembershipError(_("This request has already been answered."))
    group = join_request.group
    join_request.status = "approved" if approve else "declined"
    join_request.reply = reply
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save()
    if approve:
        _add_member(group, join_request.user)
    _log(
        group,
        MembershipAction.APPROVED if approve else MembershipAction.DECLINED,
        member=join_request.user,
        actor=actor,
        note=reply,
    )
    user = join_request.user
    transaction.on_commit(
        lambda: send_templated_mail(
            "workgroups/email/join_decision.txt",
            {
                "group": group,
                "user": user,
                "approved": approve,
                "reply": reply,
                "url": absolute_url(group.url or "/"),
            },
            [user.email],
            (_("Welcome to %(group)s") if approve else _("Your request to join %(group)s"))
            % {"group": group.title},
        )
    )


def invitation_token(invitation):
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token):
    """The pending invitation a link names, or MembershipError saying why not."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=settings.GROUP_INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise MembershipError(
            _("This invitation has expired: ask the group's coordinators for a new one.")
        ) from error
    except signing.BadSignature as error:
        raise MembershipError(_("This invitation link is not valid.")) from error
    invitation = Invitation.objects.select_related("group").filter(pk=pk).first()
    if invitation is None:
        raise MembershipError(_("This invitation link is not valid."))
    if invitation.accepted_at is not None:
        raise MembershipError(_("This invitation has already been used."))
    return invitation


@transaction.atomic
def invite(group, actor, email):
    invitation = Invitation.objects.create(group=group, email=email, invited_by=actor)
    _log(group, MembershipAction.INVITED, actor=actor, email=email)
    url = absolute_url(reverse("workgroups:invitation", args=[invitation_token(invitation)]))
    days = settings.GROUP_INVITATION_MAX_AGE // 86400
    transaction.on_commit(
        lambda: send_templated_mail(
            "workgroups/email/invitation.txt",
            {"group": group, "actor": actor, "url": url, "days": days},
            [email],
            _("Invitation to join %(group)s") % {"group": group.title},
        )
    )
    return invitation


@transaction.atomic
def accept_invitation(invitation, user):
    group = invitation.group
    if not is_group_member(user, group):
        _add_member(group, user)
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_by", "accepted_at"])
    _log(
        group,
        MembershipAction.INVITATION_ACCEPTED,
        member=user,
        actor=user,
        email=invitation.email,
    )
    # The invitation also settles a pending request, if any.
    JoinRequest.objects.filter(group=group, user=user, status="pending").update(
        status="approved", decided_at=timezone.now(), decided_by=invitation.invited_by
    )


def _coordination_url(group):
    return absolute_url(group.url + group.reverse_subpage("coordination")) if group.url else ""
