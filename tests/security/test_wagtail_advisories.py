"""Regression tests, one per class of published Wagtail security advisory that fits this site
(github.com/wagtail/wagtail/security/advisories): each checks that the hole stays closed here,
whatever Wagtail version or setting comes next."""

import json

import pytest
from django.urls import URLPattern, URLResolver, reverse
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from tests.resources.test_documents import private_document  # noqa: F401 (a fixture)
from workgroups.blocks import TableBlock

pytestmark = pytest.mark.django_db

# A query that makes a backtracking regular expression explode (nested quantifiers).
PATHOLOGICAL = '"' + "a" * 3000 + '" ' + ("(" * 200) + ("a:" * 500) + "\\" * 300 + '"' * 101


# Private documents served despite conditional headers: the visitor test with If-None-Match,
# If-Match and If-Modified-Since lives in tests/resources/test_documents.py; here the same
# document with a Range request and for a logged-in member outside the collection's group.
@pytest.mark.parametrize(
    "headers",
    [{"HTTP_RANGE": "bytes=0-10"}, {"HTTP_IF_RANGE": '"x"', "HTTP_RANGE": "bytes=0-"}],
)
def test_a_private_document_is_never_served_to_others(client, member, private_document, headers):  # noqa: F811
    document, _group = private_document
    for user in (None, member):
        if user:
            client.force_login(user)
        response = client.get(document.url, **headers)
        assert response.status_code in (302, 403)
        body = b"".join(getattr(response, "streaming_content", [response.content]))
        assert b"confidentiel" not in body


# Preview of restricted pages by users without permission on them.
def test_a_member_cannot_preview_or_view_drafts(client, member, home_page):
    private = home_page.add_child(instance=Page(title="Brouillon réservé", slug="reserve"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(member)
    for url in (
        f"/admin/pages/{private.pk}/edit/preview/",
        f"/admin/pages/{private.pk}/view_draft/",
        f"/admin/pages/{private.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/add/wagtailcore/page/{home_page.pk}/preview/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Brouillon réservé" not in response.content.decode()


# Private collections or pages listed by an API: no content API is mounted.
@pytest.mark.parametrize(
    "url",
    ["/api/", "/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/", "/admin/api/main/pages/"],
)
def test_no_content_api_lists_anything_to_a_visitor(client, home_page, url):
    response = client.get(url)
    assert response.status_code in (302, 404)


# ReDoS through the search query parser: a long pathological query simply gets an answer.
@pytest.mark.parametrize("url", ["/search/", "/search/api/", "/search/autocomplete/"])
def test_a_pathological_search_query_gets_an_answer(client, home_page, url):
    assert client.get(url, {"q": PATHOLOGICAL}).status_code in (200, 400)


def test_a_pathological_admin_search_gets_an_answer(client, editor, home_page):
    client.force_login(editor)
    for url in ("/admin/pages/search/", "/admin/documents/", "/admin/images/"):
        assert client.get(url, {"q": PATHOLOGICAL}).status_code == 200, url


# Oversized uploads (memory exhaustion before the size check): tests/security/test_limits.py.


# XSS through table blocks and rich text.
def test_a_table_block_escapes_what_its_cells_contain():
    block = TableBlock()
    value = block.to_python(
        {
            "caption": "<script>alert('légende')</script>",
            "columns": [{"type": "text", "heading": "<img src=x onerror=alert(1)>"}],
            "rows": [{"values": ["<script>alert('cellule')</script>"]}],
        }
    )
    html = block.render(value)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;cellule&#x27;)&lt;/script&gt;" in html


def test_the_editor_input_of_rich_text_drops_scripts_and_script_links():
    """Stored rich text is trusted when rendered: the whitelist applies when the editor's
    input is converted for the database, which is where a payload must die."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(["bold", "italic", "link"])
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "<script>alert(1)</script> lien",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 26, "length": 4, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    stored = converter.to_database_format(json.dumps(contentstate))
    rendered = str(RichText(stored))
    assert "<script>" not in rendered
    assert "javascript:" not in rendered


# A user without permission reaching admin views.
PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def admin_url_names(patterns=wagtailadmin_urls.urlpatterns, namespace=""):
    """Names of the admin views that take no argument."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from admin_url_names(pattern.url_patterns, inner)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and "<" not in str(pattern.pattern)
            and "(?P" not in str(pattern.pattern)
        ):
            yield f"{namespace}{pattern.name}"


def refused(response):
    if response.status_code == 302:
        return "/login/" in response["Location"] or "/connexion/" in response["Location"]
    return response.status_code in (403, 404, 405)


def test_a_member_reaches_no_admin_view(client, member, private_document):  # noqa: F811
    document, _group = private_document
    client.force_login(member)
    urls = {}
    for name in set(admin_url_names()) - PUBLIC_ADMIN_VIEWS:
        try:
            urls[name] = reverse(name)
        except Exception:  # noqa: BLE001, S112 - names that need a query argument
            continue
    urls.update(
        {
            "document edit": f"/admin/documents/edit/{document.pk}/",
            "user edit": f"/admin/users/{member.pk}/",
            "snippet": "/admin/snippets/classifieds/adreport/",
            "site settings": "/admin/settings/",
            "group": "/admin/groups/",
            "workflow": "/admin/workflows/list/",
            "report": "/admin/reports/site-history/",
        }
    )
    assert len(urls) > 50
    reached = {name: url for name, url in urls.items() if not refused(client.get(url))}
    assert reached == {}
