import pytest

from matching.factories import MemberFactory, ProfileFactory
from tests.search.conftest import (  # noqa: F401
    backend,
    elasticsearch_engine,
    pytest_configure,
    search_engine,
)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


@pytest.fixture
def alice(db):
    """A person looking for a project, with contact details that must not leak."""
    owner = MemberFactory(
        username="aline",
        first_name="Aline",
        last_name="Vasseur-Quintard",
        email="aline.vq@exemple.org",
    )
    return ProfileFactory(
        owner=owner,
        display_name="Aline",
        regions=["53"],
        budget_min=150_000,
        budget_max=250_000,
        wishes=["eco_building", "shared_spaces", "intergenerational"],
        description="Je cherche un habitat partagé près de Rennes.",
    )


@pytest.fixture
def ruche(db):
    """A group looking for residents that fits Aline well."""
    owner = MemberFactory(
        username="bruno",
        first_name="Bruno",
        last_name="Zéphyrin-Lacombe",
        email="bruno.zl@exemple.org",
    )
    return ProfileFactory(
        group=True,
        owner=owner,
        display_name="La Ruche rennaise",
        regions=["53"],
        budget_min=180_000,
        budget_max=280_000,
        wishes=["eco_building", "shared_spaces"],
        description="Douze logements écologiques à Rennes, trois places.",
    )
