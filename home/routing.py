"""Finding the page a URL addresses in two queries, whatever its depth.

Wagtail walks the page tree one level at a time, reading each child and then its specific
type: two queries per level, plus the active locale. Every page keeps its whole address from
the site's root in `url_path`, so the pages along a URL are read at once (by their slugs, which
are indexed) and only the page served is read again with its specific type. Page types that
route by themselves take over exactly where Wagtail would hand them the rest of the path: a
routable page when one of its own routes matches, any other override of `route` always. Where
this shortcut does not find a page, Wagtail's own routing decides (and answers the 404).

The result is what `Page.route_for_request` returns; Wagtail's view reads it from the request
(`request._wagtail_route_for_request`, where Wagtail itself keeps it).
"""

from django.conf import settings
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from home.locales import active_locale


def route(request, path):
    """`Page.route_for_request(request, path)`, in fewer queries."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return route_from(request, localized_root(site), path)


def route_from(request, root, path):
    """The route of `path` below `root` (a page of any type), or None for a 404."""
    components = [component for component in path.split("/") if component]
    try:
        return _walk(request, root, components)
    except Http404:
        return None


def localized_root(site):
    """`site.root_page.localized`: its live translation in the active language, if any."""
    root = site.root_page
    locale = active_locale()
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or locale is None:
        return root
    if locale.pk == root.locale_id:
        return root
    translation = root.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else root


def ancestors(page):
    """The page's ancestors below the tree's root, from the route when the page was routed
    here (no query), else from the database."""
    known = getattr(page, "_route_ancestors", None)
    if known is not None:
        return known
    return list(page.get_ancestors().filter(depth__gt=1))


def _walk(request, root, components):
    prefixes = [
        root.url_path + "".join(f"{component}/" for component in components[: index + 1])
        for index in range(len(components))
    ]
    along = {}
    if components:
        candidates = Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(components),
            slug__in=set(components),
        )
        along = {page.url_path: page for page in candidates}
    page, chain = root, []
    for index, prefix in enumerate(prefixes):
        remaining = components[index:]
        child = along.get(prefix)
        is_child = (
            child is not None and child.depth == page.depth + 1 and child.path.startswith(page.path)
        )
        if not is_child or _routes_itself(page, remaining):
            # A page with routes of its own, or nothing found here: Wagtail's routing from
            # this page on (a 404 when there is no such page).
            return _with_ancestors(page.specific.route(request, remaining), chain)
        child._cached_parent_obj = page
        chain.append(page)
        page = child
    return _with_ancestors(page.specific.route(request, []), chain)


def _routes_itself(page, remaining):
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        # As RoutablePageMixin.route: its own routes first, then its children.
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return page.live
    return True


def _with_ancestors(result, chain):
    page = result[0]
    if chain and chain[-1].depth == page.depth - 1:  # the page found is the walk's last one
        page._route_ancestors = [ancestor for ancestor in chain if ancestor.depth > 1]
    return result
