"""HTTP hardening: the Content-Security-Policy (strict on the site, looser in the Wagtail admin),
the Permissions-Policy header, and a cap on request bodies answered with a French 413 page.

The site's pages carry no inline script, style element or style attribute, so their policy
needs neither 'unsafe-inline' nor nonces: a page cached whole for anonymous visitors stays
valid. The Wagtail admin (and the previews it renders under /admin/) still uses inline scripts
and styles, so it gets its own policy, chosen by path (ADMIN_CONTENT_SECURITY_POLICY)."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.template.response import TemplateResponse


def tile_source(url):
    """The CSP source of a Leaflet tile URL template: its scheme and host, with a `{s}`
    subdomain placeholder turned into a wildcard. "" when there is no tile server."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}", "*")
    if not parts.scheme or not host or "{" in host:
        return ""
    return f"{parts.scheme}://{host}"


def is_admin_path(path):
    return path.startswith(settings.ADMIN_PATH_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for paths under the admin. A view's own
    decorators (csp_override, csp_update...) still win."""

    def process_response(self, request, response):
        # Wagtail's preview renders the page through the whole middleware stack with the page's
        # own path, so its response arrives here with the site's policy (frame-ancestors
        # 'none'), which would forbid the admin's preview iframe: under the admin, the admin's
        # policy replaces it.
        if is_admin_path(request.path_info) and not getattr(response, "_csp_config", None):
            del response.headers["Content-Security-Policy"]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        # Read at each response, so that the tile server can change without a code change.
        if tiles := tile_source(settings.MAP_TILE_URL):
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), tiles]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses, for it and anything it embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class RequestBodyLimitMiddleware:
    """Refuses a request whose declared body exceeds REQUEST_BODY_MAX_SIZE before anything
    reads it. Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams files to disk
    whatever their size; the reverse proxy should have the same cap (nginx:
    client_max_body_size)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_SIZE:
            return too_large(request)
        return self.get_response(request)


def too_large(request, limit=None):
    """The French 413 page: what was refused and what to do. Like 500.html it does not extend
    base.html (whose menu queries the database): the request may never have reached a view."""
    limit = limit or settings.REQUEST_BODY_MAX_SIZE
    context = {"limit_megabytes": max(1, limit // (1024 * 1024))}
    return TemplateResponse(request, "413.html", context, status=413).render()


def bad_request(request, exception):
    """handler400: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (read when a view or the CSRF check
    opens request.POST) gets the 413 page; any other bad request a French 400 page."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return TemplateResponse(request, "400.html", status=400).render()
