import difflib

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home.page_cache import cache_for_members, on_every_view

from .backends import search_backend
from .facets import read_filters
from .models import QueryLog
from .query import MAX_QUERY_LENGTH, clean_query, fold, plain_words, words
from .service import (
    SiteSearch,
    engine_fallback_name,
    pages_in_language,
    reader_locale,
    visible_pages_for_search,
)

AUTOCOMPLETE_SIZE = 8


def _page_number(value):
    """The requested results page, or None when it is not a positive whole number."""
    try:
        number = int(str(value or "1").strip())
    except ValueError:
        return None
    return number if number >= 1 else None


def promotions(query, user):
    """Editors' promoted results for this query, among the pages this reader may see."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = list(
        SearchPromotion.objects.filter(query__query_string=query.lower())
        .select_related("page")
        .order_by("sort_order")
    )
    visible = set(
        visible_pages_for_search(user)
        .filter(pk__in=[p.page_id for p in picks if p.page_id])
        .values_list("pk", flat=True)
    )
    return [
        pick
        for pick in picks
        if (pick.page_id in visible) or (not pick.page_id and pick.external_link_url)
    ]


def did_you_mean(query, user):
    """A spelling close to the query, built only from titles this reader may see."""
    vocabulary = set()
    for title in (
        visible_pages_for_search(user)
        .order_by("-last_published_at")
        .values_list("title", flat=True)[:5000]
    ):
        vocabulary.update(word for word in words(title) if len(word) > 3)
    changed, suggestion = False, []
    for word in words(query):
        if word in vocabulary or len(word) <= 3:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        changed |= bool(close)
        suggestion.append(close[0] if close else word)
    return " ".join(suggestion) if changed else ""


@require_GET
@cache_for_members
def search_page(request):
    raw = request.GET.get("q", "")
    number = _page_number(request.GET.get("page")) or 1
    sort = request.GET.get("sort", "relevance")
    filters = read_filters(request.GET)
    outcome = SiteSearch(
        request.user, raw, page=number, sort=sort, filters=filters, with_facets=True
    ).run()
    for facet in outcome.facets:
        for choice in facet.choices:
            params = request.GET.copy()
            params.pop("page", None)
            if choice.selected:
                params.pop(facet.param, None)
            else:
                params[facet.param] = choice.value
            choice.url = f"?{params.urlencode()}"
    context = {
        "filters": filters,
        "query": outcome.query,
        "outcome": outcome,
        "sort": sort if sort in ("relevance", "newest") else "relevance",
        "too_long": len(raw) > MAX_QUERY_LENGTH,
        "suggestion": "",
    }
    if outcome.query:
        context["promotions"] = promotions(outcome.query, request.user)
        if number == 1:
            # Again for each reader served a cached copy of this page.
            on_every_view(request, QueryLog.count_later, outcome.query, found=outcome.count > 0)
            QueryLog.record(outcome.query, found=outcome.count > 0)
        if not outcome.count:
            context["suggestion"] = did_you_mean(outcome.query, request.user)
    return render(request, "search/search.html", context)


@require_GET
def search_api(request):
    """GET /search/api/?q=<text>&page=<n> -> {"count": int, "results": [...]} (10 per page),
    with the requester's permissions."""
    number = _page_number(request.GET.get("page"))
    if number is None:
        return JsonResponse({"error": _("The page must be a whole number, 1 or more.")}, status=400)
    outcome = SiteSearch(request.user, request.GET.get("q", ""), page=number).run()
    results = [
        {"title": hit.title, "url": hit.url, "kind": hit.kind, "snippet": str(hit.snippet)}
        for hit in outcome.hits
    ]
    return JsonResponse({"count": outcome.count, "results": results})


@require_GET
def autocomplete(request):
    """Titles that start like what the reader is typing, among the pages they may see."""
    text = plain_words(clean_query(request.GET.get("q", "")))[:60]
    if len(fold(text).strip()) < 2:
        return JsonResponse({"results": []})
    pages = pages_in_language(
        visible_pages_for_search(request.user), reader_locale(translation.get_language())
    )
    try:
        found = list(search_backend().autocomplete(text, pages)[:AUTOCOMPLETE_SIZE])
    except Exception:  # noqa: BLE001 (engine unreachable: the database still answers)
        fallback = search_backend(engine_fallback_name())
        found = list(fallback.autocomplete(text, pages)[:AUTOCOMPLETE_SIZE])
    return JsonResponse({"results": [{"title": p.title, "url": p.url} for p in found if p.url]})
