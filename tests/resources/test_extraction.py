"""Text extraction of the resource centre, on the real French corpus and on hostile files.

An editor uploads statutes, minutes, scans and guides: each must give its text, or a status
and a reason the editor can act on, and no file may take the importer down with it.
"""

import hashlib
import io
import os
import shutil
import subprocess
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.functional import Promise
from django.utils.translation import gettext

from resources.extraction import (
    Extraction,
    Extractor,
    UploadRefused,
    check_upload,
    extract_file,
    messages,
)
from resources.extraction.upload import CONTENT_DESCRIPTIONS

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus():
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.fail(
            f"The French test corpus is missing: expected {CORPUS}/MANIFEST.tsv "
            "(shared/corpus beside the repository)."
        )
    return CORPUS


@pytest.fixture(scope="session")
def manifest(corpus):
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as stream:
        header, *rows = (line.rstrip("\n").split("\t") for line in stream)
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows}


def extract(path, **options):
    result = extract_file(path, **options)
    assert isinstance(result, Extraction)
    return result


def assert_done(result, *phrases, layer="text"):
    assert result.status == "done", result.reason
    assert result.layer == layer
    assert result.language == "fr"
    for phrase in phrases:
        assert phrase in result.text


# Each format gives its text.


def test_a_pdf_gives_its_text_layer_page_count_and_language(corpus, manifest):
    name = "associations/mva-alumni/MVA-Alumni_Statuts.pdf"
    result = extract(corpus / name)
    assert_done(result, "ARTICLE 2 - BUT OBJET", "association régie par la loi du 1er juillet")
    assert result.page_count == 3
    assert result.reason == ""
    assert result.sha256 == manifest[name]["sha256"]


def test_an_upper_case_pdf_extension_is_read(corpus):
    result = extract(corpus / "urbanisme/urbanvitaliz/EP_Minimum_Etudes_pjt_amenagement_VD.PDF")
    assert_done(result, "Comité de pilotage de l'étude")


def test_a_docx_gives_its_paragraphs_and_its_tables(corpus):
    result = extract(corpus / "associations/mva-alumni/charte_ens_cachan.docx")
    assert_done(result, "CHARTE DE LA VIE ETUDIANTE")
    # Only in the signatories' table.
    assert "M. Aymeric ARNOULD" in result.text
    assert result.page_count == 23


def test_a_docx_template_keeps_its_template_tags_as_text(corpus):
    result = extract(corpus / "logement-social/apilos/HLM-template.docx")
    assert_done(result, "Loyer maximum en euros par mètre carré", "{% if convention")


def test_an_odt_gives_its_text(corpus):
    result = extract(corpus / "associations/lyon-ruby-brigade/statuts-lyon-ruby-brigade.odt")
    assert_done(result, "Statuts de l’association Lyon Ruby Brigade", "langage de programmation")


def test_an_odt_whose_manifest_declares_an_external_dtd_is_read(corpus):
    result = extract(corpus / "associations/mva-alumni/AG_Constitutive_MVA-Alumni.odt")
    assert_done(result, "assemblée générale constitutive", "Mathieu Andreux")


def test_an_odt_template_without_body_text_is_empty(corpus):
    result = extract(corpus / "urbanisme/cnig/template reglePLU.odt")
    assert result.status == "empty"
    assert result.reason == messages.reason("no_text")
    assert result.text == "" and result.layer == ""


def test_a_word_97_doc_is_read_with_antiword(corpus):
    result = extract(corpus / "associations/modeles/Modele_de_registre_special.doc")
    assert_done(result, "Registre spécial de l’association", "coté et paraphé")


def test_markdown_loses_its_front_matter_and_link_targets(corpus):
    result = extract(corpus / "collectivites/couthenans/2022-11-20-delestage.md")
    assert_done(result, "risque de rupture d'approvisionnement", "procédure de délestage")
    assert "layout:" not in result.text and "teaser" not in result.text
    assert "disponible sur  ce lien." in result.text and "site.url" not in result.text


def test_a_double_markdown_extension_is_read(corpus):
    result = extract(corpus / "associations/zestedesavoir/2023-09-11_PV_RCA.md.md")
    assert_done(result, "Réunion du CA", "Amaury Carrade")


def test_formats_made_by_other_tools(tmp_path):
    """XLSX, PPTX, ODS, ODP, RTF and TXT are not in the corpus: made here as editors make them."""
    import openpyxl
    import pptx

    workbook = openpyxl.Workbook()
    workbook.active.append(["Cotisation annuelle", "Montant en euros", 25])
    workbook.save(tmp_path / "budget.xlsx")
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Habitat participatif et coopératives"
    slide.notes_slide.notes_text_frame.text = "Présenter le calendrier des chantiers"
    presentation.save(tmp_path / "atelier.pptx")
    write_opendocument(
        tmp_path / "comptes.ods",
        "application/vnd.oasis.opendocument.spreadsheet",
        "<office:spreadsheet><table:table table:name='Comptes'><table:table-row>"
        "<table:table-cell><text:p>Charges de copropriété</text:p></table:table-cell>"
        "<table:table-cell><text:p>Entretien de la chaufferie</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>",
    )
    write_opendocument(
        tmp_path / "reunion.odp",
        "application/vnd.oasis.opendocument.presentation",
        "<office:presentation><draw:page draw:name='p1'><draw:frame><draw:text-box>"
        "<text:p>Assemblée plénière des habitants</text:p>"
        "</draw:text-box></draw:frame></draw:page></office:presentation>",
    )
    (tmp_path / "bureau.rtf").write_bytes(
        rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times;}}Proc\'e8s-verbal de la r\'e9union du bureau\par}"
    )
    (tmp_path / "ancien.txt").write_bytes(
        "Compte rendu de l'assemblée générale : élection du bureau".encode("cp1252")
    )
    expected = {
        "budget.xlsx": "Cotisation annuelle\tMontant en euros\t25",
        "atelier.pptx": "Présenter le calendrier des chantiers",
        "comptes.ods": "Entretien de la chaufferie",
        "reunion.odp": "Assemblée plénière des habitants",
        "bureau.rtf": "Procès-verbal de la réunion du bureau",
        "ancien.txt": "l'assemblée générale : élection du bureau",
    }
    for name, phrase in expected.items():
        result = extract(tmp_path / name)
        assert result.status == "done", (name, result.reason)
        assert phrase in result.text, (name, result.text)
    assert "Habitat participatif et coopératives" in extract(tmp_path / "atelier.pptx").text


def test_the_language_is_detected_from_the_text(tmp_path):
    english = tmp_path / "minutes.txt"
    english.write_text(
        "The general assembly of the housing cooperative approved the accounts and elected "
        "three new members to the board. The next meeting will be held in the common room.",
        encoding="utf-8",
    )
    assert extract(english).language == "en"
    short = tmp_path / "titre.txt"
    short.write_text("Annexe 3", encoding="utf-8")
    assert extract(short).language == ""


def test_an_unknown_format_is_not_supported(tmp_path):
    (tmp_path / "adherents.csv").write_text("nom;ville\nDupont;Lyon\n", encoding="utf-8")
    (tmp_path / "archive.zip").write_bytes(zip_bytes({"note.txt": b"Bonjour"}))
    for name in ("adherents.csv", "archive.zip"):
        result = extract(tmp_path / name)
        assert result.status == "failed"
        assert result.reason == messages.reason("unsupported")


# Scans and PDFs without a text layer go through OCR.


def test_a_scanned_pdf_is_recognised_by_ocr(corpus):
    result = extract(corpus / "associations/zestedesavoir/2019-06-22_PV_AGO.pdf", ocr_max_pages=1)
    assert_done(
        result, "Zeste de Savoir", "Assemblée Générale Ordinaire du 22 juin 2019", layer="ocr"
    )
    assert result.page_count == 3
    # Only one of the three pages was recognised, and the editor is told.
    assert messages.note("ocr_page_limit", 1) in result.reason
    assert messages.note("ocr_pages", 1) in result.reason


def test_text_drawn_as_vector_outlines_is_recognised_by_ocr(corpus):
    result = extract(
        corpus / "housing-guides/france-chaleur-urbaine/chaufferie_surville.pdf", ocr_max_pages=1
    )
    assert result.status == "done", result.reason
    assert result.layer == "ocr"
    assert "biomasse" in result.text and "Surville" in result.text


def test_a_phone_scan_with_an_ocr_layer_keeps_its_layer(corpus):
    result = extract(corpus / "associations/zestedesavoir/2021-05-09_PV_AGO.pdf", ocr_max_pages=0)
    assert_done(result, "Association Zeste de Savoir", "Amaury Carrade, Président")


def test_with_ocr_off_a_scan_is_empty_and_says_why(corpus):
    result = extract(corpus / "associations/zestedesavoir/2020-04-25_PV_AGO.pdf", ocr_max_pages=0)
    assert result.status == "empty"
    assert result.reason == messages.reason("scanned_not_recognised")
    assert result.page_count == 5


# Protected, empty and broken files.


def test_an_encrypted_pdf_without_opening_password_is_read(corpus):
    name = "housing-guides/france-chaleur-urbaine/CEREMA-fiche-prix-de-la-chaleur.pdf"
    result = extract(corpus / name)
    assert_done(result, "Prix de la chaleur", "facture de chauffage urbain")
    assert result.reason == messages.note("pdf_encrypted")


def test_a_pdf_that_needs_a_password_is_protected(corpus, tmp_path):
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is missing: run scripts/system-packages.sh"
    locked = tmp_path / "statuts-verrouilles.pdf"
    subprocess.run(
        [
            qpdf,
            "--encrypt",
            "mot-de-passe",
            "proprietaire",
            "256",
            "--",
            str(corpus / "associations/mva-alumni/MVA-Alumni_Statuts.pdf"),
            str(locked),
        ],
        check=True,
    )
    result = extract(locked)
    assert result.status == "protected"
    assert result.reason == messages.reason("password")
    assert result.text == ""
    assert result.sha256 == hashlib.sha256(locked.read_bytes()).hexdigest()


def test_an_empty_file_is_empty(corpus, manifest, tmp_path):
    name = "broken/empty-convention.pdf"
    result = extract(corpus / name)
    assert result.status == "empty"
    assert result.reason == messages.reason("empty_file")
    assert result.sha256 == manifest[name]["sha256"]


def test_a_truncated_pdf_fails_with_a_reason(corpus, manifest):
    """PDFium cannot open a PDF cut before its trailer, nor can qpdf repair it: it fails."""
    name = "broken/truncated-half-fnpc-2021.pdf"
    result = extract(corpus / name)
    assert result.status == "failed"
    assert result.reason == messages.reason("pdf_damaged")
    assert result.sha256 == manifest[name]["sha256"]


def test_extract_file_never_raises_for_what_is_not_a_file(tmp_path):
    assert extract(tmp_path / "absent.pdf").reason == messages.reason("missing")
    assert extract(tmp_path).status == "failed"
    os.mkfifo(tmp_path / "pipe.txt")
    assert extract(tmp_path / "pipe.txt", timeout=5).status == "failed"


def test_xml_entities_are_never_expanded(tmp_path):
    """An ODT may not read the server's files (XXE) nor inflate itself (billion laughs)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe du serveur", encoding="utf-8")
    write_opendocument(
        tmp_path / "xxe.odt",
        "application/vnd.oasis.opendocument.text",
        "<office:text><text:p>Avant &secret; fin du procès-verbal</text:p></office:text>",
        doctype=f'<!DOCTYPE office:document-content [<!ENTITY secret SYSTEM "file://{secret}">]>',
    )
    result = extract(tmp_path / "xxe.odt")
    assert result.status == "done", result.reason
    assert result.text == "Avant  fin du procès-verbal"

    laughs = "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10))
    write_opendocument(
        tmp_path / "laughs.odt",
        "application/vnd.oasis.opendocument.text",
        "<office:text><text:p>Ordre du jour &lol9;</text:p></office:text>",
        doctype=f'<!DOCTYPE office:document-content [<!ENTITY lol0 "lol">{laughs}]>',
    )
    started = time.monotonic()
    result = extract(tmp_path / "laughs.odt", timeout=20)
    # libxml2 refuses the amplification outright; either way nothing was expanded.
    assert time.monotonic() - started < 5
    assert "lollol" not in result.text


# A hostile file cannot take the caller down.


@pytest.fixture(scope="module")
def slow_pdf(tmp_path_factory):
    """A 100 kB PDF whose single page holds two million text objects: PDFium needs seconds and
    about a gigabyte to load it."""
    path = tmp_path_factory.mktemp("hostile") / "piege.pdf"
    content = b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (ab) Tj " * 2_000_000 + b"ET"
    write_pdf(path, zlib.compress(content, 6))
    return path


def test_a_long_ocr_stops_at_the_timeout(corpus):
    started = time.monotonic()
    result = extract(corpus / "associations/zestedesavoir/2018-04-14_PV_AGO.pdf", timeout=0.5)
    assert time.monotonic() - started < 5
    assert result.status == "failed"
    assert result.reason == messages.reason("timeout")


def test_a_child_stuck_in_a_parser_is_killed_at_the_timeout(slow_pdf, corpus):
    started = time.monotonic()
    result = extract(slow_pdf, timeout=1)
    assert time.monotonic() - started < 5
    assert result.status == "failed"
    assert result.reason == messages.reason("timeout")
    # The next file is extracted as usual.
    assert extract(corpus / "associations/mva-alumni/Recepisse_CR.pdf").status == "done"


def test_a_memory_blow_up_is_stopped_by_the_memory_limit(slow_pdf, corpus):
    result = extract(slow_pdf, memory_mb=100, timeout=30)
    assert result.status == "failed"
    assert result.reason == messages.reason("memory")
    assert extract(corpus / "associations/mva-alumni/Recepisse_CR.pdf").status == "done"


def test_an_extractor_serves_many_files_and_stops_its_server(corpus):
    names = [
        "associations/mva-alumni/Recepisse_CR.pdf",
        "broken/truncated-half-fnpc-2021.pdf",
        "associations/zestedesavoir/rca-ago-2024.pdf",
    ]
    with Extractor(files_per_child=1) as extractor:
        statuses = [extractor.extract(corpus / name).status for name in names]
        server = extractor._server.process
    assert statuses == ["done", "failed", "done"]
    assert extractor.stats["servers"] == 1 and extractor.stats["files"] == 3
    assert server.returncode is not None


def test_an_idle_server_exits_and_the_next_file_starts_another(corpus):
    name = corpus / "associations/mva-alumni/Recepisse_CR.pdf"
    with Extractor(idle_timeout=0.5) as extractor:
        assert extractor.extract(name).status == "done"
        server = extractor._server.process
        server.wait(timeout=10)
        assert extractor.extract(name).status == "done"
    assert extractor.stats["servers"] == 2


# The upload check.


def test_check_upload_names_the_kind_of_accepted_files(corpus):
    expected = {
        "associations/mva-alumni/MVA-Alumni_Statuts.pdf": "pdf",
        "urbanisme/urbanvitaliz/EP_Minimum_Etudes_pjt_amenagement_VD.PDF": "pdf",
        "associations/mva-alumni/charte_ens_cachan.docx": "docx",
        "associations/mva-alumni/AG_Constitutive_MVA-Alumni.odt": "odt",
        "associations/modeles/Modele_de_registre_special.doc": "doc",
        "associations/zestedesavoir/2023-09-11_PV_RCA.md.md": "md",
        "legal/CCH_L200-1.md": "md",
    }
    for name, kind in expected.items():
        assert check_upload(corpus / name, Path(name).name, 50 * 1024 * 1024) == kind


def test_check_upload_reads_an_uploaded_file_and_rewinds_it(corpus):
    content = (corpus / "associations/mva-alumni/MVA-Alumni_Statuts.pdf").read_bytes()
    upload = SimpleUploadedFile("Statuts.pdf", content, content_type="application/pdf")
    upload.seek(100)
    assert check_upload(upload, upload.name, 10 * 1024 * 1024) == "pdf"
    assert upload.tell() == 0
    assert upload.read() == content


def test_a_zip_named_pdf_is_refused(corpus):
    upload = SimpleUploadedFile("convention.pdf", zip_bytes({"convention.txt": b"texte"}))
    with pytest.raises(UploadRefused) as refused:
        check_upload(upload, upload.name, 10 * 1024 * 1024)
    assert refused.value.code == "mismatch"
    assert isinstance(refused.value.message, Promise)  # translated when shown
    assert str(refused.value.message) == str(
        messages_for_mismatch("pdf", CONTENT_DESCRIPTIONS["zip"])
    )
    assert upload.tell() == 0


def test_a_docx_named_odt_is_refused(corpus):
    content = (corpus / "associations/mva-alumni/charte_ens_cachan.docx").read_bytes()
    with pytest.raises(UploadRefused) as refused:
        check_upload(SimpleUploadedFile("charte.odt", content), "charte.odt", 10 * 1024 * 1024)
    assert refused.value.code == "mismatch"


def test_binary_garbage_named_txt_is_refused(tmp_path):
    garbage = tmp_path / "notes.txt"
    garbage.write_bytes(os.urandom(4096))
    with pytest.raises(UploadRefused) as refused:
        check_upload(garbage, garbage.name, 10 * 1024 * 1024)
    assert refused.value.code == "mismatch"
    assert str(refused.value.message) == str(
        messages_for_mismatch("txt", CONTENT_DESCRIPTIONS["binary"])
    )


def test_an_empty_or_oversized_or_unknown_upload_is_refused(corpus):
    with pytest.raises(UploadRefused) as refused:
        check_upload(SimpleUploadedFile("vide.pdf", b""), "vide.pdf", 1024)
    assert refused.value.code == "empty"
    assert str(refused.value) == str(messages.REASONS["empty_file"])

    big = corpus / "housing-guides/france-chaleur-urbaine/FNCCR.pdf"  # 1.25 MB
    with pytest.raises(UploadRefused) as refused:
        check_upload(big, big.name, 1024 * 1024)
    assert refused.value.code == "too_large"
    assert "1 MB" in str(refused.value) or "1 Mo" in str(refused.value)

    with pytest.raises(UploadRefused) as refused:
        check_upload(SimpleUploadedFile("photo.exe", b"MZ\x90\x00"), "photo.exe", 1024)
    assert refused.value.code == "unsupported"


# Helpers that build test files at run time.


def messages_for_mismatch(extension, description):
    return gettext(
        "The file's content does not match its extension .%(extension)s (it is %(content)s)."
    ) % {"extension": extension, "content": description}


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_opendocument(path, mimetype, body, doctype=""):
    namespaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f"<office:document-content {namespaces}><office:body>{body}</office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)


def write_pdf(path, compressed_content):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed_content)
        + compressed_content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(pdf))
