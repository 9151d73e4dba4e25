"""Write the interface catalogues of the languages other than French, then compile them.

Usage: .venv/bin/python scripts/interface_catalogues.py   (from the project root; `make messages`)

The interface's msgids are English, so the English catalogue (locale/en) is every msgid
translated by itself: complete by construction, and the list a translator of another language
starts from. The German catalogue (locale/de) keeps what a translator wrote and shows English
for the rest: Django would otherwise fall back to French for any untranslated German string.
French (locale/fr) is translated by people: `make messages` updates it, tests/test_translations.py
checks it is complete.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# The same files as `make messages`.
IGNORED = [".venv/*", ".services/*", "static_collected/*", "tests/*", "node_modules/*"]
# Languages whose missing translations show the English msgid.
ENGLISH_FALLBACK = ["de"]


def makemessages(language):
    ignored = [arg for pattern in IGNORED for arg in ("-i", pattern)]
    subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "makemessages", "-l", language, *ignored, "--no-location"],
        cwd=ROOT,
        check=True,
    )
    return ROOT / "locale" / language / "LC_MESSAGES" / "django.po"


def english(entry):
    if entry.msgid_plural:
        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    else:
        entry.msgstr = entry.msgid


def is_english(entry):
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0) == entry.msgid
    return entry.msgstr == entry.msgid


def is_translated(entry):
    return entry.translated() and "fuzzy" not in entry.flags


def write(language, keep_translations):
    path = makemessages(language)
    po = polib.pofile(str(path))
    po.metadata["Language"] = language
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in po:
        if entry.obsolete or (keep_translations and is_translated(entry)):
            continue
        english(entry)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    po.save_as_mofile(str(path.with_suffix(".mo")))
    shown = sum(1 for entry in po if not entry.obsolete and is_english(entry))
    print(f"{language}: {len(po)} entries, {shown} in English")  # noqa: T201


if __name__ == "__main__":
    write("en", keep_translations=False)
    for code in ENGLISH_FALLBACK:
        write(code, keep_translations=True)
