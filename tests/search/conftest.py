import os

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from search import tasks
from search.engines import engine_backend
from tests.conftest import required_services


def engine_indexes(backend):
    indexes = {}
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, (index, []))[1].append(model)
    return indexes.values()


@pytest.fixture
def search_engine(settings):
    """Wagtail pointed at the real engine of SEARCH_URL, with fresh indexes for this test."""
    url = settings.TEST_SEARCH_URL
    if not url:
        if "search-engine" in required_services():
            pytest.fail("SEARCH_URL is not set although `make test` should have started the engine")
        pytest.skip("no search engine: set SEARCH_URL (make test does)")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": engine_backend(url, index_prefix=f"test{os.getpid()}_")
    }
    backend = get_search_backend("default")
    for index, models in engine_indexes(backend):
        index.delete()
        index.put()
        for model in models:
            index.add_model(model)
    tasks._prepared_mappings.clear()
    yield backend
    for index, _models in engine_indexes(backend):
        index.delete()
    tasks._prepared_mappings.clear()


def refresh(backend):
    for index, _models in engine_indexes(backend):
        index.refresh()


@pytest.fixture(params=["database", "engine"])
def backend(request):
    """Each search test runs on Wagtail's database backend and on the real engine."""
    if request.param == "engine":
        engine = request.getfixturevalue("search_engine")
        return lambda: refresh(engine)
    request.getfixturevalue("db")
    return lambda: None
