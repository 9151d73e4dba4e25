"""The maps of the shared tools (projects, partners): one data format, one template
(`includes/map.html`) and one script (`static/js/map.js`, on Leaflet from the npm registry).

The data endpoint answers with one compact JSON document read in a single query:
    {"count": 2, "url": "/projets/{id}/", "categories": [["idea", "Idée"], ...],
     "points": [[id, latitude, longitude, "name", category index], ...]}
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language

PRECISION = 5  # decimal places kept: about a metre
MAP_CACHE_SECONDS = 3600
_SENTINEL = 987654321


@dataclass
class MapConfig:
    """What `includes/map.html` needs to draw a map."""

    data_url: str
    label: str  # the accessible name of the map region
    categories: list  # [(value, label)], the legend, in the colours' order

    @property
    def tile_url(self):
        return settings.MAP_TILE_URL

    @property
    def tile_attribution(self):
        return settings.MAP_TILE_ATTRIBUTION

    @property
    def legend(self):
        return [(index, label) for index, (_value, label) in enumerate(self.categories)]


def detail_url_template(viewname):
    """The detail URL of any record, with "{id}" where its primary key goes."""
    return reverse(viewname, args=[_SENTINEL]).replace(str(_SENTINEL), "{id}")


def map_points(queryset, category_field, categories):
    """[id, lat, lon, name, category index] for every record of `queryset` that has
    coordinates, in one query."""
    positions = {value: index for index, (value, _label) in enumerate(categories)}
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by()
        .values_list("pk", "latitude", "longitude", "name", category_field)
    )
    return [
        [pk, round(lat, PRECISION), round(lon, PRECISION), name, positions.get(category, -1)]
        for pk, lat, lon, name, category in rows
    ]


def map_response(queryset, *, category_field, categories, detail_viewname):
    """The map's JSON for `queryset`. Kept in the cache under the query and the state of its
    rows (how many, last change), so thousands of points are read and encoded once per change,
    and a changed, added or removed record is on the next map at once."""
    try:
        query = str(queryset.query)
    except EmptyResultSet:  # a filter that matches nothing: nothing to keep
        query = None
    key = body = None
    if query:
        state = queryset.aggregate(rows=Count("pk"), changed=Max("updated_at"))
        # The legend's labels are in the reader's language.
        version = f"{query}|{state['rows']}|{state['changed']}|{get_language()}"
        key = f"map:{hashlib.sha256(version.encode()).hexdigest()}"
        body = cache.get(key)
    if body is None:
        points = map_points(queryset, category_field, categories)
        body = json.dumps(
            {
                "count": len(points),
                "url": detail_url_template(detail_viewname),
                "categories": [[value, str(label)] for value, label in categories],
                "points": points,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        if key:
            cache.set(key, body, MAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/json")
