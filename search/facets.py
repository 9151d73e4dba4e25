"""Facets of the search page: kind, theme, resource type, working group and year.

Filters are applied inside the engine query (content type, path, id, date ranges are indexed
FilterFields). Counts are computed from the matching results the reader may see (the first
FACET_DEPTH of each kind), so a restricted item is never counted.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

FACET_DEPTH = 300
PARAMS = ("kind", "theme", "type", "group", "year")
LABELS = {
    "kind": _("Kind"),
    "theme": _("Theme"),
    "type": _("Resource type"),
    "group": _("Working group"),
    "year": _("Year"),
}


@dataclass
class Choice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    param: str
    label: str
    choices: list


def read_filters(params):
    """The reader's facet choices, one value per facet, ignoring anything malformed."""
    filters = {}
    for param in PARAMS:
        value = str(params.get(param, "")).strip()[:100]
        if not value:
            continue
        if param in ("year", "group") and not value.isdigit():
            continue
        filters[param] = value
    return filters


def _page_ids_with(model_field_pairs):
    ids = set()
    for model, lookup, value in model_field_pairs:
        ids.update(model.objects.filter(**{lookup: value}).values_list("pk", flat=True))
    return ids


def filter_queryset(source, queryset, filters):
    """The source's queryset narrowed by the reader's choices, or None when this kind of
    record cannot match them (e.g. a theme filter excludes documents)."""
    from resources.models import QuestionPage, ResourcePage

    kind = filters.get("kind")
    if source.key != "page":  # documents and registered records: a kind of their own
        if any(param in filters for param in ("theme", "type", "group")):
            return None
        if kind and kind != source.key:
            return None
    else:
        if kind:  # "app.model" for a page type; another source's key matches no page
            app_label, _dot, model = kind.partition(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type is None:
                return None
            queryset = queryset.filter(content_type=content_type)
        if "group" in filters:
            group = Page.objects.filter(pk=filters["group"]).first()
            if group is None:
                return None
            queryset = queryset.filter(path__startswith=group.path)
        if "theme" in filters:
            ids = _page_ids_with(
                [
                    (ResourcePage, "themes__slug", filters["theme"]),
                    (QuestionPage, "themes__slug", filters["theme"]),
                ]
            )
            queryset = queryset.filter(id__in=list(ids) or [0])
        if "type" in filters:
            ids = _page_ids_with([(ResourcePage, "resource_type__slug", filters["type"])])
            queryset = queryset.filter(id__in=list(ids) or [0])
    if "year" in filters:
        year = int(filters["year"])
        start = timezone.make_aware(datetime.combine(datetime(year, 1, 1), time.min))
        end = timezone.make_aware(datetime.combine(datetime(year + 1, 1, 1), time.min))
        queryset = queryset.filter(
            **{f"{source.date_field}__gte": start, f"{source.date_field}__lt": end}
        )
    return queryset


def compute_facets(hits, filters):
    """Facets over the matching results (already limited to what the reader may see)."""
    from resources.models import QuestionPage, ResourcePage, Theme
    from workgroups.models import WorkingGroupPage

    pages = [hit.obj for hit in hits if isinstance(hit.obj, Page)]
    page_ids = [page.pk for page in pages]
    counts = {param: Counter() for param in PARAMS}
    labels = {param: {} for param in PARAMS}

    for page in pages:
        content_type = ContentType.objects.get_for_id(page.content_type_id)
        key = f"{content_type.app_label}.{content_type.model}"
        counts["kind"][key] += 1
        labels["kind"][key] = str(content_type.model_class()._meta.verbose_name).capitalize()
    for hit in hits:
        if hit.source.key != "page":
            counts["kind"][hit.source.key] += 1
            labels["kind"][hit.source.key] = str(hit.source.label).capitalize()

    for hit in hits:
        date = hit.source.date(hit.obj)
        if date:
            counts["year"][str(date.year)] += 1
            labels["year"][str(date.year)] = str(date.year)

    themes = Theme.objects.annotate(
        hits=sum((_theme_uses(model, page_ids) for model in (ResourcePage, QuestionPage)), Value(0))
    ).filter(hits__gt=0)
    counts["theme"] = Counter({theme.slug: theme.hits for theme in themes})
    labels["theme"] = {theme.slug: theme.name for theme in themes}

    for slug, name in ResourcePage.objects.filter(
        pk__in=page_ids, resource_type__isnull=False
    ).values_list("resource_type__slug", "resource_type__name"):
        counts["type"][slug] += 1
        labels["type"][slug] = name

    prefixes = {page.path[: WorkingGroupPage.steplen * 4] for page in pages}
    for group in WorkingGroupPage.objects.filter(path__in=prefixes).only("pk", "path", "title"):
        counts["group"][str(group.pk)] = sum(
            1 for page in pages if page.path.startswith(group.path)
        )
        labels["group"][str(group.pk)] = group.title

    facets = []
    for param in PARAMS:
        choices = [
            Choice(value, labels[param].get(value, value), count, filters.get(param) == value)
            for value, count in counts[param].items()
        ]
        if param == "year":
            choices.sort(key=lambda choice: choice.value, reverse=True)
        else:
            choices.sort(key=lambda choice: (-choice.count, choice.label))
        if choices:
            facets.append(Facet(param, LABELS[param], choices))
    return facets


def _theme_uses(model, page_ids):
    """How many of the pages use the theme (`model`'s themes), as a subquery of Theme: the
    themes of both page types and their names in one query."""
    through = model.themes.through
    uses = (
        through.objects.filter(
            theme_id=OuterRef("pk"), **{f"{model._meta.model_name}_id__in": page_ids}
        )
        .order_by()
        .values("theme_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(uses), Value(0))
