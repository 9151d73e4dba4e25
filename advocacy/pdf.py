"""Server-side PDF of an advocacy kit, rendered by WeasyPrint with the print stylesheet.

One file per published revision, kept in the private storage (`home.storage`): the first
download of a new revision renders it (a second or two), later ones are served from storage.
Publishing or unpublishing the page removes the files of older revisions
(`advocacy.signal_handlers`).
WeasyPrint is not allowed to fetch anything but `data:` URLs, so a kit cannot make the server
request an address."""

import logging

from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

logger = logging.getLogger(__name__)

PDF_DIR = "advocacy/pdf"
PRINT_STYLESHEET = "css/kit-print.css"


def _storage():
    # Outside MEDIA_ROOT: a members-only kit's PDF is handed out by its route only.
    from home.storage import private_storage

    return private_storage()


def pdf_name(page):
    # The revision's time joins its id, so a database rebuilt beside old media files never
    # serves a PDF of another page that happened to get the same ids.
    # Pages created in code may be live without a revision: their publication time is used.
    published = page.live_revision.created_at if page.live_revision_id else page.last_published_at
    stamp = int(published.timestamp()) if published else 0
    return f"{PDF_DIR}/kit-{page.pk}-rev{page.live_revision_id or 0}-{stamp}.pdf"


def _render_request(page):
    """An anonymous request for the page's own site: block templates get absolute links and
    show what any reader of the PDF may open."""
    site = page.get_site()
    host = site.hostname if site else "localhost"
    if site and site.port not in (80, 443):
        host = f"{host}:{site.port}"
    request = RequestFactory().get(
        page.url or "/", HTTP_HOST=host, secure=site and site.port == 443
    )
    request.user = AnonymousUser()
    return request


def render_pdf(page):
    """The PDF bytes of the page as it is published now."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    request = _render_request(page)
    with translation.override(page.locale.language_code if page.locale_id else None):
        html = render_to_string(
            "advocacy/advocacy_kit_pdf.html",
            {"page": page, "self": page, "request": request},
            request=request,
        )
    fetcher = URLFetcher(allowed_protocols={"data"})
    stylesheet = CSS(filename=finders.find(PRINT_STYLESHEET), url_fetcher=fetcher)
    return HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher
    ).write_pdf(stylesheets=[stylesheet])


def kit_pdf(page):
    """An open file of the PDF of the published revision, rendered if not yet stored."""
    name = pdf_name(page)
    if not _storage().exists(name):
        data = render_pdf(page)
        saved = _storage().save(name, ContentFile(data))
        if saved != name:  # rendered at the same time by another request
            _storage().delete(saved)
    return _storage().open(name, "rb")


def stored_pdfs(page):
    try:
        _dirs, files = _storage().listdir(PDF_DIR)
    except FileNotFoundError:
        return []
    prefix = f"kit-{page.pk}-rev"
    return [f"{PDF_DIR}/{name}" for name in files if name.startswith(prefix)]


def purge_pdfs(page, keep_current=True):
    """Remove the stored PDFs of the page's older revisions (all of them if unpublished)."""
    current = pdf_name(page) if keep_current and page.live else None
    for name in stored_pdfs(page):
        if name != current:
            _storage().delete(name)
