from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipAction(models.TextChoices):
    JOINED = "joined", _("joined the group")
    LEFT = "left", _("left the group")
    REQUESTED = "requested", _("asked to join")
    APPROVED = "approved", _("request approved")
    DECLINED = "declined", _("request declined")
    INVITED = "invited", _("invited by email")
    INVITATION_ACCEPTED = "invitation_accepted", _("accepted an invitation")


class MembershipEvent(models.Model):
    """The group's membership log: every change, who made it and when. Coordinators read it;
    nothing deletes it."""

    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="membership_events"
    )
    action = models.CharField(_("action"), max_length=24, choices=MembershipAction.choices)
    # The person concerned (None for an invitation to an address with no account yet).
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(_("email"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.TextField(_("message to the coordinators"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reply = models.TextField(_("reply"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request",
            )
        ]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")


class Invitation(models.Model):
    """An invitation sent by email. The link carries a signed, expiring token naming this
    row; accepting it makes the person (once logged in) a member."""

    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
