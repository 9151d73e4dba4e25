"""English and German text on the engines, beside the French analysis.

Wagtail's engine backends index one document per object, and a field has one analyzer: the
index's "default", French (search/engines.py). So the catch-all text fields every search reads
(`_all_text` and `_all_text_boost_*`, which collect all the searchable fields) get one sub-field
per other content language, analysed with the engine's built-in analyzer for that language
(`_all_text.en`: English stemming and stop words). A reader of that language searches both the
French field (French pages not yet translated) and their language's sub-field.

Existing indexes take the sub-fields with `manage.py update_index` (a rebuild).
"""

from django.utils import translation
from modelsearch.backends.elasticsearchbase import Field

# Content language -> the engine's built-in analyzer (OpenSearch and Elasticsearch alike).
LANGUAGE_ANALYZERS = {"en": "english", "de": "german"}


def _is_catch_all(name):
    return name == "_all_text" or name.startswith("_all_text_boost_")


class LanguageSubfieldsMapping:
    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if _is_catch_all(name):
                field["fields"] = {
                    code: {"type": "text", "analyzer": analyzer}
                    for code, analyzer in LANGUAGE_ANALYZERS.items()
                }
        return mapping


class LanguageFieldsCompiler:
    """Searches the reader's language sub-fields too (the active language of the request)."""

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = translation.get_language()
        if language not in LANGUAGE_ANALYZERS:
            return remapped
        return [
            *remapped,
            *(
                Field(f"{field.field_name}.{language}", field.boost)
                for field in remapped
                if _is_catch_all(field.field_name)
            ),
        ]
