"""Security headers on every kind of page: a strict Content-Security-Policy on the site (no
'unsafe-inline', no nonce), a looser one only under /admin/, frame protection, nosniff,
Referrer-Policy and Permissions-Policy. And no inline script or style in what the site
renders, which the strict policy would block."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_site_headers(response):
    csp = directives(response)
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions


def test_a_public_page(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert_site_headers(response)


def test_a_member_page(client, member):
    client.force_login(member)
    response = client.get("/mon-espace/")
    assert response.status_code == 200
    assert_site_headers(response)


def test_a_page_not_found(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert_site_headers(response)


def test_a_listing_with_a_map_and_a_json_endpoint(client):
    assert_site_headers(client.get("/projets/"))
    assert_site_headers(client.get("/projets/carte.json"))


def test_the_tile_server_may_serve_images(client, settings):
    settings.MAP_TILE_URL = "https://{s}.tuiles.example.org/{z}/{x}/{y}.png"
    csp = directives(client.get("/projets/"))
    assert "https://*.tuiles.example.org" in csp["img-src"]
    assert "https://*.tuiles.example.org" not in csp["script-src"]
    settings.MAP_TILE_URL = "https://tile.example.net/{z}/{x}/{y}.png"
    assert "https://tile.example.net" in directives(client.get("/partenaires/"))["img-src"]


def test_the_admin_has_its_own_looser_policy_and_may_frame_itself(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_admin_preview_may_be_framed_by_the_admin_only(client, editor, home_page):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{home_page.pk}/edit/preview/")
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_the_admin_login_page_of_a_visitor_is_under_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert directives(response)["frame-ancestors"] == ["'self'"]


class InlineFinder(HTMLParser):
    """Collects what a policy without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self._in_script = True
        for name, value in attrs.items():
            if name == "style":
                self.found.append(f"<{tag} style={value!r}>")
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and (value or "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def inline_code(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_the_finder_finds_what_the_policy_would_block():
    html = (
        '<p style="color:red">x</p><button onclick="go()">b</button><style>p{}</style>'
        '<script>alert(1)</script><a href="javascript:go()">a</a><script src="/s.js"></script>'
    )
    assert len(inline_code(html)) == 5


SITE_PAGES = [
    "/",
    "/projets/",
    "/projets/statistiques/",
    "/partenaires/",
    "/agenda/",
    "/annonces/",
    "/search/?q=habitat",
    "/compte/connexion/",
    "/mise-en-relation/",
    "/mon-espace/",
    "/outils/",
]


def test_the_demo_site_renders_no_inline_script_or_style(client, demo, django_user_model):
    from advocacy.models import AdvocacyKitPage
    from resources.models import QuestionIndexPage
    from workgroups.models import WorkingGroupPage

    client.force_login(django_user_model.objects.get(username="membre"))
    pages = [
        *SITE_PAGES,
        *(page.url for page in AdvocacyKitPage.objects.live()[:2]),
        *(page.url for page in WorkingGroupPage.objects.live()[:3]),
        QuestionIndexPage.objects.get().url,
    ]
    problems = {}
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if found := inline_code(response.content.decode()):
            problems[url] = found
    assert problems == {}


def test_templates_carry_no_inline_script_style_or_handler():
    """What the pages above do not reach, the templates show: e-mails aside, none has an
    inline script, a style element or attribute, or an event-handler attribute."""
    pattern = re.compile(r"<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)|javascript:", re.I)
    problems = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        if "email" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                problems.append(f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}")
    assert problems == []
