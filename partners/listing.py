"""The directory's filters, read from the query string and applied to what the reader may see:
the listing, the map's data and the search start from `permissions.visible_partners`."""

from urllib.parse import urlencode

from django.db.models import Count, Q

from .forms import PartnerFilterForm
from .models import PartnerRegion
from .permissions import is_partners_editor, visible_partners

PARAMS = ("q", "kind", "region", "sort", "status")


class PartnerFilters:
    def __init__(self, request):
        params = request.GET
        self.editor = is_partners_editor(request.user)
        present = any(params.get(name) for name in PARAMS)
        self.form = PartnerFilterForm(params if present else None, editor=self.editor)
        self.values = {}
        if present:
            self.form.is_valid()
            self.values = {name: value for name, value in self.form.cleaned_data.items() if value}
        self.base = visible_partners(request.user)

    @property
    def is_filtered(self):
        return any(name != "sort" for name in self.values)

    @property
    def querystring(self):
        return urlencode({k: v for k, v in self.values.items() if k != "sort"})

    def queryset(self):
        queryset, values = self.base, self.values
        if "q" in values:
            text = values["q"]
            queryset = queryset.filter(
                Q(name__icontains=text) | Q(services__icontains=text) | Q(commune__icontains=text)
            )
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "region" in values:
            in_region = PartnerRegion.objects.filter(region=values["region"]).values("partner_id")
            queryset = queryset.filter(Q(pk__in=in_region) | Q(national=True))
        if values.get("status") == "vetted":
            queryset = queryset.filter(vetted=True)
        elif values.get("status") == "unvetted":
            queryset = queryset.filter(vetted=False)
        return queryset

    def listing(self):
        """The filtered partners with their recommendation count and régions, in the chosen
        order; the number of queries does not depend on the number of partners."""
        queryset = self.queryset().annotate(recommendation_count=Count("recommendations"))
        if self.values.get("sort") == "recommended":
            queryset = queryset.order_by("-recommendation_count", "name", "pk")
        else:
            queryset = queryset.order_by("name", "pk")
        return queryset.prefetch_related("regions")
