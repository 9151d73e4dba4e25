"""Wagtail's Elasticsearch 7 backend with the intranet's query tuning (see `fuzzy.py`)."""

from search.engines import import_elasticsearch

# Before Wagtail's backend imports the client, which fails beside NumPy 2 otherwise.
import_elasticsearch()

from wagtail.search.backends.elasticsearch7 import (  # noqa: E402
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin  # noqa: E402
from .multisearch import MultiSearchMixin  # noqa: E402


class SearchQueryCompiler(FrenchFuzzinessMixin, Elasticsearch7SearchQueryCompiler):
    pass


class Elasticsearch7Backend(MultiSearchMixin, Elasticsearch7SearchBackend):
    query_compiler_class = SearchQueryCompiler


SearchBackend = Elasticsearch7Backend
