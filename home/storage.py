"""Files on the local disk. Private files (contribution attachments, PDFs of kits that may be
members-only) are stored outside MEDIA_ROOT, so no web server serves them by URL. Several app
servers share PRIVATE_MEDIA_ROOT like they share MEDIA_ROOT."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class SafeFileSystemStorage(FileSystemStorage):
    """Django's FileSystemStorage, except that a write that fails (a full disk) leaves no
    partial file behind: the error goes on to the view (home.faults shows a clear page)."""

    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError:
            # Django creates the file exclusively (O_EXCL): if it is there now and was not
            # before, this write made it, and it is incomplete.
            if not existed and os.path.lexists(full_path):
                os.remove(full_path)
            raise


def private_storage():
    # A callable, so migrations record its name rather than a path of this machine.
    if s3 := getattr(settings, "PRIVATE_MEDIA_STORAGE", None):  # production with MEDIA_S3_BUCKET
        return storages.create_storage(s3)
    return SafeFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
