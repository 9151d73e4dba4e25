"""Latency of the site search API next to a raw OpenSearch query, and on the database backend.

    .venv/bin/python bench/search.py [--pages N] [--rounds N] [--profile]

In the throwaway world of bench/relevance.py (a PostgreSQL database `bench_search` created
and dropped by the script, a temporary MEDIA_ROOT, OpenSearch indexes under `bench_search_`
deleted at the end), it builds: the demo content, the corpus (`import_resources`;
EXTRACTION_OCR_MAX_PAGES=2 in the environment shortens it) and N (default 10 000) generated
French content pages, then indexes everything with `update_index` (OpenSearch and the
database backend; per-save indexing is off while building).

Pages are created fast but through Wagtail's own `Page.save()`: under 20 section pages, each
child gets its treebeard path computed from its parent's (`Page._get_path`, what `add_child`
does with a query per page), its parent handed over (no lookup for the url_path), and the
parent's `numchild` is set in the same transaction of 500 pages. Left out, as nothing in search
reads them: full_clean (slugs and paths are unique by construction), the "created" log entry
and the reference index. `bulk_create` would skip treebeard and Wagtail's bookkeeping
(url_path, draft title, locale), and refuses multi-table inherited models anyway.

Then, for the queries of tests/search/relevance.tsv, `--rounds` times each (after one warm-up
round), it measures in the same loop, one after the other:
- `GET /search/api/?q=...` through Django's test `Client`, in this process (no HTTP server:
  the figure is Django's middleware, the view, `SiteSearch` and the engine round trips), as
  an anonymous visitor, with OpenSearch as the default backend;
- the raw query: the very query body the site sends for its page source (same text, same
  fields, same index and analyzer, same permission filter), sent once with `opensearch-py`
  (one client kept open), size 10, ids only;
- for reference, each source's query sent Wagtail's way (search, then count), and the very
  `_msearch` body the API sends (every registered source: pages, documents, projects,
  partners, events, ads), sent raw: the API's cost beyond it is Django's;
then the same API calls with the database backend (PostgreSQL full text) as the default.
It prints p50/p95 of each, the API/raw p95 ratios, the slowest queries on each backend, and
asserts nothing. With --profile, one more round of API calls runs under the standard library's
cProfile (by cumulative and by own time), and the SQL of one call is listed.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relevance  # bench/relevance.py: the throwaway world and the queries

SECTIONS = 20
BATCH = 500
PREFIX = "bench_search_"

# Word lists for plausible, varied French pages about participatory housing.
KINDS = [
    "Compte rendu",
    "Atelier",
    "Fiche pratique",
    "Note de synthèse",
    "Réunion",
    "Journée d'échanges",
    "Visite de chantier",
    "Témoignage",
    "Lettre d'information",
    "Retour d'expérience",
    "Assemblée des habitants",
    "Questions fréquentes",
]
TOPICS = [
    "la salle commune",
    "le jardin partagé",
    "le budget prévisionnel",
    "l'achat du terrain",
    "le permis de construire",
    "la charte du groupe",
    "l'accueil de nouveaux foyers",
    "la mixité entre générations",
    "le chantier participatif",
    "la buanderie collective",
    "le prêt bancaire",
    "la gouvernance partagée",
    "les statuts de la société",
    "le choix de l'architecte",
    "la maîtrise d'ouvrage",
    "les espaces mutualisés",
    "la performance énergétique",
    "le bail réel solidaire",
    "la copropriété",
    "le partenariat avec le bailleur social",
    "la chaufferie au bois",
    "la récupération de l'eau de pluie",
    "l'atelier de bricolage",
    "les chambres d'amis",
    "le covoiturage entre voisins",
]
TOWNS = [
    "Rennes",
    "Nantes",
    "Lyon",
    "Villeurbanne",
    "Grenoble",
    "Toulouse",
    "Montreuil",
    "Strasbourg",
    "Lille",
    "Besançon",
    "Dijon",
    "Poitiers",
    "Limoges",
    "Bordeaux",
    "Marseille",
    "Nancy",
    "Angers",
    "Tours",
    "Caen",
    "Clermont-Ferrand",
    "Die",
    "Forcalquier",
    "Saint-Nazaire",
    "Arles",
]
REGIONS = [
    "Bretagne",
    "Pays de la Loire",
    "Auvergne-Rhône-Alpes",
    "Occitanie",
    "Île-de-France",
    "Grand Est",
    "Hauts-de-France",
    "Bourgogne-Franche-Comté",
    "Nouvelle-Aquitaine",
    "Provence-Alpes-Côte d'Azur",
    "Normandie",
    "Centre-Val de Loire",
]
SUBJECTS = [
    "Le groupe",
    "L'association",
    "La coopérative",
    "Chaque foyer",
    "Le conseil d'administration",
    "L'équipe d'animation",
    "La commune",
    "Le bailleur",
    "L'architecte",
    "Une habitante",
    "Un habitant",
    "Le comité de pilotage",
]
VERBS = [
    "a présenté",
    "propose",
    "a voté",
    "prépare",
    "souhaite revoir",
    "a validé",
    "met en discussion",
    "a reporté",
    "finance",
    "documente",
    "organise",
    "relance",
]
OBJECTS = [
    "le plan de financement",
    "le calendrier du chantier",
    "la répartition des charges",
    "le règlement de la salle commune",
    "les règles de décision par consentement",
    "l'entretien du potager",
    "la convention avec la mairie",
    "le montant des parts sociales",
    "la demande de subvention",
    "l'étude thermique",
    "les plans de l'architecte",
    "la gestion des déchets",
    "l'ordre du jour de l'assemblée",
    "la visite des logements témoins",
    "le contrat de prêt",
    "la charte de bon voisinage",
]
ENDINGS = [
    "avant la fin du trimestre",
    "lors de la prochaine assemblée",
    "avec l'aide d'un accompagnateur",
    "après un vote à l'unanimité",
    "en attendant l'avis du notaire",
    "pour les familles qui arrivent",
    "dans un esprit de solidarité",
    "malgré la hausse des coûts",
    "en lien avec les voisins du quartier",
    "selon les recommandations du bureau d'études",
]


def sentence(rng):
    words = (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(ENDINGS))
    return " ".join(words) + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def page_values(rng, number):
    from wagtail.rich_text import RichText

    topic = rng.choice(TOPICS)
    town = rng.choice(TOWNS)
    title = f"{rng.choice(KINDS)} : {topic} à {town}"
    intro = f"<p>{paragraph(rng, 2)}</p>"
    body = [
        ("heading", topic[0].upper() + topic[1:]),
        *[("paragraph", RichText(f"<p>{paragraph(rng, rng.randint(2, 5))}</p>")) for _ in range(3)],
    ]
    return title, f"page-{number}", intro, body


def create_pages(count, echo):
    """`count` StandardPages under SECTIONS section pages of the home page (see the module
    docstring for how the tree stays correct)."""
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Site
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from home.models import StandardPage

    rng = random.Random(2026)  # noqa: S311 - reproducible text, not security
    home = Site.objects.get(is_default_site=True).root_page
    started = time.perf_counter()
    sections = []
    for region in REGIONS + [f"{region} (archives)" for region in REGIONS]:
        if len(sections) == SECTIONS:
            break
        section = StandardPage(
            title=f"Projets en {region}", intro=f"<p>Les projets en {region}.</p>"
        )
        home.add_child(instance=section)
        home.refresh_from_db()  # add_child reads the parent's numchild
        sections.append(section)
    now = timezone.now()
    made = 0
    per_section = -(-count // SECTIONS)
    for section in sections:
        position = 0
        todo = min(per_section, count - made)
        while todo > 0:
            with transaction.atomic(), disable_reference_index_auto_update():
                for _ in range(min(BATCH, todo)):
                    position += 1
                    made += 1
                    todo -= 1
                    title, slug, intro, body = page_values(rng, made)
                    page = StandardPage(
                        title=title,
                        draft_title=title,  # full_clean would copy it
                        slug=slug,
                        intro=intro,
                        body=body,
                        path=StandardPage._get_path(section.path, section.depth + 1, position),
                        depth=section.depth + 1,
                        numchild=0,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=section.locale_id,
                    )
                    # What add_child and save would look up, known here: the parent (treebeard's
                    # cache, for the url_path), and that a new page is no site's root.
                    page._cached_parent_obj = section
                    page._is_site_root = False
                    # Unique slug and path by construction: full_clean would only add queries.
                    # No "created" log entry and no reference index: nothing that search reads.
                    page.save(clean=False, log_action=None)
                StandardPage.objects.filter(pk=section.pk).update(numchild=position)
    echo(f"{made} generated pages in {time.perf_counter() - started:.1f} s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def source_query_bodies(text):
    """What the site sends for `text` and an anonymous visitor, built by `SiteSearch` itself:
    (index, body) of each source's query (the page source first: same text, fields, analyzer
    and filters), and the very `_msearch` body of /search/api/ (every source, its hits with
    their texts and its exact total)."""
    from django.contrib.auth.models import AnonymousUser

    from search.backends import search_backend
    from search.query import engine_query
    from search.service import SiteSearch

    backend = search_backend()
    search = SiteSearch(AnonymousUser(), text)
    searches = [results for _source, results in search.searches(backend, engine_query(text))]
    bodies = [
        (backend.get_index_for_model(results.query_compiler.queryset.model).name, {"query": body})
        for results in searches
        for body in [results.query_compiler.get_query()]
    ]
    msearch = backend.msearch_body([(results, search.depth) for results in searches], texts=True)
    return {"sources": bodies, "msearch": msearch}


def raw_page_search(client, bodies):
    """The raw query of the comparison: the page source's body, ten ids."""
    index, body = bodies["sources"][0]
    client.search(index=index, body=body, size=10, _source=False, stored_fields="pk")


def raw_like_the_site(client, bodies):
    """Wagtail's own way, which the API used before: per source ten ids, then a count."""
    for index, body in bodies["sources"]:
        client.search(index=index, body=body, size=10, _source=False, stored_fields="pk")
        client.count(index=index, body=body)


def raw_one_round_trip(client, bodies):
    """What /search/api/ sends: the same `_msearch` body, every source in one request."""
    client.msearch(body=bodies["msearch"])


def measure(queries, rounds, profile):
    from django.test import Client
    from opensearchpy import OpenSearch

    from search.engines import engine_backend

    client = Client()
    relevance.use_engine(PREFIX)
    raw_client = OpenSearch(hosts=engine_backend(relevance.engine_url(), PREFIX)["URLS"])
    bodies = {text: source_query_bodies(text) for text in queries}

    slowest = []

    def api(text):
        started = time.perf_counter()
        response = client.get("/search/api/", {"q": text})
        elapsed = time.perf_counter() - started
        slowest.append((elapsed, text))
        if response.status_code != 200:
            sys.exit(f"/search/api/ answered {response.status_code} for {text!r}")
        return elapsed

    def raw(run, text):
        started = time.perf_counter()
        run(raw_client, bodies[text])
        return time.perf_counter() - started

    raws = {"raw": raw_page_search, "raw_site": raw_like_the_site, "raw_one": raw_one_round_trip}
    timings = {"api": [], **{name: [] for name in raws}, "database": []}
    for text in queries:  # warm-up: connections, caches, the engine's own caches
        api(text)
        for run in raws.values():
            raw(run, text)
    for _ in range(rounds):
        for text in queries:
            timings["api"].append(api(text))
            for name, run in raws.items():
                timings[name].append(raw(run, text))
    worst_engine = sorted(slowest, reverse=True)[:3]
    if profile:  # the standard library's profiler: nothing to install
        import cProfile
        import pstats

        with cProfile.Profile() as profiler:
            for text in queries:
                api(text)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            api(queries[0])
        sys.stdout.write(f"{len(captured)} SQL queries for {queries[0]!r}:\n")
        for query in captured:
            sys.stdout.write(f"  {query['time']}s {query['sql'][:300]}\n")
    raw_client.close()
    relevance.use_database()
    for text in queries:
        api(text)
    slowest.clear()
    for _ in range(rounds):
        for text in queries:
            timings["database"].append(api(text))
    timings["slowest"] = {"engine": worst_engine, "database": sorted(slowest, reverse=True)[:3]}
    return timings


def report(timings, console, pages):
    from rich.table import Table

    table = Table(title=f"Search latency, {len(timings['api'])} calls each ({pages})")
    table.add_column("")
    table.add_column("p50 ms", justify="right")
    table.add_column("p95 ms", justify="right")
    rows = [
        ("/search/api/ on OpenSearch (Django test Client, in process)", "api"),
        ("raw opensearch-py: the page query, same body, size 10", "raw"),
        ("raw opensearch-py: search + count per source (Wagtail's way)", "raw_site"),
        ("raw opensearch-py: the API's very _msearch (every source, hits and totals)", "raw_one"),
        ("/search/api/ on the database backend (PostgreSQL full text)", "database"),
    ]
    for label, key in rows:
        values = timings[key]
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        table.add_row(label, f"{1000 * p50:.1f}", f"{1000 * p95:.1f}")
    console.print(table)

    def ratio(key, reference):
        p95 = percentile(timings[key], 0.95) / percentile(timings[reference], 0.95)
        p50 = statistics.median(timings[key]) / statistics.median(timings[reference])
        return f"{p95:.2f} (p50 {p50:.2f})"

    for backend, worst in timings["slowest"].items():
        listed = ", ".join(f"{text!r} {1000 * elapsed:.0f} ms" for elapsed, text in worst)
        console.print(f"slowest API calls on the {backend}: {listed}")
    console.print(f"p95 ratio API / raw page query: {ratio('api', 'raw')}")
    console.print(f"p95 ratio API / the same _msearch sent raw: {ratio('api', 'raw_one')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", default=str(relevance.CORPUS))
    parser.add_argument("--profile", action="store_true", help="profile one round of API calls")
    arguments = parser.parse_args()
    corpus = Path(arguments.corpus).resolve()

    from rich.console import Console

    console = Console(highlight=False, width=150)
    queries = [row["query"] for row in relevance.read_queries(relevance.QUERIES)]
    with relevance.throwaway_world("bench_search"):
        try:
            relevance.build_content(corpus, console.print)
            create_pages(arguments.pages, console.print)
            relevance.index_everything(PREFIX, console.print)
            timings = measure(queries, arguments.rounds, arguments.profile)
        finally:
            deleted = relevance.delete_engine_indexes(PREFIX)
            console.print(f"deleted {len(deleted)} OpenSearch indexes ({PREFIX}*)")
    report(
        timings,
        console,
        f"{len(queries)} queries x {arguments.rounds} rounds; corpus + demo + {arguments.pages}"
        " generated pages",
    )


if __name__ == "__main__":
    main()
