"""A short-lived cache of public pages: whole for anonymous visitors, shared by audience for
members (see `MemberPageCacheMiddleware`).

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

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

from home import personal
from home.visibility import group_ids, hidden_collection_ids, hidden_paths

VERSION_KEY = "page_cache:version"
CSRF_FIELD = b"csrfmiddlewaretoken"
# Varying on these is compatible with sharing: see the module's docstring.
HARMLESS_VARY = {"cookie", "accept-language"}
PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def ttl():
    return getattr(settings, "PAGE_CACHE_SECONDS", 60)


def current_version():
    """The version of the cached pages: retired all at once by `invalidate`."""
    return page_cache().get(VERSION_KEY, 1)


def members_version():
    """The version of members' cached pages and of what is kept about each reader, from the
    cache every process shares (PAGE_CACHE_VERSION_ALIAS): a change made by one worker retires
    them in all the others at once, not at the end of their TTL."""
    return _version_cache().get(VERSION_KEY, 1)


def _version_cache():
    return caches[getattr(settings, "PAGE_CACHE_VERSION_ALIAS", "default")]


def invalidate(**kwargs):
    """Retire every cached page (receiver of Wagtail's publish/unpublish/move signals, and of
    changes of restrictions, permissions and groups: see home/apps.py)."""
    for cache in {id(c): c for c in (page_cache(), _version_cache())}.values():
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
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}:
        return False
    return _cacheable_path(request)


def _cacheable_path(request):
    if request.method != "GET" or ttl() <= 0:
        return False
    path, _language = _unprefixed(request.path_info)
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    return not request.META.get("QUERY_STRING") or path in settings.PAGE_CACHE_QUERY_PATHS


def _key(request, version, audience=""):
    _path, language = _unprefixed(request.path_info)
    raw = "\n".join(
        [
            request.get_host(),
            request.path_info,
            request.META.get("QUERY_STRING", ""),
            language,
            audience,
        ]
    )
    return f"page_cache:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _header_values(response, name):
    return {value.strip().lower() for value in cc_delim_re.split(response.get(name, "")) if value}


def _shareable(response):
    """Nothing in the response's status and headers makes it personal."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if _header_values(response, "Vary") - HARMLESS_VARY:
        return False
    directives = {value.split("=")[0] for value in _header_values(response, "Cache-Control")}
    return not directives & PRIVATE_CACHE_CONTROL


def _unrestricted(request):
    page = getattr(request, "page_cache_page", None)
    return page is None or not page.get_view_restrictions().exists()


def _cacheable_response(request, response):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if not _shareable(response) or CSRF_FIELD in response.content:
        return False
    return _unrestricted(request)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        version = current_version()
        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content, replay = stored
            _replay(replay)
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            stored = (
                response.status_code,
                list(response.items()),
                response.content,
                _to_replay(request),
            )
            cache.set(key, stored, ttl())
        return response


def on_every_view(request, function, *args, **kwargs):
    """Have `function(*args, **kwargs)` run again each time a copy of this response is handed
    out: what the view counts or logs per reader (the search log) must not stop at the first.
    `function` must be importable by name (the copy may live in a shared cache)."""
    request.page_cache_replay = [*_to_replay(request), (function, args, kwargs)]


def _to_replay(request):
    return getattr(request, "page_cache_replay", [])


def _replay(calls):
    for function, args, kwargs in calls:
        function(*args, **kwargs)


def remember_page(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: the middlewares check the page's restrictions, and
    page types that say so (`cache_for_members`) may be shared by members' audiences."""
    request.page_cache_page = page
    # A routable page's own sub-pages (forms, coordination...) are views of their own: only
    # its main view is what the page type vouches for.
    route = getattr(request, "routable_resolver_match", None)
    if getattr(page, "cache_for_members", False) and (
        route is None or route.url_name == "index_route"
    ):
        request.page_cache_for_members = True


def cache_for_members(view):
    """A view whose page depends on the reader's groups and permissions only (apart from the
    personal fragments of home/personal.py): members with the same may share it."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.page_cache_for_members = True
        return view(request, *args, **kwargs)

    return wrapped


# Members --------------------------------------------------------------------------------------


def audience(user):
    """What decides what a member sees, besides the personal fragments: their groups (page,
    collection and members-only restrictions, group roles), their own permissions (editors'
    views of drafts) and the superuser flag. Members who share it see the same page."""
    raw = repr((user.is_superuser, sorted(group_ids(user)), sorted(user.get_user_permissions())))
    return "member:" + hashlib.sha256(raw.encode()).hexdigest()


# What Django (ModelBackend) and our helpers keep on the user object, for one request, about
# the reader's groups, permissions and the restricted pages they may not see.
READER_ATTRIBUTES = (
    "_visibility_group_ids",
    "_visibility_group_names",
    "_visibility_hidden_paths",
    "_visibility_hidden_collections",
    "_user_perm_cache",
    "_group_perm_cache",
    "_perm_cache",
    "_personal_edited_paths",
)


def reader_ttl():
    return getattr(settings, "READER_CACHE_SECONDS", 60)


def _reader_key(version, user):
    return f"page_cache:{version}:reader:{user.pk}"


def _remember_reader(cache, version, user):
    """Keep the reader's groups and permissions next to the pages, under the same version:
    any change of groups, permissions or restrictions retires both."""
    group_ids(user)
    hidden_paths(user)
    hidden_collection_ids(user)
    user.get_all_permissions()
    personal.edited_paths(user)
    known = {name: user.__dict__[name] for name in READER_ATTRIBUTES if name in user.__dict__}
    cache.set(_reader_key(version, user), known, reader_ttl())


def _prime_reader(user, known):
    user.__dict__.update(known)


def _pending_messages(request):
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _member(request):
    """The logged-in reader of a page (GET, outside the admin and the excluded paths), or
    None. The session and the user are read only then: the health view must not pay for them."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or request.method != "GET":
        return None
    path, _language = _unprefixed(request.path_info)
    if any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "_wrapped", user)  # the user itself: its attributes are what Django reads


def _cacheable_member_request(request):
    # The personal fragments' forms need the reader's own CSRF cookie, set on an earlier page.
    if settings.CSRF_COOKIE_NAME not in request.COOKIES or not _cacheable_path(request):
        return False
    return not _pending_messages(request)


def _cacheable_member_response(request, response, parts):
    if not getattr(request, "page_cache_for_members", False) or not _shareable(response):
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and storage.used:  # the page showed this reader's messages
        return False
    if CSRF_FIELD in personal.shared_text(parts):  # a form outside the personal fragments
        return False
    return _unrestricted(request)


def _filled(request, stored):
    content_type, parts, page, replay = stored
    _replay(replay)
    served = personal.ServedPage(*page) if page else None
    return HttpResponse(personal.fill(parts, request, served), content_type=content_type)


class MemberPageCacheMiddleware:
    """Members' pages, shared by audience, with the personal fragments rendered per reader.

    After the session, authentication and messages middlewares. A page is kept only when its
    page type or view opted in (`cache_for_members`), it is under no view restriction, it
    showed no message and has no form outside its personal fragments; it is handed out only to
    members of the same audience (`audience`), with their own fragments
    (home/personal.py). Publishing, moving, restriction and permission changes retire every
    copy (the shared version of `invalidate`); other content shows within PAGE_CACHE_SECONDS.

    The reader's groups, permissions and hidden pages are kept too (READER_CACHE_SECONDS),
    under the same version: every page a member reads, shared or not, starts from them
    instead of four or five queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = _member(request)
        if user is None:
            return self.get_response(request)
        cache = page_cache()
        # Read once per request; what fragments keep about the reader uses it too.
        version = user._members_version = members_version()
        known = cache.get(_reader_key(version, user)) if reader_ttl() > 0 else None
        if known is not None:
            _prime_reader(user, known)
        key = None
        if _cacheable_member_request(request):
            key = _key(request, version, audience(user))
            stored = cache.get(key)
            if stored is not None:
                if known is None and reader_ttl() > 0:
                    _remember_reader(cache, version, user)
                return _filled(request, stored)
        response = self.get_response(request)
        if key is not None and response.status_code == 200 and not response.streaming:
            parts = personal.cut(response.content)
            if _cacheable_member_response(request, response, parts):
                page = getattr(request, "page_cache_page", None)
                served = personal.ServedPage.of(page)
                page_key = served.key() if served else None
                stored = (response["Content-Type"], parts, page_key, _to_replay(request))
                cache.set(key, stored, ttl())
        if known is None and reader_ttl() > 0 and user.is_active:
            _remember_reader(cache, version, user)
        return response
