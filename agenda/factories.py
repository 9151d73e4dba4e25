from datetime import timedelta

import factory
from django.utils import timezone

from .models import Audience, Event, EventKind, EventStatus


class EventFactory(factory.django.DjangoModelFactory):
    """A published regional event in two weeks' time, in Nantes, Paris time."""

    title = factory.Sequence(lambda n: f"Rencontre régionale de l'habitat participatif n° {n}")
    kind = EventKind.REGIONAL
    summary = "Une soirée pour découvrir les projets d'habitat participatif de la région."
    description = "Présentation des projets, échanges avec les groupes, verre de l'amitié."
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=14)).replace(
            hour=16, minute=0, second=0, microsecond=0
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    time_zone = "Europe/Paris"
    place = "Maison des associations, 12 rue de la Paix, Nantes"
    region = "52"
    organiser = "Association régionale de l'habitat participatif"
    audience = Audience.EVERYONE
    status = EventStatus.PUBLISHED

    class Meta:
        model = Event
