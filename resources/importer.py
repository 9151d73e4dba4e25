"""Bulk import of a folder of documents into the resource centre.

Each file is checked like an upload, fingerprinted (SHA-256: a file already imported is a
duplicate, so a second run creates nothing), extracted in an isolated child process and
stored with, unless told otherwise, one published resource page. A file that fails anywhere
leaves nothing behind: no document row, no page, no stored file.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection

from .extraction import UploadRefused, check_upload, extract_file
from .models import (
    ExtractionStatus,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourcePageDocument,
)
from .models.documents import sha256_of

IMPORTED, DUPLICATE, REFUSED, FAILED = "imported", "duplicate", "refused", "failed"
SUMMARY_LENGTH = 400


@dataclass
class Outcome:
    path: Path
    status: str
    reason: str = ""
    document: ResourceDocument | None = None
    extraction: str = ""


@dataclass
class ImportReport:
    outcomes: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    def with_status(self, *statuses):
        return [outcome for outcome in self.outcomes if outcome.status in statuses]


def files_under(root):
    root = Path(root)
    if root.is_file():
        return [root]
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def title_for(path, text=""):
    """A readable title: a Markdown document's own heading, else the file name tidied up."""
    if path.suffix.lower() == ".md":
        front_matter = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", text[:2000], re.MULTILINE)
        heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
        for match in (front_matter, heading):
            if match and match.group(1).strip():
                return match.group(1).strip()[:255]
    stem = path.name
    while Path(stem).suffix and len(Path(stem).suffix) <= 5:
        stem = Path(stem).stem
    words = re.sub(r"[_\s]+", " ", stem).strip(" -")
    return (words[:1].upper() + words[1:])[:255] or path.name[:255]


def summary_for(text):
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= SUMMARY_LENGTH:
        return text
    cut = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0]
    return f"{cut}…"


def unique_slug(parent, title):
    base = slugify(title)[:70] or "ressource"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class ResourceImporter:
    def __init__(
        self,
        *,
        collection=None,
        index_page=None,
        dry_run=False,
        documents_only=False,
        extractor=None,
    ):
        """extractor: a `resources.extraction.Extractor` to reuse one sandboxed worker across
        files (much faster than a new child per file); without it each file gets its own."""
        self.extractor = extractor
        self.collection = collection or Collection.get_first_root_node()
        self.index_page = index_page
        self.dry_run = dry_run
        self.documents_only = documents_only
        self.known_hashes = {}

    @classmethod
    def for_names(cls, collection_name=None, **kwargs):
        collection = None
        if collection_name:
            root = Collection.get_first_root_node()
            collection = root.get_children().filter(name=collection_name).first()
            if collection is None and not kwargs.get("dry_run"):
                collection = root.add_child(name=collection_name)
        index_page = None
        if not kwargs.get("documents_only"):
            index_page = ResourceIndexPage.objects.live().first()
        return cls(collection=collection, index_page=index_page, **kwargs)

    def import_path(self, path):
        path = Path(path)
        try:
            with path.open("rb") as source:
                kind = check_upload(source, path.name, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
                sha256 = sha256_of(source)
        except UploadRefused as refusal:
            return Outcome(path, REFUSED, str(refusal.message))
        except OSError as error:
            return Outcome(
                path, FAILED, _("Unreadable file: %(error)s") % {"error": error.strerror}
            )

        existing = (
            self.known_hashes.get(sha256) or ResourceDocument.objects.filter(sha256=sha256).first()
        )
        if existing is not None:
            self.known_hashes[sha256] = existing
            return Outcome(
                path,
                DUPLICATE,
                _("Same file as “%(title)s”.") % {"title": existing.title},
                existing,
            )
        if self.dry_run:
            self.known_hashes[sha256] = ResourceDocument(title=path.name)
            return Outcome(path, IMPORTED, _("Would be imported (dry run)."))

        extraction = extract_file(
            path,
            filename=path.name,
            timeout=settings.EXTRACTION_TIMEOUT,
            memory_mb=settings.EXTRACTION_MEMORY_MB,
            ocr_max_pages=settings.EXTRACTION_OCR_MAX_PAGES,
        )
        document = self._store(path, kind, sha256, extraction)
        self.known_hashes[sha256] = document
        status = IMPORTED if extraction.status != ExtractionStatus.FAILED else FAILED
        return Outcome(path, status, str(extraction.reason), document, extraction.status)

    def _store(self, path, kind, sha256, extraction):
        title = title_for(path, extraction.text)
        document = ResourceDocument(
            title=title,
            collection=self.collection,
            file_format=kind,
            sha256=sha256,
            extraction_status=extraction.status,
            extraction_reason=str(extraction.reason)[:300],
            extracted_text=extraction.text if extraction.status == ExtractionStatus.DONE else "",
            language=extraction.language,
            page_count=extraction.page_count,
            text_layer=extraction.layer,
            extracted_at=timezone.now(),
        )
        with path.open("rb") as source:
            document.file.save(path.name, File(source, name=path.name), save=False)
        try:
            with transaction.atomic():
                document.file_size = document.file.size
                document._set_file_hash()
                document.save()
                if self.index_page is not None:
                    self._create_page(document, extraction)
        except BaseException:
            document.file.storage.delete(document.file.name)  # no orphan file
            raise
        return document

    def _create_page(self, document, extraction):
        page = ResourcePage(
            title=document.title,
            slug=unique_slug(self.index_page, document.title),
            summary=summary_for(extraction.text)
            if extraction.status == ExtractionStatus.DONE
            else "",
        )
        page.attachments = [ResourcePageDocument(document=document)]
        self.index_page.add_child(instance=page)
        page.save_revision().publish()
        return page
