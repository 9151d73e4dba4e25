"""What a file really is, from its bytes rather than its name.

Standard library only: the extraction worker imports it for every file, and so does the upload
check in the web process.
"""

import codecs
import zipfile
from pathlib import PurePath

# The kinds this engine extracts text from, by file extension.
KIND_BY_EXTENSION = {
    "pdf": "pdf",
    "docx": "docx",
    "doc": "doc",
    "odt": "odt",
    "ods": "ods",
    "odp": "odp",
    "rtf": "rtf",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "md": "md",
    "markdown": "md",
    "txt": "txt",
}
TEXT_KINDS = {"md", "txt"}

# Content kinds (what `detect_kind` returns) that each expected kind accepts. Word itself saves
# RTF under a .doc name, and a password-protected DOCX/XLSX/PPTX is an OLE container: both are
# what the user meant to upload, so they pass here and the extraction says what it found.
ACCEPTED_CONTENT = {
    "pdf": {"pdf"},
    "docx": {"docx", "ooxml-encrypted"},
    "xlsx": {"xlsx", "ooxml-encrypted"},
    "pptx": {"pptx", "ooxml-encrypted"},
    "doc": {"doc", "rtf"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "rtf": {"rtf"},
    "md": {"text"},
    "txt": {"text"},
}

HEAD_SIZE = 8192
TEXT_SAMPLE_SIZE = 512 * 1024
CHUNK_SIZE = 1024 * 1024
# A ZIP with more entries than this is no office document we know; it is not worth listing.
MAX_ZIP_ENTRIES = 50_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE directory entries store stream names in UTF-16LE; finding them tells OLE files apart.
OLE_STREAMS = [
    ("EncryptedPackage".encode("utf-16-le"), "ooxml-encrypted"),
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
]
OPENDOCUMENT_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.text-template": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.spreadsheet-template": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/vnd.oasis.opendocument.presentation-template": "odp",
}
OOXML_MAIN_PARTS = [
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
]
# Other signatures, only to tell the user what a refused file is.
OTHER_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"MZ", "executable"),
    (b"\x7fELF", "executable"),
]

# Bytes that never occur in real text (controls other than tab, newline, form feed, carriage
# return and escape, plus the five bytes cp1252 leaves undefined).
_BINARY_BYTES = bytes([*range(0, 8), 11, *range(14, 27), *range(28, 32), 127])
_CP1252_UNDEFINED = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
# A real text file has almost no such byte; a binary one has around one in ten.
_MAX_BINARY_RATIO = 0.01


def extension_of(name):
    """The lower-case last extension, without its dot ("" when there is none)."""
    return PurePath(str(name)).suffix.lower().lstrip(".")


def detect_kind(fileobj):
    """The kind of the bytes of a readable, seekable binary file, read from where it starts.

    One of the supported kinds ("pdf", "docx", "odt", ...), "text" for plain text, or a kind
    this engine does not read ("zip", "ole", "xls", "png", "binary", ...). Leaves the file at an
    undefined position: callers seek back.
    """
    fileobj.seek(0)
    head = fileobj.read(HEAD_SIZE)
    if not head:
        return "empty"
    # The PDF header may follow some junk; PDF readers accept it within the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(fileobj)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(fileobj)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    for signature, kind in OTHER_SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    fileobj.seek(0)
    if is_text(fileobj.read(TEXT_SAMPLE_SIZE)):
        return "text"
    return "binary"


def is_text(sample):
    """Whether bytes look like text in UTF-8/16 or a Western single-byte encoding."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if not sample or b"\x00" in sample:
        return False
    binary = sum(sample.count(byte) for byte in _BINARY_BYTES)
    try:
        # The sample may end inside a multi-byte character: let the decoder keep it pending.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        binary += sum(sample.count(byte) for byte in _CP1252_UNDEFINED)
    return binary <= len(sample) * _MAX_BINARY_RATIO


def _zip_kind(fileobj):
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                return "zip"
            names = {info.filename for info in infos}
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                kind = OPENDOCUMENT_MIMETYPES.get(archive.read("mimetype").strip())
                if kind:
                    return kind
            if "[Content_Types].xml" in names:
                for part, kind in OOXML_MAIN_PARTS:
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return "zip"
    return "zip"


def _ole_kind(fileobj):
    """Tell Word, Excel and encrypted OOXML apart by the stream names in the OLE directory."""
    overlap = max(len(pattern) for pattern, _ in OLE_STREAMS)
    found = set()
    previous = b""
    fileobj.seek(0)
    while chunk := fileobj.read(CHUNK_SIZE):
        window = previous + chunk
        found.update(kind for pattern, kind in OLE_STREAMS if pattern in window)
        previous = window[-overlap:]
    for _, kind in OLE_STREAMS:
        if kind in found:
            return kind
    return "ole"
