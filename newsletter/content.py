"""What an issue shows: its chosen items that anyone may read, with a title, a summary and an
absolute link. The email and the archive both go through `public_entries`, so a restricted
page or document, an unpublished page or an unpublished event never appears in either, even
if it was chosen (or became restricted after the issue was sent)."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from agenda.models import Event
from home.mail import absolute_url
from home.visibility import visible_documents, visible_pages

SUMMARY_WORDS = 60
KIND_LABELS = {"page": _("Page"), "event": _("Event"), "document": _("Document")}


@dataclass(frozen=True)
class Entry:
    kind: str
    title: str
    summary: str
    url: str
    detail: str = ""  # an event's date and place

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def _short(text):
    return Truncator(" ".join(strip_tags(text or "").split())).words(SUMMARY_WORDS)


def _page_summary(page):
    for field in ("search_description", "summary", "intro"):
        text = _short(getattr(page, field, ""))
        if text:
            return text
    return ""


def _page_entry(page):
    url = page.get_url()
    if not url:  # not routable (outside the site, or under an unpublished page)
        return None
    return Entry("page", page.title, _page_summary(page), absolute_url(url))


def _event_entry(event):
    detail = formats.date_format(event.local_starts_at, "j F Y")
    place = event.place or event.region_name
    if place:
        detail = f"{detail} · {place}"
    url = absolute_url(event.get_absolute_url())
    return Entry("event", event.title, _short(event.summary), url, detail)


def _document_entry(document):
    url = absolute_url(reverse("resources:document_detail", args=[document.pk]))
    return Entry("document", document.title, _short(document.description), url)


def _chosen_ids(issue):
    """(kind, id) of each item in order, read from the stored data: no query per item."""
    chosen = []
    for item in issue.items.raw_data:
        if item.get("value"):
            chosen.append((item["type"], item["value"]))
    return chosen


def resolve(issue):
    """(entries anyone may read, in the editor's order; titles of the items left out)."""
    chosen = _chosen_ids(issue)
    ids = {kind: [pk for k, pk in chosen if k == kind] for kind in KIND_LABELS}
    anonymous = AnonymousUser()
    pages = visible_pages(Page.objects.live().filter(pk__in=ids["page"]), anonymous)
    public = {
        "page": {page.pk: page for page in pages.specific()},
        "event": Event.objects.published().in_bulk(ids["event"]),
        "document": visible_documents(
            get_document_model().objects.filter(pk__in=ids["document"]), anonymous
        ).in_bulk(),
    }
    builders = {"page": _page_entry, "event": _event_entry, "document": _document_entry}
    entries, left_out, seen = [], [], set()
    for kind, pk in chosen:
        if (kind, pk) in seen:
            continue
        seen.add((kind, pk))
        item = public[kind].get(pk)
        entry = builders[kind](item) if item is not None else None
        if entry is None:
            left_out.append((kind, pk))
        else:
            entries.append(entry)
    return entries, _titles(left_out)


def public_entries(issue):
    return resolve(issue)[0]


def _titles(left_out):
    """Titles of the left-out items, for the editors' preview only (never in an email)."""
    models = {"page": Page, "event": Event, "document": get_document_model()}
    titles = []
    for kind, pk in left_out:
        item = models[kind].objects.filter(pk=pk).first()
        titles.append(str(item) if item is not None else _("(deleted item)"))
    return titles
