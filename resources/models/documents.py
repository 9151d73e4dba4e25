"""The resource centre's document model: the file plus the text extracted from it."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Text extracted")
    EMPTY = "empty", _("No text")
    PROTECTED = "protected", _("Protected")
    FAILED = "failed", _("Failed")


class TextLayer(models.TextChoices):
    NONE = "", _("None")
    TEXT = "text", _("Text layer")
    OCR = "ocr", _("Optical character recognition")


def sha256_of(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


class ResourceDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)
    file_format = models.CharField(_("format"), max_length=10, blank=True, db_index=True)
    sha256 = models.CharField(
        _("SHA-256"), max_length=64, blank=True, db_index=True, editable=False
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extraction_status = models.CharField(
        _("extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        db_index=True,
        editable=False,
    )
    extraction_reason = models.CharField(
        _("extraction note"), max_length=300, blank=True, editable=False
    )
    text_layer = models.CharField(
        _("text layer"), max_length=4, choices=TextLayer.choices, blank=True, editable=False
    )
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "description")

    # Attachment text weighs less than titles and page bodies.
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description", boost=2),
        index.SearchField("extracted_text", boost=0.5),
        index.FilterField("extraction_status"),
        index.FilterField("file_format"),
        index.FilterField("collection"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def _set_document_file_metadata(self):
        """Called by every upload path of Wagtail's admin when the file changes: fingerprint
        the new file and queue its text for extraction."""
        super()._set_document_file_metadata()
        self.sha256 = sha256_of(self.file)
        self.reset_extraction()

    def reset_extraction(self):
        self.extraction_status = ExtractionStatus.PENDING
        self.extraction_reason = ""
        self.extracted_text = ""
        self.text_layer = TextLayer.NONE
        self.page_count = None
        self.language = ""
        self.extracted_at = None

    @property
    def text_excerpt(self):
        return self.extracted_text[:1200]
