from django.db.models.signals import post_save

from .models import ExtractionStatus, ResourceDocument
from .tasks import extract_document_text


def queue_extraction(sender, instance, raw=False, update_fields=None, **kwargs):
    """A new or replaced file waits in the task queue for extraction; never in the request."""
    if raw or instance.extraction_status != ExtractionStatus.PENDING:
        return
    if update_fields is not None and "file" not in update_fields:
        return
    extract_document_text.enqueue(instance.pk)


def register():
    post_save.connect(queue_extraction, sender=ResourceDocument)
