"""Wagtail's Elasticsearch 7 backend with the intranet's query tuning (see `fuzzy.py`)."""

from search.engines import import_elasticsearch

# Before Wagtail's backend imports the client, which fails beside NumPy 2 otherwise.
import_elasticsearch()

from wagtail.search.backends.elasticsearch7 import (  # noqa: E402
    Elasticsearch7AutocompleteQueryCompiler,
    Elasticsearch7Mapping,
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin  # noqa: E402
from .languages import LanguageFieldsCompiler, LanguageSubfieldsMapping  # noqa: E402
from .multisearch import MultiSearchMixin  # noqa: E402


class Mapping(LanguageSubfieldsMapping, Elasticsearch7Mapping):
    pass


class SearchQueryCompiler(
    LanguageFieldsCompiler, FrenchFuzzinessMixin, Elasticsearch7SearchQueryCompiler
):
    mapping_class = Mapping


class AutocompleteQueryCompiler(Elasticsearch7AutocompleteQueryCompiler):
    mapping_class = Mapping


class Elasticsearch7Backend(MultiSearchMixin, Elasticsearch7SearchBackend):
    mapping_class = Mapping
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler


SearchBackend = Elasticsearch7Backend
