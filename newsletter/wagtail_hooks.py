"""The newsletter in the admin: issues (composed as snippets, previewed and sent from their
preview page) and the subscribers' list."""

from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import NewsletterIssue, Subscriber


def preview_url(issue):
    return reverse("newsletter_admin:preview", args=[issue.pk])


class IssueEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(_("Preview and send"), url=preview_url(self.object), icon_name="mail"),
        ]


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    edit_view_class = IssueEditView
    list_display = ["title", "status", "sent_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    search_backend_name = None  # the database, whatever the engine's state


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    list_display = ["email", "status", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    search_backend_name = None


class NewsletterAdmin(SnippetViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 340
    items = (NewsletterIssueViewSet, SubscriberViewSet)


register_snippet(NewsletterAdmin)


@hooks.register("register_snippet_listing_buttons")
def preview_button(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue):
        yield MenuItem(_("Preview and send"), preview_url(snippet), icon_name="mail", priority=5)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("<int:pk>/", admin_views.preview, name="preview"),
        path("<int:pk>/test/", admin_views.send_test, name="send_test"),
        path("<int:pk>/envoi/", admin_views.send, name="send"),
    ]
    return [path("newsletter/", include((urls, "newsletter_admin")))]
