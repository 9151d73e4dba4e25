"""Relevance of the site search on the demo content and the real corpus, engine next to database.

    .venv/bin/python bench/relevance.py [--corpus DIR] [--queries FILE] [--top N]

Everything happens in a world of its own, removed at the end (also after a failure):
- a throwaway PostgreSQL database, `bench_relevance`, created and dropped by this script with
  the role of DATABASE_URL (default: the cluster of scripts/services.sh; the role only needs
  CREATEDB), so the database backend is the PostgreSQL full-text search with the French
  configuration that production uses; uploaded files go to a temporary MEDIA_ROOT;
- OpenSearch indexes at SEARCH_URL (default 127.0.0.1:9200) under the prefix
  `bench_relevance_`.

Steps: migrate, `load_demo`, `import_resources CORPUS` (one document and one resource page per
file, text extracted; EXTRACTION_OCR_MAX_PAGES=2 in the environment shortens it), then
`update_index` into OpenSearch and into the database backend (per-save indexing is switched
off while building). Then every query of tests/search/relevance.tsv goes through `SiteSearch`,
as an anonymous visitor (every expected result is public), once with OpenSearch as the default
backend and once with the database backend, and the script prints MRR@10 and recall@10 of
each side by side, the first relevant rank of each query, and the queries whose expected
results are missing from the first ten. It prints figures and asserts nothing.

Scoring: an expected result is found when it is among the ten first hits of the results page.
MRR@10 is the mean over queries of 1 / rank of the first expected result (0 when none is in
the first ten); recall@10 the mean share of a query's expected results found in the first ten.
"""

import argparse
import contextlib
import csv
import hashlib
import io
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LOG_LEVEL", "WARNING")

DEFAULT_DATABASE_URL = "postgres://intranet:intranet@127.0.0.1:5433/intranet"
DEFAULT_SEARCH_URL = "opensearch://127.0.0.1:9200"
QUERIES = ROOT / "tests" / "search" / "relevance.tsv"
CORPUS = ROOT.parent / "shared" / "corpus"
TOP = 10


# --------------------------------------------------------------- a world of its own --
# Shared with bench/search.py.


def database_url(name):
    """DATABASE_URL (or the services.sh default) with its database name replaced."""
    parts = urlsplit(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    if not parts.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server (the bench creates a database)")
    return urlunsplit(parts._replace(path=f"/{name}"))


def _server(url, sql):
    """Run one statement on the server's maintenance database, outside any transaction."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(sql)


@contextlib.contextmanager
def throwaway_world(name):
    """A fresh PostgreSQL database `name` and a temporary MEDIA_ROOT, for this process's
    Django, both removed on the way out. Django is set up inside."""
    url = database_url(name)
    media = tempfile.mkdtemp(prefix=f"{name}-media-")
    _server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _server(url, f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = url
    os.environ["MEDIA_ROOT"] = media
    os.environ["DJANGO_SETTINGS_MODULE"] = "intranet.settings.test"
    try:
        import django
        from django.test.utils import override_settings

        django.setup()
        # update_index deletes indexes that do not exist yet: opensearch-py logs each 404.
        logging.getLogger("opensearch").setLevel(logging.ERROR)
        # Test settings (any host, fast hashing), with real files and no per-save indexing:
        # `update_index` indexes everything in bulk once the content exists.
        with override_settings(
            DEBUG=False,
            MEDIA_ROOT=media,
            TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        ):
            yield url
    finally:
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        _server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(media, ignore_errors=True)


def engine_url():
    return os.environ.get("SEARCH_URL") or DEFAULT_SEARCH_URL


def use_engine(prefix):
    """Wagtail's backends as the settings make them with SEARCH_URL set: OpenSearch (indexes
    under `prefix`) as "default", the database backend beside it as "database"."""
    from django.conf import settings

    from search.engines import search_backends

    settings.WAGTAILSEARCH_BACKENDS = search_backends(engine_url(), prefix)


def use_database():
    """Wagtail's backends as the settings make them without SEARCH_URL: the database only."""
    from django.conf import settings

    from search.engines import search_backends

    settings.WAGTAILSEARCH_BACKENDS = search_backends("")


def delete_engine_indexes(prefix):
    """Every OpenSearch index of this prefix (update_index makes one per model root, behind an
    alias of the plain name), gone. Returns their names."""
    from modelsearch.backends import get_search_backend

    use_engine(prefix)
    client = get_search_backend("default").es
    names = sorted(client.indices.get(index=f"{prefix}*"))
    for name in names:
        client.indices.delete(index=name)
    return names


def index_everything(prefix, echo):
    """`update_index` into the engine (under `prefix`) and into the database backend."""
    from django.core.management import call_command

    use_engine(prefix)
    for backend in ("default", "database"):
        started = time.perf_counter()
        call_command("update_index", backend_name=backend, verbosity=0)
        echo(f"update_index {backend}: {time.perf_counter() - started:.1f} s")
    # What autovacuum does within a minute of a bulk load: statistics for the planner
    # (search/migrations/0003: the index on the entries' text is what makes them useful).
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def import_corpus(corpus, echo):
    from collections import Counter

    from django.core.management import call_command

    from resources.models import ResourceDocument

    started = time.perf_counter()
    call_command("import_resources", str(corpus), collection="Corpus", stdout=io.StringIO())
    statuses = Counter(ResourceDocument.objects.values_list("extraction_status", flat=True))
    echo(
        f"import_resources {corpus.name}: {time.perf_counter() - started:.1f} s, documents by"
        f" extraction status {dict(sorted(statuses.items()))}"
    )


def build_content(corpus, echo):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    echo(f"migrate: {time.perf_counter() - started:.1f} s")
    call_command("load_demo", stdout=io.StringIO())
    import_corpus(corpus, echo)


# ------------------------------------------------------------------------ relevance --


def read_queries(path):
    """Rows of the TSV (lines starting with # are comments): query, expected ids, kind."""
    with open(path, encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["expected"] = [item.strip() for item in row["expected"].split(";") if item.strip()]
    return rows


def file_ids(corpus):
    """sha256 -> the `file:` ids of that content: corpus paths (MANIFEST.tsv) and the demo
    documents' file names (a byte-identical copy has several)."""
    from resources.demo import DOCUMENTS

    ids = {}
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids.setdefault(row["sha256"], set()).add(f"file:{row['path']}")
    for name, (_title, text) in DOCUMENTS.items():
        ids.setdefault(hashlib.sha256(text.encode()).hexdigest(), set()).add(f"file:{name}")
    return ids


def hit_ids(hit, ids_by_sha):
    """What a hit stands for: `page:<URL>` for a page, `file:<file>` for a document, and for
    a resource page also the files it presents (its landing page is as good as the file)."""
    from wagtail.models import Page

    obj = hit.obj
    if isinstance(obj, Page):
        found = {f"page:{hit.url}"}
        attachments = getattr(obj, "attachments", None)
        if attachments is not None:
            for attachment in attachments.select_related("document"):
                found |= ids_by_sha.get(attachment.document.sha256, set())
        return found
    return set(ids_by_sha.get(getattr(obj, "sha256", ""), set()))


def evaluate(rows, ids_by_sha, backend):
    from django.contrib.auth.models import AnonymousUser

    from search.service import SiteSearch

    results = []
    for row in rows:
        started = time.perf_counter()
        outcome = SiteSearch(AnonymousUser(), row["query"]).run()
        elapsed = time.perf_counter() - started
        if outcome.engine_down:
            sys.exit(f"{backend}: the engine did not answer (query {row['query']!r})")
        ranked = [hit_ids(hit, ids_by_sha) for hit in outcome.hits[:TOP]]
        expected = set(row["expected"])
        first = next((rank for rank, ids in enumerate(ranked, 1) if ids & expected), None)
        found = expected & set().union(*ranked)
        results.append(
            {
                "row": row,
                "first": first,
                "recall": len(found) / len(expected),
                "missing": sorted(expected - found),
                "top": [hit.title for hit in outcome.hits[:3]],
                "seconds": elapsed,
            }
        )
    return results


def summary(results):
    return {
        "mrr": statistics.fmean(1 / r["first"] if r["first"] else 0 for r in results),
        "recall": statistics.fmean(r["recall"] for r in results),
        "all_found": sum(1 for r in results if not r["missing"]),
        "none_found": sum(1 for r in results if r["first"] is None),
        "ms": 1000 * statistics.median(r["seconds"] for r in results),
    }


def report(rows, by_backend, console):
    from rich.table import Table

    names = list(by_backend)
    table = Table(title=f"Site search relevance, {len(rows)} queries (tests/search/relevance.tsv)")
    table.add_column("")
    for name in names:
        table.add_column(name, justify="right")
    sums = {name: summary(results) for name, results in by_backend.items()}
    table.add_row(f"MRR@{TOP}", *[f"{sums[n]['mrr']:.3f}" for n in names])
    table.add_row(f"recall@{TOP}", *[f"{sums[n]['recall']:.3f}" for n in names])
    table.add_row(
        f"queries with every expected result in the top {TOP}",
        *[str(sums[n]["all_found"]) for n in names],
    )
    table.add_row(
        f"queries with no expected result in the top {TOP}",
        *[str(sums[n]["none_found"]) for n in names],
    )
    table.add_row("median ms per query", *[f"{sums[n]['ms']:.0f}" for n in names])
    console.print(table)

    ranks = Table(title="First expected result's rank per query (- : not in the top 10)")
    ranks.add_column("kind")
    ranks.add_column("query")
    for name in names:
        ranks.add_column(name, justify="right")
    for index, row in enumerate(rows):
        cells = []
        for name in names:
            result = by_backend[name][index]
            rank = str(result["first"]) if result["first"] else "-"
            if result["missing"] and result["first"]:
                rank += f" ({1 - result['recall']:.0%} missing)"
            cells.append(rank)
        ranks.add_row(row["kind"], row["query"], *cells)
    console.print(ranks)

    for name in names:
        misses = [r for r in by_backend[name] if r["missing"]]
        table = Table(title=f"{name}: queries with expected results missing from the top {TOP}")
        table.add_column("query")
        table.add_column("missing")
        table.add_column("first three hits")
        for result in misses:
            table.add_row(
                result["row"]["query"], "\n".join(result["missing"]), "\n".join(result["top"])
            )
        console.print(table if misses else f"{name}: every expected result is in the top {TOP}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--queries", default=str(QUERIES))
    arguments = parser.parse_args()
    corpus = Path(arguments.corpus).resolve()
    if not (corpus / "MANIFEST.tsv").is_file():
        parser.error(f"no MANIFEST.tsv in {corpus}")

    from rich.console import Console

    console = Console(highlight=False, width=150)
    rows = read_queries(arguments.queries)
    prefix = "bench_relevance_"
    with throwaway_world("bench_relevance"):
        try:
            build_content(corpus, console.print)
            index_everything(prefix, console.print)
            ids_by_sha = file_ids(corpus)
            by_backend = {}
            use_engine(prefix)
            by_backend["OpenSearch"] = evaluate(rows, ids_by_sha, "OpenSearch")
            use_database()
            by_backend["database"] = evaluate(rows, ids_by_sha, "database")
        finally:
            deleted = delete_engine_indexes(prefix)
            console.print(f"deleted {len(deleted)} OpenSearch indexes ({prefix}*)")
    report(rows, by_backend, console)


if __name__ == "__main__":
    main()
