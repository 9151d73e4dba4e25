from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm


class ResourceDocumentForm(BaseDocumentForm):
    """Every document upload in the admin (single or multiple) goes through this check:
    empty, oversized, unsupported or disguised files are refused with a clear message, and the
    document's earlier file stays as it was."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            from resources.extraction import UploadRefused, check_upload

            try:
                self.instance.file_format = check_upload(
                    file, file.name, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
                )
            except UploadRefused as refusal:
                raise ValidationError(refusal.message, code="refused") from refusal
        return file
