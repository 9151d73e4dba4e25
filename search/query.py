"""What a reader types, made safe and useful for the engines.

The text never reaches an engine as query syntax: Wagtail sends it as a plain "match" query,
so quotes, stars, tildes or `AND(` are just characters. Here we only remove what no person
means (control characters, null bytes), cap the length and, for the engines, add typo
tolerance.
"""

import re
import unicodedata

from modelsearch.query import Boost, Fuzzy, Or, PlainText

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(text):
    """The reader's query as we search for it: no control characters, single spaces, at most
    MAX_QUERY_LENGTH characters (cut at a word boundary)."""
    text = _CONTROL.sub(" ", str(text or ""))
    text = _SPACES.sub(" ", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
    return text


class _FoldTable(dict):
    """str.translate table filled on first sight of each character: folding a long document
    costs one C-level pass instead of a Python generator over every character."""

    def __missing__(self, code):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text):
    """Lowercase without accents: "Écologique" -> "ecologique"."""
    text = text.lower()
    return text if text.isascii() else text.translate(_FOLD)


def words(text):
    return [word for word in _WORD.findall(fold(text)) if word]


def has_searchable_words(text):
    return bool(words(text))


def plain_words(text):
    """The query's words with their accents, punctuation dropped: what the database backend
    receives (SQLite's FTS5 would read quotes, stars or parentheses as its own syntax)."""
    return " ".join(_WORD.findall(text))


def engine_query(text):
    """Exact words first, then words within one or two typos (words of 5 letters or more:
    the backend's fuzziness is AUTO:5,8)."""
    return Or([Boost(PlainText(text), 2.0), Fuzzy(text)])


def database_query(text):
    return PlainText(plain_words(text))


def log_key(text):
    """How a query is stored in the query log: folded, single-spaced, short, no personal data
    beyond what was typed."""
    return " ".join(words(text))[:100]
