"""Demo newsletter: one issue already sent (in the archive) made of public pages, upcoming
events and a public document, a draft to try the preview and the test copy, and a few
subscribers in every state. Idempotent: issues are found by title, subscribers by address."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.documents import get_document_model

from agenda.models import Event
from home.visibility import visible_documents, visible_pages
from resources.models import ResourcePage

from .factories import NewsletterIssueFactory, SubscriberFactory
from .models import Delivery, DeliveryStatus, IssueStatus, NewsletterIssue, SubscriberStatus

SUBSCRIBERS = [
    ("camille.dupont@example.org", SubscriberStatus.CONFIRMED),
    ("habitat.nantes@example.org", SubscriberStatus.CONFIRMED),
    ("jean.martin@example.org", SubscriberStatus.CONFIRMED),
    ("membre@example.org", SubscriberStatus.CONFIRMED),
    ("sophie.bernard@example.org", SubscriberStatus.PENDING),
    ("ancien.abonne@example.org", SubscriberStatus.UNSUBSCRIBED),
]

SENT_TITLE = "Lettre d'information n° 1 — les nouvelles du mouvement"
SENT_INTRO = (
    "Bonjour à toutes et à tous,\n\n"
    "Voici les ressources publiées ces dernières semaines et les prochains rendez-vous du "
    "mouvement. Bonne lecture, et à bientôt lors d'une journée portes ouvertes !"
)
DRAFT_TITLE = "Lettre d'information n° 2 (brouillon)"


def _public_items():
    anonymous = AnonymousUser()
    pages = visible_pages(ResourcePage.objects.live().order_by("pk"), anonymous)[:2]
    events = Event.objects.published().upcoming()[:2]
    documents = visible_documents(get_document_model().objects.order_by("pk"), anonymous)[:1]
    chosen = (
        [("page", page.pk) for page in pages]
        + [("event", event.pk) for event in events]
        + [("document", document.pk) for document in documents]
    )
    return [{"type": kind, "value": pk} for kind, pk in chosen]  # StreamField's stored form


def _ensure_subscribers(report):
    now = timezone.now()
    subscribers = []
    for email, status in SUBSCRIBERS:
        subscriber = SubscriberFactory._meta.model.objects.filter(email=email).first()
        if subscriber is None:
            subscriber = SubscriberFactory(
                email=email,
                status=status,
                confirmed_at=now - timedelta(days=40) if status != "pending" else None,
                unsubscribed_at=now - timedelta(days=5) if status == "unsubscribed" else None,
            )
            report.add(f"abonné·e à la lettre « {email} »")
        subscribers.append(subscriber)
    return subscribers


def load(report, editor):
    subscribers = _ensure_subscribers(report)
    items = _public_items()
    if not NewsletterIssue.objects.filter(title=SENT_TITLE).exists():
        sent_at = timezone.now() - timedelta(days=10)
        issue = NewsletterIssueFactory(
            title=SENT_TITLE,
            intro=SENT_INTRO,
            items=items,
            status=IssueStatus.SENT,
            send_started_at=sent_at,
            sent_at=sent_at,
            sent_by=editor,
        )
        Delivery.objects.bulk_create(
            Delivery(
                issue=issue,
                subscriber=subscriber,
                batch=1,
                status=DeliveryStatus.SENT,
                sent_at=sent_at,
            )
            for subscriber in subscribers
            if subscriber.confirmed_at
        )
        report.add(f"lettre d'information envoyée « {SENT_TITLE} »")
    if not NewsletterIssue.objects.filter(title=DRAFT_TITLE).exists():
        NewsletterIssueFactory(title=DRAFT_TITLE, items=list(reversed(items)))
        report.add(f"lettre d'information en brouillon « {DRAFT_TITLE} »")
