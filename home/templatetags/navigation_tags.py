from django import template
from wagtail.models import Page, Site

from home.tools import tools
from home.visibility import visible_pages

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    request = context.get("request")
    items = Page.objects.none()
    if root is not None:
        items = visible_pages(root.get_children().live().in_menu(), request.user)
    current = context.get("page")
    current_path = current.path if current else ""
    # Treebeard paths: a section is an ancestor when the current path starts with its own.
    menu = [(item, current_path == item.path, current_path.startswith(item.path)) for item in items]
    return {
        "root": root,
        "items": menu,
        "current_path": current_path,
        "request": request,
        # The tools' own pages (agenda, ads...) light up the "Tools" entry.
        "tool_namespaces": [tool.url_name.partition(":")[0] for tool in tools()],
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = page.get_ancestors().filter(depth__gt=1) if page and page.depth > 2 else []
    return {"ancestors": ancestors, "page": page}
