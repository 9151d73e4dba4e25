from wagtail.search.backends.elasticsearch7 import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin


class SearchQueryCompiler(FrenchFuzzinessMixin, Elasticsearch7SearchQueryCompiler):
    pass


class Elasticsearch7Backend(Elasticsearch7SearchBackend):
    query_compiler_class = SearchQueryCompiler


SearchBackend = Elasticsearch7Backend
