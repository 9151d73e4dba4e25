"""The check an uploaded document passes before it is stored: size, and content against name."""

import contextlib
import os

from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .sniff import ACCEPTED_CONTENT, KIND_BY_EXTENSION, detect_kind, extension_of

MEGABYTE = 1024 * 1024

# What a refused file turned out to be, for the message.
CONTENT_DESCRIPTIONS = {
    "pdf": _("a PDF document"),
    "docx": _("a Word document (.docx)"),
    "doc": _("a Word 97-2003 document (.doc)"),
    "odt": _("an OpenDocument text (.odt)"),
    "ods": _("an OpenDocument spreadsheet (.ods)"),
    "odp": _("an OpenDocument presentation (.odp)"),
    "xlsx": _("an Excel workbook (.xlsx)"),
    "xls": _("an Excel 97-2003 workbook (.xls)"),
    "pptx": _("a PowerPoint presentation (.pptx)"),
    "ppt": _("a PowerPoint 97-2003 presentation (.ppt)"),
    "ooxml-encrypted": _("a password-protected Office document"),
    "ole": _("a Microsoft Office 97-2003 file"),
    "rtf": _("an RTF document"),
    "zip": _("a ZIP archive"),
    "gzip": _("a compressed archive"),
    "7z": _("a compressed archive"),
    "rar": _("a compressed archive"),
    "png": _("an image"),
    "jpeg": _("an image"),
    "gif": _("an image"),
    "tiff": _("an image"),
    "webp": _("an image"),
    "executable": _("a program"),
    "text": _("a plain text file"),
    "binary": _("a binary file, not text"),
}
ACCEPTED_FORMATS = "PDF, DOCX, DOC, ODT, ODS, ODP, RTF, XLSX, PPTX, Markdown (.md), TXT"


class UploadRefused(Exception):
    """The upload cannot be accepted; `message` says why, to the user, in their language.

    `code` tells the reasons apart ("empty", "too_large", "mismatch", "unsupported"), e.g. for
    `ValidationError(error.message, code=error.code)` in a form.
    """

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self):
        return str(self.message)


def _format_lazily(message, **values):
    """`message % values`, translated only when displayed (in the reader's language)."""
    return lazy(lambda: str(message) % values, str)()


def _megabytes(size):
    value = size / MEGABYTE
    return lazy(lambda: number_format(value, 0 if value.is_integer() else 1), str)()


def check_upload(upload, filename, max_size):
    """The kind of an uploaded file ("pdf", "docx", "odt", "doc", "md", "txt", ...).

    upload: a Django UploadedFile (or any binary file object that can seek) or a path.
    Raises UploadRefused when the file is empty, larger than max_size bytes, of a format we do
    not extract, or when its content is not what its extension says. A file object is read in
    chunks and left at its start.
    """
    extension = extension_of(filename)
    expected = KIND_BY_EXTENSION.get(extension)
    if expected is None:
        raise UploadRefused(
            _format_lazily(
                _('The format ".%(extension)s" is not supported. Accepted formats: %(formats)s.')
                if extension
                else _(
                    "A file without an extension is not supported. Accepted formats: %(formats)s."
                ),
                extension=extension,
                formats=ACCEPTED_FORMATS,
            ),
            "unsupported",
        )
    with _opened(upload) as stream:
        size = _size(upload, stream)
        if size == 0:
            raise UploadRefused(_("The file is empty."), "empty")
        if size > max_size:
            raise UploadRefused(
                _format_lazily(
                    _("The file is too large (%(size)s MB): the limit is %(limit)s MB."),
                    size=_megabytes(size),
                    limit=_megabytes(max_size),
                ),
                "too_large",
            )
        try:
            content = detect_kind(stream)
        finally:
            stream.seek(0)
    if content not in ACCEPTED_CONTENT[expected]:
        raise UploadRefused(
            _format_lazily(
                _(
                    "The file's content does not match its extension .%(extension)s "
                    "(it is %(content)s)."
                ),
                extension=extension,
                content=CONTENT_DESCRIPTIONS.get(content, CONTENT_DESCRIPTIONS["binary"]),
            ),
            "mismatch",
        )
    return "rtf" if content == "rtf" else expected


@contextlib.contextmanager
def _opened(upload):
    if isinstance(upload, (str, os.PathLike)):
        with open(upload, "rb") as stream:
            yield stream
    else:
        upload.seek(0)
        try:
            yield upload
        finally:
            upload.seek(0)


def _size(upload, stream):
    size = getattr(upload, "size", None)
    if size is not None:
        return size
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size
