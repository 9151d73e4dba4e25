import os

import pytest
from wagtail.models import Page, Site

from home.demo import load_demo
from home.factories import HomePageFactory


def required_services():
    """Services that `make test` started: their tests must run, never skip."""
    return set(filter(None, os.environ.get("INTRANET_TEST_REQUIRE", "").split(",")))


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="accueil-test")
    Site.objects.update(root_page=home)
    return home


@pytest.fixture
def demo(db):
    """The French demo content, loaded as `make run` loads it."""
    load_demo()
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: Wagtail keeps the sites' root paths there, and a
    rolled-back test's sites must not leak into the next one's URLs."""
    from django.core.cache import cache

    from search.models import _PENDING

    cache.clear()
    _PENDING.clear()  # searches counted in memory by a cached page, not yet logged
