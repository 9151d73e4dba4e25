"""PDF: PDFium's text layer, and Tesseract on the pages that have none."""

import shutil
import subprocess
import time

from ..text import has_text, meaningful_length, normalize
from .base import Problem, ReadResult

# A page with fewer letters and digits than this has no usable text layer: scans, text drawn
# as vector outlines, fonts without a Unicode map. Page numbers and stray marks stay below it.
MIN_PAGE_CHARS = 16
# ...and it is worth OCR only if something is drawn on it: an image, enough vector paths to be
# lettering, or text objects whose characters could not be decoded.
MIN_INK_PATHS = 30
MIN_INK_TEXT_OBJECTS = 5

# 200 dpi recognises body text as well as 300 dpi on the corpus scans, about 30 % faster.
OCR_DPI = 200
# Poster-sized pages are rendered smaller: Tesseract's time and memory grow with the pixels.
MAX_OCR_PIXELS = 16_000_000
OCR_LANGUAGE = "fra"


def read_pdf(job):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(job.path)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Problem("password") from error
        if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise Problem("pdf_security", str(error)) from error
        raise Problem("pdf_damaged", str(error)) from error
    try:
        return _read_document(document, job, pdfium, pdfium_c)
    finally:
        document.close()


def _read_document(document, job, pdfium, pdfium_c):
    page_count = len(document)
    notes = []
    # Revision -1 means unencrypted; anything else opened here had an empty user password.
    if pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
        notes.append(("pdf_encrypted", None))

    texts = [""] * page_count
    without_text = []
    unreadable = 0
    for index in range(page_count):
        try:
            page = document[index]
        except pdfium.PdfiumError:
            unreadable += 1
            continue
        try:
            textpage = page.get_textpage()
            try:
                texts[index] = textpage.get_text_range()
            finally:
                textpage.close()
            if not has_text(texts[index], MIN_PAGE_CHARS) and _has_ink(page, pdfium_c):
                without_text.append(index)
        finally:
            page.close()
    if unreadable:
        notes.append(("pdf_pages_unreadable", unreadable))

    ocr_pages = set()
    if without_text:
        ocr_pages = _recognise(document, without_text, texts, job, notes)

    pages = [normalize(text) for text in texts]
    text = "\n\n".join(page for page in pages if page)
    if not has_text(text):
        noted = {code for code, _ in notes}
        if without_text and job.ocr_max_pages <= 0:
            code = "scanned_not_recognised"
        elif without_text and not _tesseract():
            code = "ocr_unavailable"
        elif "ocr_time_limit" in noted:
            code = "timeout"
        elif "ocr_pages_failed" in noted:
            code = "ocr_failed"
        else:
            code = "no_text"
        raise Problem(code, page_count=page_count)
    layer = "text"
    if ocr_pages:
        ocr_chars = sum(meaningful_length(pages[index]) for index in ocr_pages)
        layer = "ocr" if ocr_chars * 2 > meaningful_length(text) else "text"
    return ReadResult(text=text, page_count=page_count, layer=layer, notes=notes)


def _has_ink(page, pdfium_c):
    paths = texts = 0
    for obj in page.get_objects(max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts += 1
        if paths >= MIN_INK_PATHS or texts >= MIN_INK_TEXT_OBJECTS:
            return True
    return False


def _tesseract():
    return shutil.which("tesseract")


def _recognise(document, indexes, texts, job, notes):
    """OCR the given pages in place in `texts`, within the page and time limits of the job.

    Returns the indexes of the pages whose text now comes from OCR.
    """
    if job.ocr_max_pages <= 0:
        notes.append(("ocr_skipped", len(indexes)))
        return set()
    tesseract = _tesseract()
    if not tesseract:
        notes.append(("ocr_unavailable", None))
        return set()
    selected = indexes[: job.ocr_max_pages]
    if len(selected) < len(indexes):
        notes.append(("ocr_page_limit", len(selected)))

    recognised = set()
    failed = 0
    started = time.monotonic()
    for index in selected:
        # Stop before the parent's deadline kills the worker: the pages read so far are kept.
        per_page = (time.monotonic() - started) / len(recognised) if recognised else 0
        remaining = job.remaining()
        if remaining < max(1.5 * per_page, 1.0):
            notes.append(("ocr_time_limit", len(recognised)))
            break
        image, dpi = _render_pgm(document[index])
        try:
            result = subprocess.run(  # noqa: S603 - fixed argv, the image goes through stdin
                [tesseract, "stdin", "stdout", "-l", OCR_LANGUAGE, "--dpi", str(dpi)],
                input=image,
                capture_output=True,
                timeout=remaining,
                check=False,
            )
        except subprocess.TimeoutExpired:
            notes.append(("ocr_time_limit", len(recognised)))
            break
        if result.returncode == 0:
            texts[index] = result.stdout.decode("utf-8", "replace")
            recognised.add(index)
        else:
            failed += 1
            error = result.stderr[-500:].decode(errors="replace")
            job.log(f"tesseract on page {index + 1}: {error}")
    if recognised:
        notes.append(("ocr_pages", len(recognised)))
    if failed:
        notes.append(("ocr_pages_failed", failed))
    return recognised


def _render_pgm(page):
    """The page as a greyscale PGM image, which Tesseract reads from a pipe without temp files."""
    try:
        width, height = page.get_size()
        scale = OCR_DPI / 72
        pixels = width * height * scale * scale
        if pixels > MAX_OCR_PIXELS:
            scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            data = bytes(bitmap.buffer)
            columns, rows, stride = bitmap.width, bitmap.height, bitmap.stride
        finally:
            bitmap.close()
    finally:
        page.close()
    if stride != columns:
        data = b"".join(data[row * stride : row * stride + columns] for row in range(rows))
    return b"P5\n%d %d\n255\n" % (columns, rows) + data, round(scale * 72)
