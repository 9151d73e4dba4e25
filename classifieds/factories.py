from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import AdCategory, AdStatus, ClassifiedAd


class PosterFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"annonceur{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Claude"

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ClassifiedAdFactory(factory.django.DjangoModelFactory):
    """A visible ad: a group in Brittany looking for residents, published today."""

    title = factory.Sequence(lambda n: f"Notre groupe cherche des habitants n° {n}")
    category = AdCategory.GROUP_SEEKS_RESIDENTS
    region = "53"
    town = "Rennes"
    price = None
    description = (
        "Nous sommes six foyers et construisons un habitat participatif en coopérative. "
        "Il reste deux logements : venez nous rencontrer !"
    )
    poster = factory.SubFactory(PosterFactory)
    status = AdStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda ad: ad.published_at + timedelta(days=60))

    class Meta:
        model = ClassifiedAd
