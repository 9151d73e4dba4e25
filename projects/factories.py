import factory
from factory.django import DjangoModelFactory

from .models import EcologicalFeature, LegalForm, Project, Public, Stage


class PublicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Public {n}")
    slug = factory.Sequence(lambda n: f"public-{n}")

    class Meta:
        model = Public
        django_get_or_create = ("slug",)


class EcologicalFeatureFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Caractéristique {n}")
    slug = factory.Sequence(lambda n: f"caracteristique-{n}")

    class Meta:
        model = EcologicalFeature
        django_get_or_create = ("slug",)


class ProjectFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Habitat groupé n° {n}")
    description = "Un groupe d'habitants conçoit ensemble ses logements et ses espaces partagés."
    commune = "Rennes"
    department = "35"
    region = "53"
    latitude = 48.1173
    longitude = -1.6778
    stage = Stage.GROUP
    year = 2020
    homes = 12
    legal_form = LegalForm.COOPERATIVE
    contact_email = factory.Sequence(lambda n: f"groupe{n}@projets.example.org")

    class Meta:
        model = Project
        skip_postgeneration_save = True

    @factory.post_generation
    def publics(self, create, extracted, **kwargs):
        if create and extracted:
            self.publics.set(extracted)

    @factory.post_generation
    def ecological_features(self, create, extracted, **kwargs):
        if create and extracted:
            self.ecological_features.set(extracted)

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        if create and extracted:
            self.editors.set(extracted)

    @factory.post_generation
    def directory_partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.directory_partners.set(extracted)
