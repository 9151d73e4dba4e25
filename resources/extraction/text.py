"""Clean-up shared by every format, so that search and excerpts see the same kind of text."""

import itertools
import re
import unicodedata

# Beyond this the text is cut: a few thousand pages of prose, far more than search or an
# excerpt needs, and a bound on what a hostile file can push through the pipe.
MAX_TEXT_CHARS = 5_000_000

# Each pattern below is applied only where it matches: per-character Python loops or
# str.translate tables cost more than PDFium's own text extraction on a long document.

# A hyphenation point at the end of a line (PDFium marks it with \x02) joins the word again.
_LINE_END_HYPHEN = re.compile(r"[\x02\u00ad][ \t]*\n[ \t]*")
# Control characters, unpaired surrogates and private-use symbols (Wingdings bullets) become
# spaces; tabs, newlines and form feeds stay meaningful.
_INVISIBLE = re.compile(
    r"[\x00\x01\x03-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff]"
)
# Typographic ligatures that nobody types in a search, and the remaining markers.
_REPLACEMENTS = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\x02": "-",
    "\u00ad": "",
    "\u200b": "",
}
_REPLACED = re.compile("[" + "".join(_REPLACEMENTS) + "]")
_TRAILING_SPACE = re.compile(r"[ \t\xa0]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_NOT_ALNUM = re.compile(r"[\W_]+")
_ALNUM = re.compile(r"[^\W_]")


def normalize(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_END_HYPHEN.sub("", text)
    text = _INVISIBLE.sub(" ", text)
    text = _REPLACED.sub(lambda match: _REPLACEMENTS[match.group()], text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def meaningful_length(text):
    """How many letters and digits: punctuation, bullets and whitespace alone are no text."""
    return len(_NOT_ALNUM.sub("", text))


def has_text(text, minimum=1):
    """Whether the text holds at least `minimum` letters or digits (stops counting there)."""
    return sum(1 for _ in itertools.islice(_ALNUM.finditer(text), minimum)) >= minimum
