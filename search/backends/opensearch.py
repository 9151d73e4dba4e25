from wagtail.search.backends.opensearch3 import (
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin
from .multisearch import MultiSearchMixin


class SearchQueryCompiler(FrenchFuzzinessMixin, OpenSearch3SearchQueryCompiler):
    pass


class OpenSearchBackend(MultiSearchMixin, OpenSearch3SearchBackend):
    query_compiler_class = SearchQueryCompiler


SearchBackend = OpenSearchBackend
