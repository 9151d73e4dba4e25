"""The Content-Security-Policy in Debian's Chromium: the site's pages, the map, the kit's print
button, the editors' userbar and the admin's page editor run without a single violation.
(Here rather than in tests/security/ for the one browser of the session; the headers
themselves are tested there.)"""

import pytest

from projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def violations(page):
    """Every CSP violation the page reports, from Chromium's console."""
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_the_site_runs_under_its_policy(page, live_server, violations, settings):
    settings.MAP_TILE_URL = ""
    ProjectFactory(
        name="Projet de Rennes", department="35", region="", latitude=48.1, longitude=-1.7
    )
    page.goto(live_server.url + "/projets/")
    page.wait_for_selector(".map[data-loaded]")
    assert page.locator("path.map-marker").count() == 1
    page.goto(live_server.url + "/projets/statistiques/")
    assert page.locator("svg.bar rect").count() > 0
    with page.expect_response(lambda response: "/search/autocomplete/" in response.url):
        page.locator("#search-header-q").fill("proj")
    assert violations == []


def test_editors_userbar_and_page_editor_preview_run(page, live_server, violations, log_in):
    from home.demo import load_demo

    load_demo()
    from advocacy.models import AdvocacyKitPage

    kit = AdvocacyKitPage.objects.live().first()
    log_in(page, "editrice")
    page.goto(live_server.url + kit.url)
    page.locator("[data-print]").wait_for(state="visible")  # shown by static/js/print.js
    page.locator("wagtail-userbar").wait_for(state="attached")
    site_violations = list(violations)
    page.goto(live_server.url + f"/admin/pages/{kit.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    # The preview renders the kit in the admin's iframe (X-Frame-Options SAMEORIGIN there).
    page.frame_locator("#w-preview-iframe").get_by_text(kit.title).first.wait_for()
    assert site_violations == []
    assert violations == []
