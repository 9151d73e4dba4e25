from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_groups"
    )
    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="follows"
    )
    email_digest = models.BooleanField(_("daily email digest"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="follow_once")]
        verbose_name = _("followed group")
        verbose_name_plural = _("followed groups")


class Notification(models.Model):
    """Something new in a followed group: a page (news, meeting, working document) or a
    document of its collection. Shown in the site, then sent in the daily digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    group = models.ForeignKey(
        "workgroups.WorkingGroupPage", on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Republishing a page or re-saving a document notifies nobody twice.
            models.UniqueConstraint(fields=["user", "page"], name="notify_page_once"),
            models.UniqueConstraint(fields=["user", "document"], name="notify_document_once"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    @property
    def item(self):
        return self.page.specific if self.page_id else self.document

    @property
    def title(self):
        return self.page.title if self.page_id else self.document.title
