"""Highlighted snippets, built from the text of objects the reader may see (never from the
engine's index, which holds everything)."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch import index

from .query import fold, words

SNIPPET_LENGTH = 220
# Text read per field for a snippet: a long document's first pages, not all of them.
MAX_FIELD_CHARS = 100_000
_SPACES = re.compile(r"\s+")
_MARKDOWN_HEADINGS = re.compile(r"(?m)^\s*#{1,6}\s+")


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    text = str(value)[:MAX_FIELD_CHARS]
    return strip_tags(text) if "<" in text else text  # extracted text is rarely HTML


def searchable_text(obj):
    """The object's indexed text fields, highest boost first, title excluded."""
    fields = [
        field
        for field in type(obj).get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    fields.sort(key=lambda field: -(field.boost or 1))
    parts = []
    for field in fields:
        try:
            parts.append(_as_text(field.get_value(obj)))
        except Exception:  # noqa: BLE001, S112 (a field that cannot render gives no snippet)
            continue
    text = _MARKDOWN_HEADINGS.sub(" ", " ".join(parts))
    return _SPACES.sub(" ", text).strip()


def _stems(query):
    # A prefix of each word stands for its French variants (écologique, écologiques...).
    return {word[: max(4, len(word) - 3)] if len(word) > 5 else word for word in words(query)}


def highlight(text, query, length=SNIPPET_LENGTH):
    """A window of `text` around the first query word, with every query word in <mark>."""
    if not text:
        return ""
    folded = fold(text)
    stems = _stems(query)
    if len(folded) != len(text):  # folding changed lengths (rare ligatures): no highlighting
        return escape(text[:length])
    pattern = (
        re.compile(
            r"\b("
            + "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
            + r")\w*"
        )
        if stems
        else None
    )
    first = pattern.search(folded) if pattern else None
    start = max(0, first.start() - length // 3) if first else 0
    if start:
        start = folded.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    pieces, cursor = [], start
    if pattern:
        for match in pattern.finditer(folded, start, end):
            pieces.append(escape(text[cursor : match.start()]))
            pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
            cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    snippet = "".join(pieces)
    return mark_safe(("… " if start else "") + snippet + (" …" if end < len(text) else ""))  # noqa: S308
