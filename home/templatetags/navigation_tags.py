from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home import routing
from home.i18n import is_source_language, language_links, localized_url
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
    if current is not None and root is not None and current.locale_id != root.locale_id:
        # A translation: the menu (built from the French tree) lights up its French source.
        current = current.get_translation_or_none(root.locale) or current
    current_path = current.path if current else ""
    # Treebeard paths: a section is an ancestor when the current path starts with its own.
    menu = [
        (
            item.title,
            item.get_url(request),
            current_path == item.path,
            current_path.startswith(item.path),
        )
        for item in items
    ]
    root_url = root.get_url(request) if root is not None else None
    if root is not None and not is_source_language():
        menu, root_url = _localized_menu(root, menu, items, request)
    return {
        "root": root,
        "root_url": root_url,
        "items": menu,
        "current_path": current_path,
        "request": request,
        # The tools' own pages (agenda, ads...) light up the "Tools" entry.
        "tool_namespaces": [tool.url_name.partition(":")[0] for tool in tools()],
    }


def _localized_menu(root, menu, items, request):
    """The menu in the reader's language: each section's translation (title and address) when
    it has one, otherwise the French section shown in French under the language's prefix."""
    language = translation.get_language()
    pages = [root, *items]
    translated = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language,
        )
    }

    def url(page):
        if page.translation_key in translated:
            return translated[page.translation_key].get_url(request)
        return localized_url(page, language, request, {settings.LANGUAGE_CODE: page})

    localized = [
        (translated.get(item.translation_key, item).title, url(item), is_current, is_ancestor)
        for item, (_title, _url, is_current, is_ancestor) in zip(items, menu, strict=True)
    ]
    return localized, url(root)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    return {"links": language_links(request, context.get("page")) if request else []}


@register.inclusion_tag("includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """Said to a reader of another language when the page is shown in French, untranslated."""
    page = context.get("page")
    language = translation.get_language()
    show = (
        isinstance(page, Page)
        and not is_source_language(language)
        and not Locale.objects.filter(pk=page.locale_id, language_code=language).exists()
    )
    return {"show": show, "page_language": settings.LANGUAGE_CODE}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = routing.ancestors(page) if page and page.depth > 2 else []
    return {"ancestors": ancestors, "page": page}
