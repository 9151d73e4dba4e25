"""RSS and Atom feeds of the public decisions.

Feed readers carry no session, and a feed may be forwarded: it lists only what an anonymous
visitor may read, whoever asks for it."""

from datetime import datetime, time

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.visibility import visible_pages

from .models import DecisionPage

FEED_SIZE = 50


def public_decisions(root):
    decisions = DecisionPage.objects.live().descendant_of(root)
    return visible_pages(decisions, AnonymousUser()).order_by("-decided_on", "-reference")


class DecisionRssFeed(Feed):
    def __init__(self, register_page):
        super().__init__()
        self.register_page = register_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Decisions of the movement")

    def link(self):
        return self.register_page.get_url(self.request)

    def description(self):
        return _("Resolutions adopted, rejected or postponed by the bodies of the movement.")

    def items(self):
        return public_decisions(self.register_page.decisions_root)[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.reference} — {item.title} ({item.get_status_display()})"

    def item_description(self, item):
        return strip_tags(item.text)

    def item_link(self, item):
        return item.permalink

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.permalink)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.decided_on, time(12)))

    def item_categories(self, item):
        return [item.get_status_display()]


class DecisionAtomFeed(DecisionRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
