"""Files only a view may hand out (contribution attachments, PDFs of kits that may be
members-only): stored outside MEDIA_ROOT, so no web server serves them by URL. Several app
servers share PRIVATE_MEDIA_ROOT like they share MEDIA_ROOT."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    # A callable, so migrations record its name rather than a path of this machine.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
