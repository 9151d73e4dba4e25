import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from advocacy.factories import AdvocacyIndexPageFactory, AdvocacyKitPageFactory
from home.membership import MEMBERS_GROUP


@pytest.fixture(autouse=True)
def fresh_cache_and_media(settings, tmp_path):
    """Wagtail caches the sites' root paths, and stored PDFs must not outlive the test."""
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    yield
    cache.clear()


@pytest.fixture
def advocacy(home_page):
    return AdvocacyIndexPageFactory(parent=home_page)


@pytest.fixture
def kit(advocacy):
    return AdvocacyKitPageFactory(
        parent=advocacy,
        title="Kit pour les maires",
        slug="kit-maires",
        summary="Pourquoi soutenir l'habitat participatif dans votre commune.",
    )


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("marie", password="pw")
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    return user
