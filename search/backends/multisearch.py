"""One round trip for a whole results page.

Wagtail's engine backends send, per searched model, one request for the hits and another for
the count. The site searches pages and documents together, so a results page cost four
requests. `multi_search` sends every source's query in a single `_msearch`, each asking for
its first hits and its exact total (`track_total_hits`), and reads both from the answer."""


class EngineUnavailable(Exception):
    """The engine answered one of the searches with an error."""


class MultiSearchMixin:
    def multi_search(self, searches, specific=False):
        """searches: [(results, size), ...] built by `backend.search(...)`. Returns, in the same
        order, (the first `size` objects in the engine's order, the exact number of hits);
        pages as their specific type if `specific`."""
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
                    "_source": False,
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
            found.append((_objects(results, answer["hits"]["hits"], specific), total))
        return found


def _objects(results, hits, specific):
    """The hits' objects in the engine's order, scored. The source's queryset (the reader's
    permissions) is applied again in SQL, so an index a moment behind the database never shows
    what the reader may not see. Wagtail fetches specific pages in one query per type."""
    scores = {str(hit["fields"]["pk"][0]): hit["_score"] for hit in hits}
    queryset = results.query_compiler.queryset.filter(pk__in=list(scores))
    if specific and hasattr(queryset, "specific"):
        queryset = queryset.specific()
    found = {str(obj.pk): obj for obj in queryset}
    objects = []
    for pk, score in scores.items():
        if pk in found:
            if results._score_field:
                setattr(found[pk], results._score_field, score)
            objects.append(found[pk])
    return objects
