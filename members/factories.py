import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import MemberProfile, Membership, MembershipKind, MembershipTier


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"adherent{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Durand{n}")
    password = factory.django.Password("mot-de-passe-solide-2026")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class TierFactory(factory.django.DjangoModelFactory):
    kind = MembershipKind.INDIVIDUAL
    name = "Adhésion individuelle"
    yearly_fee = 20

    class Meta:
        model = MembershipTier


class MembershipFactory(factory.django.DjangoModelFactory):
    """A pending individual membership in Brittany."""

    user = factory.SubFactory(UserFactory)
    kind = MembershipKind.INDIVIDUAL
    tier = factory.SubFactory(TierFactory, kind=factory.SelfAttribute("..kind"))
    fee = factory.LazyAttribute(lambda membership: membership.tier.yearly_fee)
    region = "53"
    town = "Rennes"
    rules_accepted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Membership


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    region = "53"

    class Meta:
        model = MemberProfile
