"""What the editor reads about an extraction: the worker sends codes, this turns them into words.

The worker never imports Django; the sentences are translated here, in the caller's process.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Why a file gave no text (status "empty", "protected" or "failed").
REASONS = {
    "empty_file": _("The file is empty."),
    "no_text": _("No text was found in the document."),
    "scanned_not_recognised": _(
        "The document is a scan without a text layer, and text recognition (OCR) was not run."
    ),
    "password": _("The document is protected by a password."),
    "pdf_security": _("The PDF is protected by an encryption method that cannot be opened."),
    "pdf_damaged": _("The PDF is truncated or damaged."),
    "damaged": _("The file is damaged or could not be read."),
    "too_big": _("The document is too large to be read once decompressed."),
    "unsupported": _("Unsupported file format."),
    "missing": _("The file could not be found."),
    "timeout": _("The extraction took longer than allowed."),
    "memory": _("The extraction used more memory than allowed."),
    "crashed": _("The extraction stopped unexpectedly; the file may be damaged."),
    "ocr_unavailable": _("Text recognition (OCR) is not available on this server."),
    "ocr_failed": _("Text recognition (OCR) failed on this document."),
    "server_error": _("The extraction failed because of a problem on the server."),
    "doc_unavailable": _("Word 97-2003 (.doc) files cannot be read on this server."),
}

# Remarks about a successful extraction; plural forms are chosen from the "count" they are
# formatted with.
NOTES = {
    "pdf_encrypted": _("The PDF is encrypted without an opening password; its text was read."),
    "pdf_pages_unreadable": ngettext_lazy(
        "%(count)s page could not be read.",
        "%(count)s pages could not be read.",
        "count",
    ),
    "ocr_pages": ngettext_lazy(
        "Text recognised by OCR on %(count)s page.",
        "Text recognised by OCR on %(count)s pages.",
        "count",
    ),
    "ocr_page_limit": ngettext_lazy(
        "OCR was limited to the first page without text.",
        "OCR was limited to the first %(count)s pages without text.",
        "count",
    ),
    "ocr_time_limit": ngettext_lazy(
        "OCR stopped after %(count)s page to stay within the time limit.",
        "OCR stopped after %(count)s pages to stay within the time limit.",
        "count",
    ),
    "ocr_pages_failed": ngettext_lazy(
        "OCR failed on %(count)s page.",
        "OCR failed on %(count)s pages.",
        "count",
    ),
    "ocr_skipped": ngettext_lazy(
        "%(count)s page has no text layer and was not recognised (OCR disabled).",
        "%(count)s pages have no text layer and were not recognised (OCR disabled).",
        "count",
    ),
    "ocr_unavailable": _("Text recognition (OCR) is not available on this server."),
    "text_truncated": _("The text was cut at %(count)s characters."),
}


def reason(code):
    """The sentence for a reason code, in the active language."""
    return str(REASONS.get(code, REASONS["damaged"]))


def note(code, count=None):
    """The sentence for a note code and its count, in the active language."""
    message = NOTES.get(code)
    if message is None:
        return ""
    if count is None:
        return str(message)
    return str(message % {"count": count})
