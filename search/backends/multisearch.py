"""One round trip for a whole results page.

Wagtail's engine backends send, per searched model, one request for the hits and another for
the count. The site searches pages and documents together, so a results page cost four
requests. `multi_search` sends every source's query in a single `_msearch`, each asking for
its first hits and its exact total (`track_total_hits`), and reads both from the answer."""


class EngineUnavailable(Exception):
    """The engine answered one of the searches with an error."""


class MultiSearchMixin:
    def multi_search(self, searches):
        """searches: [(results, size), ...] built by `backend.search(...)`. Returns, in the same
        order, (the first `size` objects in the engine's order, the exact number of hits)."""
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
            found.append((list(results._get_results_from_hits(answer["hits"]["hits"])), total))
        return found
