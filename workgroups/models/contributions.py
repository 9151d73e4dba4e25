from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.storage import private_storage


class Contribution(models.Model):
    """An offer made to a group by anyone: a member, or a visitor leaving an email."""

    class Kind(models.TextChoices):
        TIME = "time", _("Some of my time")
        SKILL = "skill", _("A skill")
        DOCUMENT = "document", _("A document")
        IDEA = "idea", _("An idea")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        ARCHIVED = "archived", _("archived")

    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("what you offer"), max_length=10, choices=Kind.choices)
    message = models.TextField(_("your proposal"), max_length=4000)
    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your email"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    # Outside MEDIA_ROOT: only the group's coordinators download it, through a view.
    attachment = models.FileField(
        _("attachment"), blank=True, storage=private_storage, upload_to="contributions/%Y/%m/"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    reply = models.TextField(_("reply"), blank=True, max_length=4000)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    # A keyed hash of the sender's address, only for the rate limit: no IP address is stored.
    client_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.name}"
