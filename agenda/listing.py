"""The agenda's lists: upcoming or past published events, filtered by région, kind and
audience, paginated. Two queries whatever the number of events (count and page)."""

from django.core.paginator import Paginator

from .forms import EventFilterForm
from .models import Event

PAGE_SIZE = 20


class EventListing:
    def __init__(self, params, *, past=False):
        self.past = past
        self.form = EventFilterForm(params or None)
        self.filters = self.form.filters() if params else {}
        published = Event.objects.published().filter(**self.filters)
        events = published.past() if past else published.upcoming()
        self.paginator = Paginator(events, PAGE_SIZE)
        self.page = self.paginator.get_page(params.get("page"))

    @property
    def events(self):
        return self.page.object_list

    @property
    def is_filtered(self):
        return bool(self.filters)

    def feed_url(self):
        """The iCal feed matching the current filter, when there is one for it."""
        from .calendar import feed_url_for

        return feed_url_for(self.filters)
