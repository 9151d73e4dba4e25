"""One round trip for a whole results page.

Wagtail's engine backends send, per searched model, one request for the hits and another for
the count. The site searches pages and documents together, so a results page cost four
requests. `multi_search` sends every source's query in a single `_msearch`, each asking for
its first hits and its exact total (`track_total_hits`), and reads both from the answer."""


class EngineUnavailable(Exception):
    """The engine answered one of the searches with an error."""


class MultiSearchMixin:
    def multi_search(self, searches, texts=False):
        """searches: [(results, size), ...] built by `backend.search(...)`. Returns, in the same
        order, (the first `size` objects in the engine's order, the exact number of hits).

        With `texts`, each object also gets `indexed_texts`: its text fields as the engine holds
        them (documents' long extracted text left out), so that snippets need neither the
        specific page from the database nor its StreamField parsed."""
        if not searches:  # every source was filtered out
            return []
        lines = []
        for results, size in searches:
            index = self.get_index_for_model(results.query_compiler.queryset.model).name
            lines.append({"index": index})
            lines.append(
                {
                    **results._get_es_body(),
                    "size": size,
                    "_source": {"excludes": _NOT_TEXT} if texts else False,
                    results.fields_param_name: ["pk"],
                    "track_total_hits": True,
                }
            )
        answers = self.es.msearch(body=lines)["responses"]
        found = []
        for (results, _size), answer in zip(searches, answers, strict=True):
            if "error" in answer:
                raise EngineUnavailable(answer["error"])
            total = answer["hits"]["total"]
            total = total["value"] if isinstance(total, dict) else int(total)
            found.append((_objects(results, answer["hits"]["hits"]), total))
        return found


# Fields of the engine's documents that are not text to quote (filters, autocomplete copies,
# type names), and documents' extracted text, too long to carry back for a snippet.
_NOT_TEXT = ["*_filter", "*edgengrams", "_django_content_type", "pk", "*__extracted_text"]


def _objects(results, hits):
    """The hits' objects in the engine's order, scored. The source's queryset (the reader's
    permissions) is applied again in SQL, so an index a moment behind the database never shows
    what the reader may not see."""
    by_pk = {str(hit["fields"]["pk"][0]): hit for hit in hits}
    queryset = results.query_compiler.queryset.filter(pk__in=list(by_pk))
    found = {str(obj.pk): obj for obj in queryset}
    objects = []
    for pk, hit in by_pk.items():
        obj = found.get(pk)
        if obj is None:
            continue
        if results._score_field:
            setattr(obj, results._score_field, hit["_score"])
        if "_source" in hit:
            obj.indexed_texts = hit["_source"]
        objects.append(obj)
    return objects
