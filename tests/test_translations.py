"""The interface catalogues are complete: every string of the French catalogue is translated
(and not fuzzy), and `makemessages` would find no string the catalogues do not have yet.

When this fails after adding strings: `make messages`, translate the new French entries in
locale/fr/LC_MESSAGES/django.po, and commit both catalogues (English is written by
scripts/interface_catalogues.py, which `make messages` runs).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
# The files `make messages` (and scripts/interface_catalogues.py) leave out.
IGNORED = [".venv/*", ".services/*", "static_collected/*", "tests/*", "node_modules/*"]


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def current(po):
    return {key(entry) for entry in po if not entry.obsolete and entry.msgid}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids `makemessages` finds in the code today. It writes next to the sources it
    reads, so it runs on a copy of them, with an empty locale directory: the committed
    catalogues are left alone."""
    copy = tmp_path_factory.mktemp("makemessages") / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".*", "locale", "node_modules", "static_collected", "media"),
    )
    (copy / "locale").mkdir()
    ignored = [arg for pattern in IGNORED for arg in ("-i", pattern)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", *ignored, "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "intranet.settings.test"},
    )
    return current(polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")))


def describe(keys):
    lines = (f"  {context + ' | ' if context else ''}{msgid[:90]}" for context, msgid in keys)
    return "\n".join(lines)


def test_every_french_entry_is_translated_and_not_fuzzy():
    missing = sorted(
        key(entry)
        for entry in catalogue("fr")
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    )
    assert not missing, f"{len(missing)} French entries untranslated or fuzzy:\n{describe(missing)}"


def test_makemessages_would_add_no_new_string_to_the_french_catalogue(extracted):
    new = sorted(extracted - current(catalogue("fr")))
    assert not new, f"{len(new)} strings missing from locale/fr (make messages):\n{describe(new)}"


def test_the_english_catalogue_has_every_string(extracted):
    english = catalogue("en")
    new = sorted(extracted - current(english))
    assert not new, f"{len(new)} strings missing from locale/en (make messages):\n{describe(new)}"
    # msgid and msgstr are both English: every entry is translated by itself.
    assert all(entry.translated() for entry in english if not entry.obsolete)
