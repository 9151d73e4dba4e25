"""A short-lived cache of whole public pages for anonymous visitors.

Anonymous readers of public pages all get the same bytes, so the first one's response is kept
for PAGE_CACHE_SECONDS and handed to the next ones before sessions, URL resolution, the view
and its SQL. Everything that could make a response personal or private is refused, both when
a copy is served and when one is stored:
- the request: a GET, no cookie but the CSRF one (no session, no messages, so no member),
  a query string only on the PAGE_CACHE_QUERY_PATHS pages (search, filtered listings), no
  excluded path (admin, account, documents);
- the response: status 200, not streamed, no cookie set, no Cache-Control private/no-cache/
  no-store, no Vary beyond Cookie (the cookie-less variant is the one kept) and
  Accept-Language (the language comes from the URL), no CSRF token in it (a page with a form
  is never shared), and not a Wagtail page under a view restriction.
The key is host + path + query + language. Publishing, unpublishing or moving a page bumps a
version kept in the same cache, which retires every copy at once. Other content (events, ads,
projects) shows up within PAGE_CACHE_SECONDS.

The cache is settings.PAGE_CACHE_ALIAS (the default cache). With the default local-memory
cache each gunicorn worker has its own copies: the worker that published drops them at once,
the others at the end of their TTL; a shared cache (Redis, Memcached) makes the version bump
reach every worker and server."""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

VERSION_KEY = "page_cache:version"
CSRF_FIELD = b"csrfmiddlewaretoken"
# Varying on these is compatible with sharing: see the module's docstring.
HARMLESS_VARY = {"cookie", "accept-language"}
PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def ttl():
    return getattr(settings, "PAGE_CACHE_SECONDS", 60)


def invalidate(**kwargs):
    """Retire every cached page (receiver of Wagtail's publish/unpublish/move signals)."""
    cache = page_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or evicted: any new value retires the old keys
        cache.set(VERSION_KEY, 2, None)


def _unprefixed(path):
    language = get_language_from_path(path)
    if language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :], language
    return path, settings.LANGUAGE_CODE


def _cacheable_request(request):
    if request.method != "GET" or ttl() <= 0:
        return False
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}:
        return False
    path, _language = _unprefixed(request.path_info)
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    return not request.META.get("QUERY_STRING") or path in settings.PAGE_CACHE_QUERY_PATHS


def _key(request, version):
    _path, language = _unprefixed(request.path_info)
    raw = "\n".join(
        [request.get_host(), request.path_info, request.META.get("QUERY_STRING", ""), language]
    )
    return f"page_cache:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _header_values(response, name):
    return {value.strip().lower() for value in cc_delim_re.split(response.get(name, "")) if value}


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if _header_values(response, "Vary") - HARMLESS_VARY:
        return False
    if {value.split("=")[0] for value in _header_values(response, "Cache-Control")} & (
        PRIVATE_CACHE_CONTROL
    ):
        return False
    if CSRF_FIELD in response.content:
        return False
    page = getattr(request, "page_cache_page", None)
    return page is None or not page.get_view_restrictions().exists()


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        version = cache.get(VERSION_KEY, 1)
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            cache.set(key, (response.status_code, list(response.items()), response.content), ttl())
        return response


def remember_page(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: the middleware checks the page's restrictions."""
    request.page_cache_page = page
