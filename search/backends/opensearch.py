from wagtail.search.backends.opensearch3 import (
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin


class SearchQueryCompiler(FrenchFuzzinessMixin, OpenSearch3SearchQueryCompiler):
    pass


class OpenSearchBackend(OpenSearch3SearchBackend):
    query_compiler_class = SearchQueryCompiler


SearchBackend = OpenSearchBackend
