"""One search across everything a reader may see.

Each searchable kind (all pages, documents, and whatever registers itself with
`register_source`) is searched with the reader's permissions applied inside the query; the
results are merged by score (or by date) into one ranked list. If the engine is unreachable,
the same search runs on the database backend and the page says so.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery, Window
from django.db.models.functions import Substr
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from home.i18n import localized_url
from home.locales import locale_for
from home.visibility import hidden_collection_ids, hidden_paths

from .backends import search_backend
from .backends.multisearch import fetch_objects
from .facets import FACET_DEPTH, compute_facets, filter_queryset
from .query import clean_query, database_query, engine_query, has_searchable_words
from .snippets import highlight, searchable_text

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_DEPTH = 200  # results beyond this rank are not reachable by paging


@dataclass
class Source:
    """A kind of record the site search covers."""

    key: str
    label: object
    queryset: object  # callable(user) -> queryset restricted to what `user` may see
    date: object  # callable(obj) -> date or datetime
    date_field: str  # an indexed FilterField to sort by, newest first
    url: object = None  # callable(obj) -> URL, default obj.url
    section: object = None  # callable(obj) -> label shown beside the kind (region, category...)


def visible_pages_for_search(user):
    queryset = Page.objects.live().exclude(depth=1)
    for path in hidden_paths(user):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def reader_locale(language_code):
    """The Wagtail locale of a reader's language; French for a language without content."""
    locale = Locale.objects.filter(language_code=language_code).first()
    return locale or Locale.get_default()


def pages_in_language(queryset, locale, source=None):
    """Pages a reader of `locale` searches: those in their language and, for a language other
    than French, the French pages not translated into it (never both versions of a page). A
    French reader searches French pages only. `source`: the French locale, when known."""
    source = source or Locale.get_default()
    if locale.pk == source.pk:
        return queryset.filter(locale=source)
    translated = Page.objects.filter(locale=locale).values_list("translation_key", flat=True)
    return queryset.filter(
        Q(locale=locale) | (Q(locale=source) & ~Q(translation_key__in=list(translated)))
    )


def in_language(obj, locale):
    """Whether a hit is written in the reader's language: a page's locale, a document's
    detected language; the other records are in French, the site's own language."""
    if isinstance(obj, Page):
        return obj.locale_id == locale.pk
    return (getattr(obj, "language", "") or settings.LANGUAGE_CODE) == locale.language_code


def visible_documents_for_search(user):
    from wagtail.documents import get_document_model

    queryset = get_document_model().objects.select_related("collection")
    hidden = hidden_collection_ids(user)
    return queryset.exclude(collection__in=hidden) if hidden else queryset


def _document_url(document):
    from django.urls import reverse

    return reverse("resources:document_detail", args=[document.pk])


SOURCES = [
    Source(
        "page",
        _("Page"),
        visible_pages_for_search,
        lambda page: page.last_published_at,
        "last_published_at",
    ),
    Source(
        "document",
        _("Document"),
        visible_documents_for_search,
        lambda document: document.created_at,
        "created_at",
        _document_url,
    ),
]


def register_source(source):
    """Later record types (events, ads, projects...) join the site search here."""
    SOURCES.append(source)


@dataclass
class Hit:
    obj: object
    score: float
    source: Source
    title: str = ""
    url: str = ""
    kind: str = ""
    section: str = ""
    date: object = None
    snippet: str = ""


@dataclass
class SearchOutcome:
    query: str
    hits: list = field(default_factory=list)
    count: int = 0
    page: int = 1
    engine_down: bool = False
    counts_by_source: dict = field(default_factory=dict)
    facets: list = field(default_factory=list)

    @property
    def first_rank(self):
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def num_pages(self):
        return max(1, min(-(-self.count // PAGE_SIZE), MAX_DEPTH // PAGE_SIZE))


def default_is_engine():
    return "database" not in settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")


def engine_fallback_name():
    """The backend that answers while the engine is unreachable."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"


def _score(result):
    return getattr(result, "_score", None) or 0.0


class SiteSearch:
    _column_name = None
    _locale = None
    _source_locale = None

    def __init__(
        self, user, text, *, page=1, sort="relevance", sources=None, filters=None, with_facets=False
    ):
        self.user = user
        self.query = clean_query(text)
        self.page = page
        self.sort = sort if sort in ("relevance", "newest") else "relevance"
        self.sources = sources or SOURCES
        self.filters = filters or {}
        self.with_facets = with_facets
        # The reader's language (the request's): the pages searched, and the results first.
        self.language = translation.get_language() or settings.LANGUAGE_CODE

    def run(self):
        outcome = SearchOutcome(query=self.query, page=self.page)
        if not has_searchable_words(self.query):
            return outcome
        is_engine = default_is_engine()
        try:
            hits, counts = self._search(
                "default", engine_query(self.query) if is_engine else database_query(self.query)
            )
        except Exception:
            if not is_engine:
                raise
            logger.warning("Search engine unreachable: answering from the database", exc_info=True)
            outcome.engine_down = True
            hits, counts = self._search(engine_fallback_name(), database_query(self.query))
        outcome.counts_by_source = counts
        outcome.count = sum(counts.values())
        if self.with_facets:
            outcome.facets = compute_facets(hits, self.filters)
        start = (self.page - 1) * PAGE_SIZE
        outcome.hits = hits[start : start + PAGE_SIZE]
        self._describe(outcome.hits)
        return outcome

    def searches(self, backend, query):
        """[(source, results)]: each source's search with the reader's permissions, language
        and filters inside the query (not run yet)."""
        locale = self._locale = self._reader_locale()
        searches = []
        for source in self.sources:
            queryset = filter_queryset(source, source.queryset(self.user), self.filters)
            if queryset is None:
                continue
            if issubclass(queryset.model, Page):
                queryset = pages_in_language(queryset, locale, self._source_locale)
            if self.sort == "newest":
                queryset = queryset.order_by(f"-{source.date_field}")
            if not hasattr(backend, "multi_search"):  # the database backend: see _search
                queryset = queryset.annotate(_found=Window(Count("pk")))
            results = backend.search(
                query, queryset, order_by_relevance=self.sort == "relevance"
            ).annotate_score("_score")
            searches.append((source, results))
        return searches

    @property
    def depth(self):
        """How many hits of each source the page needs (the facets count from more)."""
        depth = min(self.page * PAGE_SIZE, MAX_DEPTH)
        return max(depth, FACET_DEPTH) if self.with_facets else depth

    def _reader_locale(self):
        """The reader's locale (French for a language without content) and French, the source
        language (both kept in the cache, home/locales.py)."""
        self._source_locale = locale_for(settings.LANGUAGE_CODE) or Locale.get_default()
        return locale_for(self.language) or self._source_locale

    def _search(self, backend_name, query):
        backend = search_backend(backend_name)
        searches = self.searches(backend, query)
        locale = self._locale
        if not hasattr(backend, "multi_search"):  # the database backend
            hits, counts = [], {}
            for source, results in searches:
                # Each row says how many rows the search found (a window over the whole
                # result, before the slice): one query per source instead of two.
                window = list(results[: self.depth])
                counts[source.key] = window[0]._found if window else 0
                hits.extend(Hit(obj=obj, score=_score(obj), source=source) for obj in window)
            return self._ordered(hits, locale), counts
        # The engines: every source in one round trip. Snippets from the engine's copy of the
        # text when only the page's hits are fetched; with facets (300 hits per kind), from
        # the ten shown (in _describe).
        answers = backend.multi_search(
            [(results, self.depth) for _source, results in searches], texts=not self.with_facets
        )
        self._column_name = _column_namer(backend)
        counts = {
            source.key: total
            for (source, _results), (_hits, total) in zip(searches, answers, strict=True)
        }
        if self.with_facets or self.sort == "newest":
            # Facets count every hit, and dates come from the rows: every hit is read.
            hits = [
                Hit(obj=obj, score=_score(obj), source=source)
                for (source, results), (found, _total) in zip(searches, answers, strict=True)
                for obj in fetch_objects(results, found, _with_section(results))
            ]
            return self._ordered(hits, locale), counts
        return self._first_hits(searches, answers, locale), counts

    def _first_hits(self, searches, answers, locale):
        """The hits up to the end of the requested page, ranked from the engine's answer, so
        that only the rows shown are read (a query per kind shown, not one per kind found).

        Ranking needs each hit's language: a page's locale comes with the engine's hit; records
        with a language of their own (documents) are read first, whole, in one query per
        source; every other record is French. Each row read goes through the source's
        queryset again (fetch_objects): a hit the reader may no longer see, or whose row is
        gone, is dropped and the next one takes its place."""
        end = self.page * PAGE_SIZE
        candidates = []  # (source, results, engine hit), in source then engine order
        rows = {}  # (source key, pk) -> object, or None when its row was refused
        for (source, results), (found, _total) in zip(searches, answers, strict=True):
            candidates.extend((source, results, hit) for hit in found)
            model = results.query_compiler.queryset.model
            if found and not issubclass(model, Page) and hasattr(model, "language"):
                self._read(rows, source, results, found)
        french = locale.language_code == settings.LANGUAGE_CODE

        def readers_language(candidate):
            source, _results, hit = candidate
            if hit.locale_id is not None:
                return hit.locale_id == locale.pk
            row = rows.get((source.key, hit.pk))
            return in_language(row, locale) if row is not None else french

        while True:
            kept = [c for c in candidates if rows.get((c[0].key, c[2].pk), True) is not None]
            kept.sort(key=lambda candidate: candidate[2].score, reverse=True)
            kept.sort(key=lambda candidate: not readers_language(candidate))
            head = kept[:end]
            missing = {}
            for source, results, hit in head:
                if (source.key, hit.pk) not in rows:
                    missing.setdefault(source.key, (source, results, []))[2].append(hit)
            if not missing:
                break
            for source, results, hits in missing.values():
                self._read(rows, source, results, hits)
        return [
            Hit(obj=rows[(source.key, hit.pk)], score=hit.score, source=source)
            for source, _results, hit in head
        ]

    @staticmethod
    def _read(rows, source, results, hits):
        """Read these hits' rows through the source's queryset (None: refused or gone)."""
        objects = {str(obj.pk): obj for obj in fetch_objects(results, hits, _with_section(results))}
        for hit in hits:
            rows[(source.key, hit.pk)] = objects.get(hit.pk)

    def _ordered(self, hits, locale):
        if self.sort == "newest":
            hits.sort(key=lambda hit: hit.source.date(hit.obj) or 0, reverse=True)
        else:
            # Results in the reader's language first, each group by relevance.
            hits.sort(key=lambda hit: hit.score, reverse=True)
            hits.sort(key=lambda hit: not in_language(hit.obj, locale))
        return hits

    def _describe(self, hits):
        """Title, URL, kind, section and snippet of the hits on the page. Pages not already
        specific (the database backend's) are made specific in one query per page type."""
        locale = self._locale
        generic = [
            hit.obj.pk
            for hit in hits
            if type(hit.obj) is Page and not hasattr(hit.obj, "indexed_texts")
        ]
        specific = (
            {page.pk: page for page in Page.objects.filter(pk__in=generic).specific()}
            if generic
            else {}
        )
        # Section titles read with the engine's hits (SECTION_TITLE), or here in one query.
        sections = {
            hit.obj.path[:12]: getattr(hit.obj, SECTION_TITLE) or ""
            for hit in hits
            if isinstance(hit.obj, Page) and hasattr(hit.obj, SECTION_TITLE)
        }
        sections.update(
            _sections_of(
                [
                    hit.obj.path
                    for hit in hits
                    if isinstance(hit.obj, Page) and hit.obj.path[:12] not in sections
                ]
            )
        )
        for hit in hits:
            obj = specific.get(hit.obj.pk, hit.obj) if type(hit.obj) is Page else hit.obj
            hit.obj = obj
            hit.title = obj.title
            hit.url = hit.source.url(obj) if hit.source.url else obj.url
            if isinstance(obj, Page) and hit.url and obj.locale_id != locale.pk:
                # A French page not translated yet: shown under the reader's language prefix.
                french = {settings.LANGUAGE_CODE: obj}
                hit.url = localized_url(obj, self.language, translations=french)
            model = (obj.specific_class or Page) if isinstance(obj, Page) else type(obj)
            hit.kind = str(model._meta.verbose_name).capitalize()
            hit.date = hit.source.date(obj)
            if isinstance(obj, Page):
                hit.section = sections.get(obj.path[:12], "") if len(obj.path) > 12 else ""
            elif hit.source.section:
                hit.section = hit.source.section(obj)
            elif getattr(obj, "collection", None) is not None and obj.collection.depth > 1:
                hit.section = obj.collection.name
            indexed = getattr(obj, "indexed_texts", None)
            if indexed is not None:
                text = searchable_text(obj, model, indexed, self._column_name)
                if type(obj) is not Page:  # documents: their long text is read from the row
                    text = " ".join((text, searchable_text(obj, only=("extracted_text",))))
            else:
                text = searchable_text(obj)
            hit.snippet = highlight(text, self.query)


def _column_namer(backend):
    """(model, search field) -> the name of that field in the engine's documents."""
    names = {}

    def column_name(model, field):
        key = (model, field.field_name)
        if key not in names:
            names[key] = backend.mapping_class(model).get_field_column_name(field)
        return names[key]

    return column_name


SECTION_TITLE = "search_section_title"


def _with_section(results):
    """For pages: their top-level section's title (depth 3), read in the same query."""
    if not issubclass(results.query_compiler.queryset.model, Page):
        return None
    section = Page.objects.filter(path=Substr(OuterRef("path"), 1, 12)).values("title")[:1]
    return {SECTION_TITLE: Subquery(section)}


def _sections_of(paths):
    """Titles of the top-level sections (depth 3) above these page paths, in one query."""
    prefixes = {path[:12] for path in paths if len(path) >= 12}
    if not prefixes:
        return {}
    return dict(Page.objects.filter(path__in=prefixes).values_list("path", "title"))
