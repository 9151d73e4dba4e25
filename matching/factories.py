import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.membership import MEMBERS_GROUP

from .choices import Kind, Timeline, Wish
from .models import ContactRequest, Profile


class MemberFactory(factory.django.DjangoModelFactory):
    """An account in the movement's members group, with a clearly fake address."""

    username = factory.Sequence(lambda n: f"habitant{n}")
    first_name = factory.Iterator(["Camille", "Mathieu", "Sofia", "Yannick", "Odile", "Bilal"])
    last_name = factory.Iterator(["Garnier", "Lemoine", "Ferreira", "Le Goff", "Barbier", "Haddad"])
    email = factory.LazyAttribute(lambda user: f"{user.username}@exemple.org")
    password = factory.django.Password("pw")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def member(user, create, extracted, **kwargs):
        if create and extracted is not False:
            user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])


class ProfileFactory(factory.django.DjangoModelFactory):
    owner = factory.SubFactory(MemberFactory)
    kind = Kind.PERSON
    display_name = factory.LazyAttribute(lambda profile: profile.owner.first_name or "Habitant")
    regions = factory.LazyFunction(lambda: ["53"])  # Bretagne
    timeline = Timeline.ONE_TO_THREE_YEARS
    budget_min = 150_000
    budget_max = 250_000
    household_size = factory.LazyAttribute(lambda p: 2 if p.kind == Kind.PERSON else None)
    homes_sought = factory.LazyAttribute(lambda p: 3 if p.kind == Kind.GROUP else None)
    wishes = factory.LazyFunction(lambda: [Wish.ECO_BUILDING.value, Wish.SHARED_SPACES.value])
    description = "Nous cherchons un habitat partagé, écologique et ouvert sur le quartier."

    class Meta:
        model = Profile

    class Params:
        group = factory.Trait(
            kind=Kind.GROUP,
            display_name=factory.Sequence(lambda n: f"Groupe-projet {n}"),
        )


class ContactRequestFactory(factory.django.DjangoModelFactory):
    sender = factory.SubFactory(ProfileFactory)
    recipient = factory.SubFactory(ProfileFactory, group=True)
    message = "Bonjour, votre projet m'intéresse beaucoup."
    status = ContactRequest.Status.PENDING
    answered_at = factory.LazyAttribute(
        lambda request: None if request.status == ContactRequest.Status.PENDING else timezone.now()
    )

    class Meta:
        model = ContactRequest
