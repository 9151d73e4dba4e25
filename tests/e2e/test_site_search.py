"""A visitor reads the home page and searches; the search autocomplete works with the keyboard
alone (an ARIA 1.2 combobox)."""

import pytest

from home.demo import load_demo

# A flush between tests would drop the pages and groups the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site(live_server):
    load_demo()
    return live_server


def test_a_visitor_reads_the_home_page_and_searches(page, demo_site):
    page.goto(demo_site.url + "/")
    assert page.get_by_role("heading", level=1).is_visible()
    main_menu = page.get_by_role("navigation", name="Navigation principale")
    main_menu.get_by_role("link", name="Plaidoyer").click()
    assert page.url.endswith("/plaidoyer/")

    search = page.get_by_role("search").first.get_by_role("combobox")
    search.fill("coopérative d'habitants")
    search.press("Enter")
    assert "/search/" in page.url
    results = page.locator("main").get_by_role(
        "link", name="Choisir la forme juridique de son projet", exact=True
    )
    results.first.click()
    assert page.url.endswith("/ressources/choisir-sa-forme-juridique/")


def test_the_autocomplete_works_with_the_keyboard(page, demo_site):
    page.goto(demo_site.url + "/")
    search = page.get_by_role("search").first.get_by_role("combobox")
    assert search.get_attribute("aria-expanded") == "false"
    search.press_sequentially("plaidoyer")
    listbox = page.locator("#" + search.get_attribute("aria-controls"))
    first = listbox.get_by_role("option").first
    first.wait_for()
    assert search.get_attribute("aria-expanded") == "true"
    assert search.get_attribute("aria-activedescendant") is None

    search.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    target = first.get_by_role("link").get_attribute("href")
    search.press("Enter")
    page.wait_for_url(demo_site.url + target)

    # Escape closes the list and gives the text back.
    search = page.get_by_role("search").first.get_by_role("combobox")
    search.press_sequentially("plaidoyer")
    page.locator("#" + search.get_attribute("aria-controls")).get_by_role("option").first.wait_for()
    search.press("Escape")
    assert search.get_attribute("aria-expanded") == "false"
    assert search.input_value() == "plaidoyer"
