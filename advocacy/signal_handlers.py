from wagtail.signals import page_published, page_unpublished

from .models import AdvocacyKitPage
from .pdf import purge_pdfs


def forget_old_pdfs(sender, instance, **kwargs):
    """A new published revision gets a new PDF on its first download; older files go."""
    purge_pdfs(instance, keep_current=True)


def forget_all_pdfs(sender, instance, **kwargs):
    purge_pdfs(instance, keep_current=False)


def register():
    page_published.connect(forget_old_pdfs, sender=AdvocacyKitPage, dispatch_uid="advocacy-pdf")
    page_unpublished.connect(
        forget_all_pdfs, sender=AdvocacyKitPage, dispatch_uid="advocacy-pdf-unpublish"
    )
