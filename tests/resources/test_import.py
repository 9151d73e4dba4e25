"""Bulk import of the real French corpus: everything goes in, nothing twice, no traceback."""

import csv
import io
import shutil

import pytest
from django.core.management import call_command

from resources.models import ExtractionStatus, ResourceDocument, ResourceIndexPage, ResourcePage

pytestmark = pytest.mark.django_db


def run_import(*args):
    out = io.StringIO()
    call_command("import_resources", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def small_folder(tmp_path, corpus):
    """A few files of each kind, the broken ones and a duplicate among them."""
    picks = [
        "legal/CCH_L200-1.md",
        "associations/modeles/kit_association.docx",
        "associations/mva-alumni/AG_Constitutive_MVA-Alumni.odt",
        "associations/modeles/Exemple_de_proces_verbal_de_conseil_d_administration.doc",
        "broken/empty-convention.pdf",
        "broken/truncated-half-fnpc-2021.pdf",
        "urbanisme/urbanvitaliz/Plaquette_UrbanVitaliz.pdf",
        "duplicates/_Plaquette_UrbanVitaliz.pdf",
    ]
    for pick in picks:
        target = tmp_path / "import" / pick
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(corpus / pick, target)
    return tmp_path / "import"


def test_import_creates_documents_and_pages_then_nothing_the_second_time(demo, small_folder):
    output = run_import(small_folder, "--collection", "Corpus")
    # 8 files: one empty (refused), one duplicate of another, one truncated (stored, failed).
    assert ResourceDocument.objects.filter(collection__name="Corpus").count() == 6
    assert "Fichier vide" in output or "vide" in output
    centre = ResourceIndexPage.objects.get()
    imported = ResourcePage.objects.child_of(centre).filter(
        attachments__document__collection__name="Corpus"
    )
    assert imported.count() == 6
    assert all(page.live for page in imported)
    assert (
        ResourceDocument.objects.get(file__contains="CCH_L200-1").extraction_status
        == ExtractionStatus.DONE
    )
    truncated = ResourceDocument.objects.get(file__contains="truncated")
    assert truncated.extraction_status == ExtractionStatus.FAILED and truncated.extraction_reason

    again = run_import(small_folder, "--collection", "Corpus")
    assert ResourceDocument.objects.filter(collection__name="Corpus").count() == 6
    assert "7" in again and "Rien de nouveau" in again


def test_dry_run_changes_nothing(demo, small_folder):
    before = ResourceDocument.objects.count()
    output = run_import(small_folder, "--dry-run")
    assert ResourceDocument.objects.count() == before
    assert "rien n'a été modifié" in output.lower()


def test_documents_only(demo, small_folder):
    pages = ResourcePage.objects.count()
    run_import(small_folder / "legal", "--documents-only")
    assert ResourcePage.objects.count() == pages
    assert ResourceDocument.objects.filter(file__contains="CCH_L200-1").exists()


@pytest.mark.slow
def test_the_whole_corpus_imports_without_a_traceback(demo, corpus, settings):
    settings.EXTRACTION_OCR_MAX_PAGES = 1  # OCR is tested elsewhere; keep the run short
    output = run_import(corpus)
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as manifest:
        rows = list(csv.DictReader(manifest, delimiter="\t"))
    distinct = {row["sha256"] for row in rows if int(row["bytes"]) > 0}
    # Every non-empty distinct file is stored exactly once, whatever its extraction gave.
    stored = list(ResourceDocument.objects.values_list("sha256", flat=True))
    assert distinct <= set(stored)
    assert len(stored) == len(set(stored))
    assert "Traceback" not in output
    statuses = set(ResourceDocument.objects.values_list("extraction_status", flat=True))
    assert ExtractionStatus.PENDING not in statuses
