import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from home.membership import MEMBERS_GROUP
from projects.models import EcologicalFeature, Public
from tests.search.conftest import backend, elasticsearch_engine, search_engine  # noqa: F401
from tests.users import make_user
from workgroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory


@pytest.fixture
def members_group(db):
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


@pytest.fixture
def editor(django_user_model, members_group):
    """Someone in Wagtail's Editors group, which the migrations give the projects' permissions."""
    return make_user(django_user_model, "nadia", Group.objects.get(name="Editors"), members_group)


@pytest.fixture
def member(django_user_model, members_group):
    return make_user(django_user_model, "julien", members_group)


@pytest.fixture
def groups(home_page):
    """Two working groups with their Wagtail groups (made by workgroups.provisioning)."""
    index = WorkingGroupIndexPageFactory(parent=home_page)
    return (
        WorkingGroupPageFactory(parent=index, title="Groupe des Lilas", slug="lilas"),
        WorkingGroupPageFactory(parent=index, title="Groupe du Verger", slug="verger"),
    )


@pytest.fixture
def publics(db):
    return {public.slug: public for public in Public.objects.all()}


@pytest.fixture
def features(db):
    return {feature.slug: feature for feature in EcologicalFeature.objects.all()}


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in the source language, whatever the shipped catalogue says."""
    with translation.override("en"):
        yield
