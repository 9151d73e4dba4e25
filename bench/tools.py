"""Latency of the shared tools' listings, filters and map data, next to a trivial Django view.

    .venv/bin/python bench/tools.py [--rows N] [--rounds N]

In a throwaway PostgreSQL database `bench_tools` (bench/relevance.py's world: created and
dropped by the script), it creates N (default 10 000) housing projects and N classified ads,
spread over the régions, départements, stages, categories and prices (bulk inserts: the bench
is about reading them), then requests each endpoint `--rounds` times through Django's test
`Client`, in this process, as an anonymous visitor, alternating with a view that only returns
"ok" (the same middleware, no query): the floor of any request here. It prints p50/p95 of
each endpoint, its p95 next to the trivial view's, and the number of SQL queries of one call.
It asserts nothing. Target of the issue: p95 under 150 ms on this machine.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relevance  # bench/relevance.py: the throwaway world

BATCH = 1000

# A view with nothing in it, served by the same middleware as the real ones.
urlpatterns = []


def _trivial_urls():
    from django.http import HttpResponse
    from django.urls import include, path

    global urlpatterns
    urlpatterns = [
        path("bench/trivial/", lambda request: HttpResponse("ok"), name="bench_trivial"),
        path("", include("intranet.urls")),
    ]


def create_projects(count, rng, echo):
    from home.regions import DEPARTMENTS
    from projects.models import LegalForm, Project, Stage, project_key

    started = time.perf_counter()
    stages, forms = list(Stage.values), list(LegalForm.values)
    batch = []
    for number in range(count):
        code, name, region = rng.choice(DEPARTMENTS)
        project_name = f"Habitat participatif n° {number}"
        batch.append(
            Project(
                name=project_name,
                description="Un groupe d'habitants conçoit ses logements et ses espaces communs.",
                commune=name,
                department=code,
                region=region,
                latitude=rng.uniform(42.5, 50.9),
                longitude=rng.uniform(-4.5, 7.8),
                stage=rng.choice(stages),
                year=rng.randint(1985, 2026),
                homes=rng.randint(3, 60),
                legal_form=rng.choice(forms),
                contact_email=f"projet{number}@exemple.org",
                key=project_key(project_name, name, code),
            )
        )
        if len(batch) == BATCH:
            Project.objects.bulk_create(batch)
            batch = []
    Project.objects.bulk_create(batch)
    echo(f"{count} projects in {time.perf_counter() - started:.1f} s")


def create_ads(count, rng, echo):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from classifieds.models import PRICED_CATEGORIES, AdCategory, AdStatus, ClassifiedAd
    from home.regions import REGIONS

    started = time.perf_counter()
    posters = [
        get_user_model().objects.create_user(f"annonceur{n}", f"annonceur{n}@exemple.org")
        for n in range(50)
    ]
    now = timezone.now()
    batch = []
    for number in range(count):
        category = rng.choice(list(AdCategory.values))
        published = now - timedelta(days=rng.randint(0, 55), minutes=number)
        batch.append(
            ClassifiedAd(
                title=f"Annonce n° {number}",
                category=category,
                region=rng.choice(REGIONS)[0],
                town="Lyon",
                price=rng.randint(300, 400_000) if category in PRICED_CATEGORIES else None,
                description="Nous cherchons des voisins pour un projet d'habitat participatif.",
                poster=rng.choice(posters),
                status=AdStatus.PUBLISHED,
                published_at=published,
                expires_at=published + timedelta(days=60),
            )
        )
        if len(batch) == BATCH:
            ClassifiedAd.objects.bulk_create(batch)
            batch = []
    ClassifiedAd.objects.bulk_create(batch)
    echo(f"{count} ads in {time.perf_counter() - started:.1f} s")


ENDPOINTS = [
    ("projects: listing", "/projets/"),
    ("projects: filtered (région + stage), page 3", "/projets/?region=84&stage=inhabited&page=3"),
    ("projects: map data, all", "/projets/carte.json"),
    ("projects: map data, one région", "/projets/carte.json?region=53"),
    ("ads: listing", "/annonces/"),
    ("ads: région + category, by price", "/annonces/?region=84&category=land&sort=price_asc"),
    ("ads: price range, page 5", "/annonces/?price_min=1000&price_max=200000&page=5"),
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(rounds):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def call(url):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        return elapsed

    timings = {url: [] for _label, url in ENDPOINTS}
    timings["/bench/trivial/"] = []
    queries = {}
    for _label, url in ENDPOINTS:  # warm-up, and the SQL count of one call
        call(url)
        with CaptureQueriesContext(connection) as captured:
            call(url)
        queries[url] = len(captured)
    for _ in range(rounds):
        for _label, url in ENDPOINTS:
            timings["/bench/trivial/"].append(call("/bench/trivial/"))
            timings[url].append(call(url))
    return timings, queries


def profile(url):
    """cProfile (the standard library's) of ten calls, by cumulative and own time."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    client.get(url)
    with cProfile.Profile() as profiler:
        for _ in range(10):
            client.get(url)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def report(timings, queries, console, title):
    from rich.table import Table

    trivial = percentile(timings["/bench/trivial/"], 0.95)
    table = Table(title=title)
    for column in ("", "p50 ms", "p95 ms", "p95 / trivial view", "SQL queries"):
        table.add_column(column, justify="left" if not column else "right")
    table.add_row(
        "a trivial Django view (same middleware)",
        f"{1000 * statistics.median(timings['/bench/trivial/']):.1f}",
        f"{1000 * trivial:.1f}",
        "1.0",
        "0",
    )
    for label, url in ENDPOINTS:
        p95 = percentile(timings[url], 0.95)
        table.add_row(
            f"{label}  {url}",
            f"{1000 * statistics.median(timings[url]):.1f}",
            f"{1000 * p95:.1f}",
            f"{p95 / trivial:.1f}",
            str(queries[url]),
        )
    console.print(table)
    worst = max(percentile(timings[url], 0.95) for _label, url in ENDPOINTS)
    console.print(f"slowest p95: {1000 * worst:.1f} ms (target: under 150 ms)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--profile", metavar="URL", help="profile 10 calls of URL instead")
    arguments = parser.parse_args()

    from rich.console import Console

    console = Console(highlight=False, width=150)
    rng = random.Random(2026)  # noqa: S311 - reproducible data, not security
    with relevance.throwaway_world("bench_tools"):
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import override_settings

        call_command("migrate", verbosity=0)
        create_projects(arguments.rows, rng, console.print)
        create_ads(arguments.rows, rng, console.print)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a bulk load
        _trivial_urls()
        with override_settings(ROOT_URLCONF=__name__):
            if arguments.profile:
                profile(arguments.profile)
                return
            timings, queries = measure(arguments.rounds)
    report(
        timings,
        queries,
        console,
        f"{arguments.rows} projects and {arguments.rows} ads, {arguments.rounds} calls each",
    )


if __name__ == "__main__":
    main()
