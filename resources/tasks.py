import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model

from .models import ExtractionStatus

EXTRACTION_FIELDS = [
    "extraction_status",
    "extraction_reason",
    "extracted_text",
    "language",
    "page_count",
    "text_layer",
    "extracted_at",
    "sha256",
]


@contextmanager
def local_copy(document):
    """A path to the document's bytes: the file itself on local storage, a temporary copy
    otherwise (S3-compatible storage)."""
    if document.is_stored_locally():
        yield Path(document.file.path)
        return
    suffix = Path(document.file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy, document.open_file() as source:
        shutil.copyfileobj(source, copy)
        copy.flush()
        yield Path(copy.name)


def extract_document(document):
    """Extract the document's text in an isolated child process and store the outcome."""
    from .extraction import extract_file

    with local_copy(document) as path:
        result = extract_file(
            path,
            filename=document.file.name,
            timeout=settings.EXTRACTION_TIMEOUT,
            memory_mb=settings.EXTRACTION_MEMORY_MB,
            ocr_max_pages=settings.EXTRACTION_OCR_MAX_PAGES,
        )
    document.extraction_status = result.status
    document.extraction_reason = str(result.reason)[:300]
    document.extracted_text = result.text if result.status == ExtractionStatus.DONE else ""
    document.language = result.language
    document.page_count = result.page_count
    document.text_layer = result.layer
    document.sha256 = result.sha256
    document.extracted_at = timezone.now()
    # update_fields: an editor's concurrent change to the title or tags is kept.
    document.save(update_fields=EXTRACTION_FIELDS)
    return result


@task()
def extract_document_text(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None and document.file:
        extract_document(document)
