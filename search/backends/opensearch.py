from wagtail.search.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .fuzzy import FrenchFuzzinessMixin
from .languages import LanguageFieldsCompiler, LanguageSubfieldsMapping
from .multisearch import MultiSearchMixin


class Mapping(LanguageSubfieldsMapping, OpenSearch3Mapping):
    pass


class SearchQueryCompiler(
    LanguageFieldsCompiler, FrenchFuzzinessMixin, OpenSearch3SearchQueryCompiler
):
    mapping_class = Mapping


class AutocompleteQueryCompiler(OpenSearch3AutocompleteQueryCompiler):
    mapping_class = Mapping


class OpenSearchBackend(MultiSearchMixin, OpenSearch3SearchBackend):
    mapping_class = Mapping
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler


SearchBackend = OpenSearchBackend
