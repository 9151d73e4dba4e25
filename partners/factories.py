import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from .models import Partner, PartnerKind, Recommendation


class PartnerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Cabinet partenaire {n}")
    kind = PartnerKind.PROJECT_ASSISTANT
    services = "Accompagnement du groupe\nMontage juridique et financier"
    description = "Accompagne les groupes d'habitants de l'idée à l'emménagement."
    website = "https://partenaire.example.org"
    email = factory.Sequence(lambda n: f"contact{n}@partenaire.example.org")
    commune = "Nantes"
    latitude = 47.2184
    longitude = -1.5536
    vetted = True

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        """The partner's région codes (default: Pays de la Loire)."""
        if create:
            self.set_regions(["52"] if extracted is None else extracted)


class MemberFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"membre{n}")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Habitante {n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class RecommendationFactory(DjangoModelFactory):
    partner = factory.SubFactory(PartnerFactory)
    member = factory.SubFactory(MemberFactory)
    comment = "Un accompagnement attentif, disponible et clair sur les coûts."

    class Meta:
        model = Recommendation
