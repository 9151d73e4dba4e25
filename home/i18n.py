"""Pages in the visitor's language, or in French until an editor translates them.

French is the source language: every page exists in French at its usual address. Its
translations (made with wagtail-localize) live under /<code>/. A visitor who asks for a page in a
language it has not been translated into yet (/en/<French path>/) gets the French page with the
interface in their language and a notice saying so, rather than a 404.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home import routing
from home.locales import locale_for


def is_source_language(language_code=None):
    return (language_code or translation.get_language()) == settings.LANGUAGE_CODE


def serve_with_fallback(request, path):
    """Wagtail's page view, with the page found in fewer queries (home/routing.py), falling
    back to the French tree when the visitor's language has no page at this path (the page is
    not translated, or its translation keeps French slugs)."""
    # Wagtail's view reads the route from here (Page.route_for_request keeps it there).
    request._wagtail_route_for_request = routing.route(request, path)
    if request._wagtail_route_for_request is None and not is_source_language():
        site = Site.find_for_request(request)
        source = locale_for(settings.LANGUAGE_CODE)
        source_root = site.root_page.get_translation_or_none(source) if site else None
        if source_root is not None:  # not in French either: Wagtail's 404
            request._wagtail_route_for_request = routing.route_from(request, source_root, path)
    return wagtail_views.serve(request, path)


def translations_by_language(page):
    """{language code: live page} for `page` and its translations, in one query."""
    queryset = Page.objects.live().filter(translation_key=page.translation_key)
    return {
        translated.locale.language_code: translated
        for translated in queryset.select_related("locale")
    }


def localized_url(page, language_code, request=None, translations=None):
    """The address of `page` for a reader of `language_code`: its live translation if there is
    one, otherwise the French page under that language's prefix (served with the notice)."""
    if translations is None:
        translations = translations_by_language(page)
    if language_code in translations:
        return translations[language_code].get_url(request)
    url = translations.get(settings.LANGUAGE_CODE, page).get_url(request)
    if not url:
        return None
    # translate_url resolves the address in the language it is written in: French here.
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language_code)


def _page_prefix(request, page):
    """The part of the requested path that addresses `page` itself (the rest is a sub-page of
    a routable page, such as a group's contribution form), or None."""
    page_url = page.get_url(request)
    if not page_url or not page_url.startswith("/"):
        return None
    # The French page under another language's prefix first: "/" would match any path.
    for prefix in (f"/{translation.get_language()}{page_url}", page_url):
        if request.path.startswith(prefix):
            return prefix
    return None


def language_links(request, page=None):
    """[(code, name, url, is_current)] for the language switcher: the same page in each language.

    On a Wagtail page, the link leads to the page's translation when there is one, otherwise to
    the French page in the other interface language (a routable page's sub-page keeps its
    sub-path). Anywhere else (search, tools, forms), to the same address with the other
    language's prefix, query string included.
    """
    current = translation.get_language()
    prefix = _page_prefix(request, page) if page is not None else None
    translations = translations_by_language(page) if prefix is not None else None
    rest = request.get_full_path()[len(prefix) :] if prefix is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if translations is not None:
            url = localized_url(page, code, request, translations)
            url = url + rest if url else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append((code, name, url, code == current))
    return links
