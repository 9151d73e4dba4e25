"""The ads listing: visible ads filtered by category, région and price, sorted by date or
price, a page at a time. Two queries whatever the number of ads (count and page)."""

from django.core.paginator import Paginator
from django.db.models import F

from .forms import AdFilterForm
from .models import ClassifiedAd

PAGE_SIZE = 20

ORDERINGS = {
    "newest": ["-published_at", "-pk"],
    "oldest": ["published_at", "pk"],
    # Ads without a price (people, skills) come after the priced ones.
    "price_asc": [F("price").asc(nulls_last=True), "-published_at", "-pk"],
    "price_desc": [F("price").desc(nulls_last=True), "-published_at", "-pk"],
}

LOOKUPS = {
    "category": "category",
    "region": "region",
    "price_min": "price__gte",
    "price_max": "price__lte",
}


class AdListing:
    def __init__(self, params):
        self.form = AdFilterForm(params or None)
        values = self.form.values() if params else {}
        self.sort = values.get("sort") or "newest"
        self.filters = {LOOKUPS[name]: value for name, value in values.items() if name in LOOKUPS}
        ads = ClassifiedAd.objects.visible().filter(**self.filters).order_by(*ORDERINGS[self.sort])
        self.paginator = Paginator(ads, PAGE_SIZE)
        self.page = self.paginator.get_page(params.get("page"))

    @property
    def ads(self):
        return self.page.object_list

    @property
    def is_filtered(self):
        return bool(self.filters)
