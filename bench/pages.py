"""Requests/s and p95 of the main pages under gunicorn, next to a trivial view.

    .venv/bin/python bench/pages.py [--seconds N] [--connections N]

bench/served.py serves the demo content as in production (a throwaway PostgreSQL database
`bench_pages`, production settings, collectstatic into a temporary STATIC_ROOT, gunicorn with
2 workers), and drives it from this process on 127.0.0.1 over keep-alive connections. Each
page is loaded for --seconds (default 5) by --connections (default 8) threads, anonymously and
as the demo member (session cookie from logging in through the form), and the health view
/sante/ (no query, not cached: the floor of any request) is measured the same way. It prints
requests/s and p95 of each, and its requests/s as a ratio of the trivial view's. Targets
(issue #11): anonymous public pages >= 0.7 (the whole-page cache, home/page_cache.py),
member pages >= 0.15. It asserts nothing.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import served  # bench/served.py: the production-like server and the load driver

PAGES = [
    ("trivial view (/sante/)", "/sante/"),
    ("home page", "/"),
    ("working group", "/groupes/centre-de-ressources/"),
    ("resources, facets", "/ressources/?theme=juridique&type=guide"),
    ("resource page", "/ressources/choisir-sa-forme-juridique/"),
    ("search", "/search/?q=habitat"),
]


def echo(text=""):
    sys.stdout.write(text + "\n")


def measure(port, path, cookie, seconds, connections):
    results, elapsed = served.drive(port, lambda _n: (path, cookie), seconds, connections)
    bad = {status: n for status, n in results.statuses.items() if status != 200}
    if bad or results.errors:
        echo(f"  ! {path}: statuses {bad}, connection errors {results.errors}")
    return len(results.latencies) / elapsed, served.percentile(results.latencies, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    with served.served_site("bench_pages", echo) as (port, _gunicorn):
        member = served.log_in(port, *served.MEMBER)
        for path in [path for _label, path in PAGES]:  # warm-up: imports, caches, connections
            served.drive(port, lambda _n, p=path: (p, None), 0.5, 2)
            served.drive(port, lambda _n, p=path: (p, member), 0.5, 2)
        for who, cookie in (("anonymous", None), ("member", member)):
            echo(f"\n{who}, {args.connections} connections, {args.seconds:g} s each")
            echo(f"{'page':28} {'req/s':>8} {'p95 ms':>8} {'ratio':>6}")
            baseline = None
            for label, path in PAGES:
                # The trivial view without a cookie: the floor is the same for both.
                sent = None if path == "/sante/" else cookie
                rate, p95 = measure(port, path, sent, args.seconds, args.connections)
                baseline = baseline or rate
                echo(f"{label:28} {rate:8.0f} {p95 * 1000:8.1f} {rate / baseline:6.2f}")


if __name__ == "__main__":
    main()
