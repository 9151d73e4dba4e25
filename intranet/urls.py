from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.i18n import serve_with_fallback
from home.views import LoginView

# Errors raised outside views get the same French fault pages (home/faults.py).
handler500 = "home.faults.server_error"
# Oversized bodies get the French 413 page, other bad requests a French 400 page.
handler400 = "intranet.security.bad_request"

# The admin follows each editor's language preference and has no prefix. Everything else is
# served in French at its usual address and in the other languages under /<code>/ (/en/search/).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
]

urlpatterns += i18n_patterns(
    path("", include("resources.urls")),
    path("", include("governance.urls")),
    path("", include("advocacy.urls")),
    path("search/", include("search.urls")),
    # Wagtail's sitemap lists public pages only (no login or group restriction anywhere above).
    path("sitemap.xml", sitemap),
    path("", include("workgroups.urls")),
    path("", include("home.urls")),
    path("", include("matching.urls")),
    path("", include("projects.urls")),
    path("", include("partners.urls")),
    path("", include("agenda.urls")),
    path("", include("classifieds.urls")),
    path("", include("members.urls")),
    path("", include("newsletter.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/connexion/", LoginView.as_view(), name="login"),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages last: a page in another language than French is served under its prefix, and a
# page not yet translated is served in French there, with a notice (home.i18n).
urlpatterns += i18n_patterns(
    re_path(wagtail_urls.serve_pattern, serve_with_fallback, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
