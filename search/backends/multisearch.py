"""One round trip for a whole results page.

Wagtail's engine backends send, per searched model, one request for the hits and another for
the count. The site searches pages, documents and other records together, so a results page
cost two requests per kind. `multi_search` sends every source's query in a single `_msearch`,
each asking for its first hits and its exact total (`track_total_hits`), and reads both from
the answer. It returns the engine's hits, not objects: the caller decides which of them it
needs from the database (`fetch_objects`), where the reader's permissions are checked again."""

from dataclasses import dataclass

from wagtail.models import Page


class EngineUnavailable(Exception):
    """The engine answered one of the searches with an error."""


@dataclass
class EngineHit:
    """One hit as the engine answered it: no database row read yet."""

    pk: str
    score: float
    texts: dict | None = None  # the engine's copy of its text fields (see `multi_search`)
    locale_id: int | None = None  # a page's locale, as indexed


# Fields of the engine's documents that are not text to quote (filters, autocomplete copies,
# type names), and documents' extracted text, too long to carry back for a snippet.
_NOT_TEXT = ["*_filter", "*edgengrams", "_django_content_type", "pk", "*__extracted_text"]
_LOCALE = "locale_id_filter"  # Page's FilterField("locale"): ranks a page by its language


class MultiSearchMixin:
    def msearch_body(self, searches, texts=False):
        """The `_msearch` body for searches: [(results, size), ...] built by
        `backend.search(...)`. bench/search.py sends it raw, to compare."""
        lines = []
        for results, size in searches:
            model = results.query_compiler.queryset.model
            lines.append({"index": self.get_index_for_model(model).name})
            body = {
                **results._get_es_body(),
                "size": size,
                "_source": {"excludes": _NOT_TEXT} if texts else False,
                results.fields_param_name: ["pk"],
                "track_total_hits": True,
            }
            if issubclass(model, Page):
                body["docvalue_fields"] = [_LOCALE]
            lines.append(body)
        return lines

    def multi_search(self, searches, texts=False):
        """searches: [(results, size), ...]. Returns, in the same order, (the first `size`
        EngineHits in the engine's order, the exact number of hits).

        With `texts`, each hit also carries its text fields as the engine holds them
        (documents' long extracted text left out), so that snippets need neither the specific
        page from the database nor its StreamField parsed."""
        if not searches:  # every source was filtered out
            return []
        answers = self.es.msearch(body=self.msearch_body(searches, texts))["responses"]
        found = []
        for answer in answers:
            if "error" in answer:
                raise EngineUnavailable(answer["error"])
            total = answer["hits"]["total"]
            total = total["value"] if isinstance(total, dict) else int(total)
            found.append(([_engine_hit(hit) for hit in answer["hits"]["hits"]], total))
        return found


def _engine_hit(hit):
    fields = hit.get("fields", {})
    locale = fields.get(_LOCALE)
    return EngineHit(
        pk=str(fields["pk"][0]),
        score=hit["_score"] or 0.0,
        texts=hit.get("_source"),
        locale_id=int(locale[0]) if locale else None,
    )


def fetch_objects(results, hits, annotations=None):
    """The objects of these EngineHits, in the engine's order, scored; one query (with
    `annotations`, if any). The source's queryset (the reader's permissions) is applied again
    in SQL, so an index a moment behind the database never shows what the reader may not see:
    a hit without its row is left out."""
    if not hits:
        return []
    queryset = results.query_compiler.queryset.filter(pk__in=[hit.pk for hit in hits])
    if annotations:
        queryset = queryset.annotate(**annotations)
    found = {str(obj.pk): obj for obj in queryset}
    objects = []
    for hit in hits:
        obj = found.get(hit.pk)
        if obj is None:
            continue
        if results._score_field:
            setattr(obj, results._score_field, hit.score)
        if hit.texts is not None:
            obj.indexed_texts = hit.texts
        objects.append(obj)
    return objects
