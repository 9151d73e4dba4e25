"""Office Open XML: DOCX (python-docx), XLSX (openpyxl), PPTX (python-pptx)."""

import re

from ..text import normalize
from .base import Problem, ReadResult
from .xmltext import collect_text, safe_parser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

WORD_TEXT = {
    "text_tags": {W + "t"},
    # Properties hold w:tab tab stops that are not text; a Fallback repeats its Choice.
    "skip_tags": {
        W + "pPr",
        W + "rPr",
        W + "sectPr",
        W + "tblPr",
        W + "tblGrid",
        W + "trPr",
        W + "tcPr",
        MC_FALLBACK,
    },
    "block_tags": {W + "p", W + "tr"},
    "spaces": {
        W + "tab": lambda element: "\t",
        W + "br": lambda element: "\n",
        W + "cr": lambda element: "\n",
        W + "noBreakHyphen": lambda element: "-",
    },
}
DRAWING_TEXT = {
    "text_tags": {A + "t"},
    "skip_tags": {A + "pPr", A + "rPr", A + "endParaRPr", MC_FALLBACK},
    "block_tags": {A + "p", A + "tr"},
    "cell_tags": {A + "tc"},
    "spaces": {A + "br": lambda element: "\n"},
}

WORDPROCESSING = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Besides the body, in this order: notes, then headers and footers (often repeated, kept once).
WORD_EXTRA_PARTS = [
    WORDPROCESSING + "footnotes+xml",
    WORDPROCESSING + "endnotes+xml",
    WORDPROCESSING + "header+xml",
    WORDPROCESSING + "footer+xml",
]
APP_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<")


def read_docx(job):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(job.path)
    except (PackageNotFoundError, ValueError, KeyError) as error:
        # ValueError: a macro-enabled file or template, whose content type python-docx refuses.
        raise Problem("damaged", str(error)) from error

    blocks = [collect_text(document.element.body, **WORD_TEXT)]
    page_count = None
    parts = list(document.part.package.iter_parts())
    for content_type in WORD_EXTRA_PARTS:
        for part in parts:
            if part.content_type == content_type:
                root = etree.fromstring(part.blob, safe_parser())
                blocks.append(collect_text(root, **WORD_TEXT))
    for part in parts:
        if part.content_type == APP_PROPERTIES and (match := PAGES.search(part.blob)):
            page_count = int(match.group(1)) or None
    return ReadResult(text=_join_unique(blocks), page_count=page_count)


def read_pptx(job):
    import pptx
    from pptx.exc import PackageNotFoundError

    try:
        presentation = pptx.Presentation(job.path)
    except (PackageNotFoundError, ValueError, KeyError) as error:
        raise Problem("damaged", str(error)) from error
    blocks = []
    for slide in presentation.slides:
        blocks.append(collect_text(slide.element, **DRAWING_TEXT))
        if slide.has_notes_slide:
            blocks.append(collect_text(slide.notes_slide.element, **DRAWING_TEXT))
    return ReadResult(text=_join_unique(blocks), page_count=len(presentation.slides))


def read_xlsx(job):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(job.path, read_only=True, data_only=True)
    except (KeyError, ValueError, OSError) as error:
        raise Problem("damaged", str(error)) from error
    try:
        blocks = []
        for sheet in workbook.worksheets:
            lines = [sheet.title]
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None and value != ""]
                if cells:
                    lines.append("\t".join(cells))
            if len(lines) > 1:
                blocks.append("\n".join(lines))
    finally:
        workbook.close()
    return ReadResult(text=_join_unique(blocks))


def _join_unique(blocks):
    seen = set()
    kept = []
    for block in blocks:
        block = normalize(block)
        if block and block not in seen:
            seen.add(block)
            kept.append(block)
    return "\n\n".join(kept)
