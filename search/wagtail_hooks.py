from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin") and (
            request.user.is_superuser or request.user.groups.filter(name="Editors").exists()
        )


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("popular/", admin_views.PopularQueriesView.as_view(), name="popular"),
        path(
            "popular/results/",
            admin_views.PopularQueriesView.as_view(results_only=True),
            name="popular_results",
        ),
        path("zero/", admin_views.ZeroResultQueriesView.as_view(), name="zero"),
        path(
            "zero/results/",
            admin_views.ZeroResultQueriesView.as_view(results_only=True),
            name="zero_results",
        ),
    ]
    return [path("search-insight/", include((urls, "search_admin"), namespace="search_admin"))]


@hooks.register("register_reports_menu_item")
def register_popular_queries():
    return EditorsMenuItem(
        _("Popular searches"),
        reverse("search_admin:popular"),
        name="popular-searches",
        icon_name="search",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries():
    return EditorsMenuItem(
        _("Searches without results"),
        reverse("search_admin:zero"),
        name="zero-result-searches",
        icon_name="warning",
        order=1410,
    )
