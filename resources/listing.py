"""The resource centre's listing: facets, sort and pagination over what the reader may see.

Within one facet, choices add up (theme A or B); across facets they narrow (theme A and type
guide). Each facet's counts ignore that facet's own choice, so a reader sees how many
resources each other choice would give. The number of queries does not depend on the number
of resources.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from home.visibility import visible_pages
from search.facets import Choice, Facet

from .models import ResourcePage

PAGE_SIZE = 20


def _resources_with(field, values):
    return ResourcePage.objects.filter(**{f"{field}__in": values}).values("pk")


# param -> (label, lookup used to filter, value/label fields for the counts)
FACETS = {
    "theme": (_("Theme"), "themes__slug", ("themes__slug", "themes__name")),
    "type": (
        _("Resource type"),
        "resource_type__slug",
        ("resource_type__slug", "resource_type__name"),
    ),
    "format": (
        _("Format"),
        "attachments__document__file_format",
        ("attachments__document__file_format", "attachments__document__file_format"),
    ),
    "region": (_("Region"), "regions__slug", ("regions__slug", "regions__name")),
    "year": (_("Year"), "publication_year", ("publication_year", "publication_year")),
}

SORTS = {
    "recent": (_("Newest first"), ["-date", "-first_published_at", "title"]),
    "title": (_("Title (A to Z)"), ["title"]),
}


class ResourceListing:
    def __init__(self, index_page, request):
        params = request.GET
        self.selected = {
            param: [value for value in params.getlist(param) if value][:20] for param in FACETS
        }
        self.sort = params.get("sort") if params.get("sort") in SORTS else "recent"
        base = (
            ResourcePage.objects.child_of(index_page)
            .live()
            .annotate(publication_year=ExtractYear("date"))
        )
        self.base = visible_pages(base, request.user)
        results = self._filtered(exclude=None).order_by(*SORTS[self.sort][1])
        self.paginator = Paginator(results, PAGE_SIZE)
        self.page = self._page(params.get("page"))
        self.facets = [self._facet(param) for param in FACETS]

    @property
    def sorts(self):
        return [(key, label, key == self.sort) for key, (label, _order) in SORTS.items()]

    @property
    def resources(self):
        return self.page.object_list.select_related("resource_type").prefetch_related(
            "themes", "regions", "attachments__document"
        )

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def _filtered(self, exclude):
        queryset = self.base
        for param, values in self.selected.items():
            if param == exclude or not values:
                continue
            lookup = FACETS[param][1]
            if param == "year":
                years = [int(value) for value in values if value.isdigit()]
                queryset = queryset.filter(publication_year__in=years)
            else:
                queryset = queryset.filter(pk__in=_resources_with(lookup, values))
        return queryset

    def _page(self, number):
        try:
            return self.paginator.page(number or 1)
        except PageNotAnInteger:
            return self.paginator.page(1)
        except EmptyPage:
            return self.paginator.page(self.paginator.num_pages)

    def _facet(self, param):
        label, _lookup, (value_field, label_field) = FACETS[param]
        fields = (value_field,) if value_field == label_field else (value_field, label_field)
        rows = (
            self._filtered(exclude=param)
            .order_by()
            .values(*fields)
            .annotate(count=Count("pk", distinct=True))
            .filter(**{f"{value_field}__isnull": False})
        )
        selected = self.selected[param]
        choices = [
            Choice(
                value=str(row[value_field]),
                label=self._choice_label(param, row[label_field]),
                count=row["count"],
                selected=str(row[value_field]) in selected,
            )
            for row in rows
            if row[value_field] != ""
        ]
        if param == "year":
            choices.sort(key=lambda choice: choice.value, reverse=True)
        else:
            choices.sort(key=lambda choice: str(choice.label).lower())
        return Facet(param=param, label=label, choices=choices)

    @staticmethod
    def _choice_label(param, value):
        return str(value).upper() if param == "format" else str(value)
