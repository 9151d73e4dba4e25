"""The movement's newsletter: subscribers (double opt-in), issues composed by editors from the
site's content, and one delivery record per subscriber and issue.

An issue is a snippet whose items are chosen pages, agenda events and resource documents;
only the public ones reach the email and the archive (`newsletter.content`). A delivery is
unique per issue and subscriber: whatever happens to the sending tasks (retried, run twice,
resumed after a crash), nobody gets the same issue twice (`newsletter.sending`)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from .admin_forms import IssueForm


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)


class Subscriber(models.Model):
    email = models.EmailField(_("email"), max_length=254, unique=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        # One row per address, however it was typed.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class SubscriptionRequest(models.Model):
    """One row per subscription form sent, for the rate limit: a keyed hash of the sender's
    address (no IP stored), as for the working groups' contributions."""

    client_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("subscription request")
        verbose_name_plural = _("subscription requests")


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class NewsletterIssue(models.Model):
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The email's subject and the archive's title.")
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=4000,
        help_text=_("A few words before the chosen content. Separate paragraphs by a blank line."),
    )
    items = StreamField(
        [
            ("page", PageChooserBlock(label=_("Page"))),
            ("event", SnippetChooserBlock("agenda.Event", label=_("Agenda event"))),
            ("document", DocumentChooserBlock(label=_("Resource document"))),
        ],
        verbose_name=_("content"),
        blank=True,
        help_text=_(
            "Pages, events and documents, in the order of the email. Only public content is "
            "sent: a restricted page or document, or an unpublished event, is left out."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=IssueStatus.choices,
        default=IssueStatus.DRAFT,
        editable=False,
    )
    send_started_at = models.DateTimeField(_("sending started at"), null=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, editable=False, db_index=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [FieldPanel("title"), FieldPanel("intro"), FieldPanel("items")]
    base_form_class = IssueForm

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-sent_at", "-created_at"]
        permissions = [("send_newsletterissue", _("Can send a newsletter issue to subscribers"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("newsletter:issue", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == IssueStatus.DRAFT


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("To send")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Skipped (unsubscribed)")
    FAILED = "failed", _("Refused by the mail server")


class Delivery(models.Model):
    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    batch = models.PositiveIntegerField(_("batch"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["issue", "status", "batch"], name="newsletter_batch_idx")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
