from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import LoginView

# Errors raised outside views get the same French fault pages (home/faults.py).
handler500 = "home.faults.server_error"
# Oversized bodies get the French 413 page, other bad requests a French 400 page.
handler400 = "intranet.security.bad_request"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
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
    path("", include("newsletter.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/connexion/", LoginView.as_view(), name="login"),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
