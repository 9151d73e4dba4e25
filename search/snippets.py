"""Highlighted snippets, built from the text of objects the reader may see (never from the
engine's index, which holds everything)."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch import index

from .query import words

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


def _text_fields(model):
    fields = [
        field
        for field in model.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name != "title"
    ]
    return sorted(fields, key=lambda field: -(field.boost or 1))


def searchable_text(obj, model=None, indexed=None, column_name=None, only=None):
    """The object's indexed text fields, highest boost first, title excluded: read from the
    object, or from `indexed`, the engine's copy of its fields (named by `column_name(model,
    field)`). `only` restricts the fields by name. Spaces are normalised later, in the
    snippet's window only: a long document is not rewritten whole."""
    parts = []
    for field in _text_fields(model or type(obj)):
        if only and field.field_name not in only:
            continue
        try:
            if indexed is None:
                value = field.get_value(obj)
            else:
                value = indexed.get(column_name(model, field))
        except Exception:  # noqa: BLE001, S112 (a field that cannot render gives no snippet)
            continue
        parts.append(_as_text(value))
    return " ".join(part for part in parts if part)


def _stems(query):
    # A prefix of each word stands for its French variants (écologique, écologiques...).
    # Articles and prepositions ("la", "de") are not marked, unless nothing else was typed.
    found = words(query)
    found = [word for word in found if len(word) > 2] or found
    return {word[: max(4, len(word) - 3)] if len(word) > 5 else word for word in found}


# The letters that fold to each unaccented one: the pattern matches the text as it is, so a
# long document needs no folded copy, and the search stops at the first match.
_ACCENTED = {
    "a": "aàáâãäå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iìíîï",
    "n": "nñ",
    "o": "oòóôõö",
    "u": "uùúûü",
    "y": "yýÿ",
}


def _accent_insensitive(stem):
    return "".join(
        f"[{_ACCENTED[char]}]" if char in _ACCENTED else re.escape(char) for char in stem
    )


def query_pattern(query):
    """Words starting like the query's words, whatever their case and accents."""
    stems = sorted(_stems(query), key=len, reverse=True)
    if not stems:
        return None
    alternatives = "|".join(_accent_insensitive(stem) for stem in stems)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text, query, length=SNIPPET_LENGTH):
    """A window of `text` around the first query word, with every query word in <mark>."""
    if not text:
        return ""
    pattern = query_pattern(query)
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - length // 3) if first else 0
    if start:  # start on a word
        space = _SPACES.search(text, start, first.start())
        start = space.end() if space else first.start()
    raw = text[start : start + 4 * length]  # room for the runs of spaces squeezed below
    window = _SPACES.sub(" ", _MARKDOWN_HEADINGS.sub(" ", raw)).strip()
    cut = window[:length]
    more = len(window) > length or start + len(raw) < len(text)
    pieces, cursor = [], 0
    if pattern:
        for match in pattern.finditer(cut):
            pieces.append(escape(cut[cursor : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    pieces.append(escape(cut[cursor:]))
    snippet = "".join(pieces)
    return mark_safe(("… " if start else "") + snippet + (" …" if more else ""))  # noqa: S308
