"""A sustained load of mixed anonymous and member traffic: server errors and worker memory.

    .venv/bin/python bench/load.py [--minutes N] [--connections N]

bench/served.py serves the demo content as in production (a throwaway PostgreSQL database
`bench_load`, production settings, gunicorn with 2 workers), and --connections (default 32)
threads on 127.0.0.1 request the main pages for --minutes (default 5): two requests in three
anonymous, one as the demo member (logged in through the form), a few with a varying search
query so that not everything comes from the page cache. It prints the requests made, the count
of 5xx answers and of connection errors, and the resident memory (VmRSS) of the gunicorn
workers after the first minute and at the end, with its growth. Target (issue #11): no server
error, growth under 10 %. It asserts nothing.
"""

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import served  # bench/served.py: the production-like server and the load driver

PAGES = [
    "/",
    "/groupes/centre-de-ressources/",
    "/ressources/",
    "/ressources/?theme=juridique&type=guide",
    "/ressources/choisir-sa-forme-juridique/",
    "/search/?q=habitat",
    "/gouvernance/",
    "/projets/",
    "/sante/",
]
WORDS = ["habitat", "charte", "foncier", "bailleur", "coopérative", "statuts", "voisins"]


def echo(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def workers_rss(master):
    return {pid: served.rss_kb(pid) for pid in served.workers(master)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with served.served_site("bench_load", echo) as (port, gunicorn):
        member = served.log_in(port, *served.MEMBER)

        def choose(number):
            cookie = member if number % 3 == 2 else None
            if number % 7 == 6:
                word = WORDS[number % len(WORDS)]
                return f"/search/?q={word}+{number % 50}", cookie
            return PAGES[number % len(PAGES)], cookie

        samples = {}

        def sample_after_first_minute():
            time.sleep(min(60, args.minutes * 60 / 2))
            samples["first"] = workers_rss(gunicorn.pid)

        sampler = threading.Thread(target=sample_after_first_minute)
        sampler.start()
        echo(f"{args.connections} connections for {args.minutes:g} min, 1 request in 3 as a member")
        results, elapsed = served.drive(port, choose, args.minutes * 60, args.connections)
        sampler.join()
        end = workers_rss(gunicorn.pid)
        first = samples["first"]
        echo(f"requests: {len(results.latencies)} in {elapsed:.0f} s")
        echo(f"statuses: {dict(sorted(results.statuses.items()))}")
        echo(f"server errors (5xx): {results.server_errors}")
        echo(f"connection errors: {results.errors}")
        p95 = served.percentile(results.latencies, 0.95) * 1000
        echo(f"p95: {p95:.0f} ms")
        if set(first) != set(end):
            echo(f"! workers changed during the run: {sorted(first)} then {sorted(end)}")
        for pid in sorted(end):
            before = first.get(pid)
            growth = f"{(end[pid] - before) / before * 100:+.1f} %" if before else "(new)"
            echo(
                f"worker {pid}: RSS {before or 0} kB at minute 1, "
                f"{end[pid]} kB at the end, {growth}"
            )
        total_first, total_end = sum(first.values()), sum(end.values())
        echo(
            f"all workers: {total_first} kB then {total_end} kB, "
            f"{(total_end - total_first) / total_first * 100:+.1f} % (target < 10 %)"
        )


if __name__ == "__main__":
    main()
