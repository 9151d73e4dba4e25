from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.forms import LoginForm

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
    path("", include("members.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "compte/connexion/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("compte/deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
