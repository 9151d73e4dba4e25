"""End-to-end tests: Debian's Chromium, driven by Playwright, against a live server."""

import os
import shutil

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


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def log_in(live_server):
    def run(page, username):
        page.goto(live_server.url + "/compte/connexion/")
        page.get_by_label("Identifiant").fill(username)
        page.get_by_label("Mot de passe").fill(f"{username}-demo-2026")
        page.locator("main").get_by_role("button", name="Se connecter").click()
        page.wait_for_url(lambda url: "/compte/connexion/" not in url)

    return run
