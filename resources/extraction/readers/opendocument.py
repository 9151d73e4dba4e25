"""OpenDocument (ODT, ODS, ODP): the body of content.xml, parsed without DTD or entities."""

import re

from ..text import normalize
from .base import Problem, ReadResult
from .xmltext import collect_text, open_zip, parse_part

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

ODF_TEXT = {
    "text_tags": {TEXT + "p", TEXT + "h"},
    # Comments and the deleted text kept for change tracking are not the document's text.
    "skip_tags": {OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes"},
    "block_tags": {TEXT + "p", TEXT + "h", TABLE + "table-row"},
    "spaces": {
        TEXT + "s": lambda element: " " * _count(element.get(TEXT + "c")),
        TEXT + "tab": lambda element: "\t",
        TEXT + "line-break": lambda element: "\n",
    },
}
PAGE_COUNT = re.compile(rb'page-count="(\d+)"')
# Runs of spaces are bounded: an attribute asking for a billion spaces is an attack, not text.
MAX_SPACES = 1000


def read_odt(job):
    body, meta = _read_body(job)
    match = PAGE_COUNT.search(meta)
    return _result(body, int(match.group(1)) if match else None)


def read_ods(job):
    body, _ = _read_body(job)
    return _result(body, None)


def read_odp(job):
    body, _ = _read_body(job)
    slides = sum(1 for _ in body.iter(DRAW + "page")) if body is not None else 0
    return _result(body, slides)


def _result(body, page_count):
    text = normalize(collect_text(body, **ODF_TEXT)) if body is not None else ""
    return ReadResult(text=text, page_count=page_count or None)


def _read_body(job):
    with open_zip(job.path) as archive:
        manifest = _small_member(archive, "META-INF/manifest.xml")
        # A password-protected document keeps its parts encrypted and lists how in the manifest.
        if b"encryption-data" in manifest:
            raise Problem("password")
        root = parse_part(archive, "content.xml")
        if root is None:
            raise Problem("damaged", "no content.xml")
        meta = _small_member(archive, "meta.xml")
    return root.find(OFFICE + "body"), meta


def _small_member(archive, name, limit=1024 * 1024):
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    return archive.read(info)


def _count(value):
    try:
        return max(1, min(int(value or 1), MAX_SPACES))
    except ValueError:
        return 1
