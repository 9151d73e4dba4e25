"""Speed and memory of the text extraction, next to poppler's pdftotext on the same PDFs.

    .venv/bin/python bench/extraction.py [CORPUS_DIR] [--repeat N] [--all-files]

Over the corpus PDFs of kind `pdf-text` (MANIFEST.tsv), it measures pages per second of:
- pdftotext, one process per file (the reference);
- our isolated path, as `extract_file()` runs it: the extraction server forks one sandboxed
  child per file (an `Extractor`, which is what `extract_file` uses, one per process);
- the same extraction code in this process, without isolation (what the isolation costs);
- the isolated path with OCR on, as an import runs it (some "text" PDFs have image pages).
OCR is off in the first two so that they do the same work as pdftotext. Each timing is the best
of --repeat runs (the machine may be shared). The server's start (once per process) is timed
apart. It prints figures and asserts nothing. --all-files then runs every corpus file through
the isolated path and prints the status of each file not "done", or done with a remark.
"""

import argparse
import collections
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from resources.extraction import Extractor  # noqa: E402
from resources.extraction.worker import extract as extract_in_process  # noqa: E402
from resources.extraction.worker import preload  # noqa: E402

console = Console(highlight=False, width=140)
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"


def manifest(corpus):
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as stream:
        header, *rows = (line.rstrip("\n").split("\t") for line in stream)
    return [dict(zip(header, row, strict=True)) for row in rows]


def best_of(repeat, run):
    """(seconds, result) of the fastest of `repeat` runs."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        timings.append((time.perf_counter() - started, result))
    return min(timings, key=lambda timing: timing[0])


def run_pdftotext(paths):
    for path in paths:
        subprocess.run(  # noqa: S603 - fixed argv
            [PDFTOTEXT, "-q", "-enc", "UTF-8", str(path), "-"],
            check=False,
            stdout=subprocess.DEVNULL,
        )


def run_isolated(extractor, paths, ocr_max_pages):
    return [extractor.extract(path, ocr_max_pages=ocr_max_pages) for path in paths]


def run_in_process(paths):
    return [extract_in_process(str(path), ocr_max_pages=0) for path in paths]


def peak_self_mb():
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def benchmark(corpus, repeat):
    rows = [row for row in manifest(corpus) if row["kind"] == "pdf-text"]
    paths = [corpus / row["path"] for row in rows]
    for path in paths:  # the same page cache for everyone
        path.read_bytes()
    caller_mb = peak_self_mb()
    extractor = Extractor()
    started = time.perf_counter()
    extractor.extract(paths[0], ocr_max_pages=0)
    startup = time.perf_counter() - started

    seconds_isolated, results = best_of(repeat, lambda: run_isolated(extractor, paths, 0))
    pages = sum(result.page_count or 0 for result in results)
    statuses = collections.Counter(result.status for result in results)
    seconds_ocr, _ = best_of(1, lambda: run_isolated(extractor, paths, 30))
    stats = dict(extractor.stats)
    extractor.close()
    seconds_pdftotext, _ = best_of(repeat, lambda: run_pdftotext(paths))
    preload()  # the libraries and language model, as the server has them before its first file
    seconds_in_process, _ = best_of(repeat, lambda: run_in_process(paths))

    console.print(
        f"{len(paths)} text PDFs, {pages} pages, {sum(p.stat().st_size for p in paths) / 1e6:.1f}"
        f" MB ({dict(statuses)}); best of {repeat} runs"
    )
    table = Table()
    table.add_column("extraction")
    table.add_column("seconds", justify="right")
    table.add_column("pages/s", justify="right")
    table.add_column("ours / pdftotext", justify="right")
    reference = pages / seconds_pdftotext

    def add(name, seconds, compare=True):
        rate = pages / seconds
        ratio = f"{rate / reference:.2f}" if compare else "-"
        table.add_row(name, f"{seconds:.2f}", f"{rate:.0f}", ratio)

    add("pdftotext (poppler), one process per file", seconds_pdftotext, compare=False)
    add("extract_file(): in a sandboxed child of the extraction server", seconds_isolated)
    add("same code in this process (no isolation)", seconds_in_process)
    add("extract_file() with OCR on (image-only pages recognised)", seconds_ocr)
    console.print(table)
    console.print(
        f"Server start (once per process, then idle for {extractor.idle_timeout:.0f} s before it"
        f" exits): {startup:.2f} s, first file included"
    )
    console.print(
        f"Peak RSS: server {stats['server_mb']:.0f} MB; largest child "
        f"{stats['peak_child_mb']:.0f} MB (pages shared with the server and Tesseract "
        f"included; the child is the extraction's real peak); caller {caller_mb:.0f} MB before "
        f"the runs (Django), {peak_self_mb():.0f} MB after the in-process run"
    )


def status_report(corpus):
    rows = manifest(corpus)
    counts = collections.Counter()
    layers = collections.Counter()
    not_done = []
    timings = []
    started = time.perf_counter()
    with Extractor() as extractor:
        extractor.extract(corpus / rows[0]["path"])  # the server's start is not a file's time
        started = time.perf_counter()
        for row in rows:
            begun = time.perf_counter()
            result = extractor.extract(corpus / row["path"])
            elapsed = time.perf_counter() - begun
            timings.append((elapsed, row["path"], result.layer))
            counts[result.status] += 1
            layers[result.layer or "-"] += 1
            if result.status != "done" or result.reason:
                not_done.append((row["path"], row["kind"], result, elapsed))
            if result.sha256 != row["sha256"]:
                console.print(f"[red]SHA-256 differs from the manifest: {row['path']}[/red]")
    total = time.perf_counter() - started

    console.print(
        f"{len(rows)} files in {total:.1f} s; statuses {dict(counts)}; layers {dict(layers)}"
    )
    table = Table(title="Files not done, or done with a remark")
    for column in ("file", "kind", "status", "layer", "pages", "seconds", "reason"):
        table.add_column(column)
    for path, kind, result, elapsed in not_done:
        table.add_row(
            path,
            kind,
            result.status,
            result.layer,
            str(result.page_count or ""),
            f"{elapsed:.1f}",
            result.reason,
        )
    console.print(table)
    slowest = Table(title="Slowest files")
    for column in ("file", "layer", "seconds"):
        slowest.add_column(column)
    for elapsed, path, layer in sorted(timings, reverse=True)[:10]:
        slowest.add_row(path, layer, f"{elapsed:.1f}")
    console.print(slowest)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--all-files", action="store_true")
    arguments = parser.parse_args()
    corpus = Path(arguments.corpus).resolve()
    if not (corpus / "MANIFEST.tsv").is_file():
        parser.error(f"no MANIFEST.tsv in {corpus}")
    benchmark(corpus, arguments.repeat)
    if arguments.all_files:
        status_report(corpus)


if __name__ == "__main__":
    main()
