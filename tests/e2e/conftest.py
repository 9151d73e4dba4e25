"""End-to-end tests: Debian's Chromium, driven by Playwright, against a live server."""

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The machine's network is closed: keep Chromium from calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session", autouse=True)
def migrated_data(django_db_setup, django_db_blocker):
    """The database as the migrations leave it (Wagtail's root page, locales, groups), as the
    test runner serialized it. Taken before Playwright starts: its event loop gives later
    code a new context, where Django's connection objects no longer carry it."""
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def restore_migrated_data(migrated_data, django_db_blocker):
    """Give each end-to-end test (and the serialized-rollback tests that follow) the migrated
    data back, which Django's serialized rollback cannot do in Playwright's context."""
    from django.db import connection
    from wagtail.models import Page

    if migrated_data is not None:
        connection._test_serialized_contents = migrated_data
        with django_db_blocker.unblock():
            if not Page.objects.exists():
                connection.creation.deserialize_db_from_string(migrated_data)


@pytest.fixture(scope="session")
def browser(migrated_data):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, for the `page` fixture to see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        # What the browser showed when the test failed (test-results/ is git-ignored).
        SCREENSHOTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    context.close()


def session_cookie(server_url, username):
    """The cookie of a new session of `username`, for tests where the login form is not what
    is tested (the caller gives database access)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": server_url}


@pytest.fixture
def log_in_as(live_server):
    def run(page, username):
        page.context.add_cookies([session_cookie(live_server.url, username)])

    return run


@pytest.fixture
def log_in(live_server):
    """Log in through the site's login form."""

    def run(page, username):
        page.goto(live_server.url + "/compte/connexion/")
        page.get_by_label("Identifiant").fill(username)
        page.get_by_label("Mot de passe").fill(f"{username}-demo-2026")
        page.locator("main").get_by_role("button", name="Se connecter").click()
        page.wait_for_url(lambda url: "/compte/connexion/" not in url)

    return run
