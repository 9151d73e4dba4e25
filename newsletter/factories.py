import factory
from django.utils import timezone

from .models import NewsletterIssue, Subscriber, SubscriberStatus


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber."""

    email = factory.Sequence(lambda n: f"abonne{n}@example.org")
    status = SubscriberStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    """A draft issue; pass `items=[{"type": "page", "value": page.pk}, ...]`."""

    title = factory.Sequence(lambda n: f"Lettre d'information n° {n}")
    intro = "Bonjour à toutes et à tous,\n\nVoici les nouvelles du mouvement."
    items = []

    class Meta:
        model = NewsletterIssue
