import os

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from search import tasks
from search.engines import engine_backend
from tests.conftest import required_services


def pytest_configure(config):
    # The elasticsearch 7.13 client calls urllib3's deprecated getheaders() on every request.
    config.addinivalue_line(
        "filterwarnings", "ignore:HTTPResponse.getheaders:DeprecationWarning:elasticsearch"
    )


def engine_indexes(backend):
    indexes = {}
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, (index, []))[1].append(model)
    return indexes.values()


def fresh_engine(settings, url, required, variable):
    """Wagtail's default backend pointed at the engine of `url`, with fresh indexes for this
    test, deleted after it. Without `url`: the test fails if `make test` started that engine
    (`required` in INTRANET_TEST_REQUIRE), and is skipped otherwise."""
    if not url:
        if required in required_services():
            pytest.fail(f"{variable} is not set although `make test` should have started it")
        pytest.skip(f"no search engine: set {variable} (make test does)")
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


@pytest.fixture
def search_engine(settings):
    """Wagtail pointed at the real engine of SEARCH_URL (OpenSearch), with fresh indexes."""
    yield from fresh_engine(settings, settings.TEST_SEARCH_URL, "search-engine", "SEARCH_URL")


@pytest.fixture
def elasticsearch_engine(settings):
    """Wagtail pointed at the Elasticsearch 7 of ELASTICSEARCH_URL, with fresh indexes."""
    yield from fresh_engine(
        settings,
        os.environ.get("ELASTICSEARCH_URL", ""),
        "search-engine-es",
        "ELASTICSEARCH_URL",
    )


def refresh(backend):
    for index, _models in engine_indexes(backend):
        index.refresh()


ENGINE_FIXTURES = {"engine": "search_engine", "elasticsearch": "elasticsearch_engine"}


@pytest.fixture(params=["database", "engine", "elasticsearch"])
def backend(request):
    """Each search test runs on Wagtail's database backend, on the real engine of SEARCH_URL
    ("engine": OpenSearch) and on Elasticsearch 7 ("elasticsearch")."""
    if request.param in ENGINE_FIXTURES:
        engine = request.getfixturevalue(ENGINE_FIXTURES[request.param])
        return lambda: refresh(engine)
    request.getfixturevalue("db")
    return lambda: None
