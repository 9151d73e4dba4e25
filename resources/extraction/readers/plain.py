"""Plain text and Markdown."""

import codecs
import re

from ..text import MAX_TEXT_CHARS, normalize
from .base import ReadResult

# Beyond the text limit the rest is not read: a few bytes per character at most in UTF-8.
MAX_READ_BYTES = MAX_TEXT_CHARS * 4

FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
# Markdown and static-site markup that would otherwise end up in search results: the link or
# image target goes, its label stays.
MARKDOWN_CLEANUP = [
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"^\[[^\]\n]+\]:\s*\S+.*$", re.M), ""),
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S), " "),
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),
    (re.compile(r"^([ \t]*)(?:[-*+]|\d+[.)])[ \t]+\[[ xX]?\][ \t]*", re.M), r"\1- "),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ""),
]


def read_txt(job):
    return ReadResult(text=normalize(decode(_read(job.path))))


def read_md(job):
    text = FRONT_MATTER.sub("", decode(_read(job.path)).lstrip("\ufeff"), count=1)
    for pattern, replacement in MARKDOWN_CLEANUP:
        text = pattern.sub(replacement, text)
    return ReadResult(text=normalize(text))


def decode(data):
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (old French editors)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file cut in the middle of a character is still UTF-8.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return data.decode("utf-8", "replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: Latin-1 maps every byte.
        return data.decode("latin-1")


def _read(path):
    with open(path, "rb") as stream:
        return stream.read(MAX_READ_BYTES)
