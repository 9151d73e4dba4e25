"""Pages translated with wagtail-localize, the language switcher and the French fallback."""

import pytest
from wagtail.models import Page

from home.factories import HomePageFactory, StandardPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def test_a_translated_page_is_published_under_its_language_prefix(client, about, english):
    translate(about.get_parent().specific, english, {"Espace contributeurs": "Contributor space"})
    translate(
        about,
        english,
        {
            "À propos du mouvement": "About the movement",
            "Le mouvement de l'habitat participatif rassemble des habitants.": (
                "The participatory housing movement brings residents together."
            ),
        },
    )
    translated = about.get_translation(english)
    assert translated.live
    assert translated.url == "/en/a-propos/"

    html = client.get("/en/a-propos/").content.decode()
    assert '<html lang="en">' in html
    assert "About the movement" in html
    assert "The participatory housing movement brings residents together." in html
    assert "not translated yet" not in html
    # The French page keeps its address, its language and its text.
    html = client.get("/a-propos/").content.decode().replace("&#x27;", "'")
    assert '<html lang="fr">' in html
    assert "Le mouvement de l'habitat participatif rassemble des habitants." in html


def test_the_switcher_links_to_the_translation_or_to_the_french_page_in_another_language(
    client, about, english
):
    translate(about.get_parent().specific, english, {})
    translate(about, english, {"À propos du mouvement": "About the movement"})
    html = client.get("/a-propos/").content.decode()
    assert 'href="/en/a-propos/" lang="en" hreflang="en"' in html
    # No German translation: the French page with a German interface.
    assert 'href="/de/a-propos/" lang="de" hreflang="de"' in html
    assert 'href="/a-propos/" lang="fr" hreflang="fr" aria-current="true"' in html

    html = client.get("/en/a-propos/").content.decode()
    assert 'href="/a-propos/" lang="fr" hreflang="fr"' in html
    assert 'href="/en/a-propos/" lang="en" hreflang="en" aria-current="true"' in html


def test_the_switcher_follows_translated_slugs(client, about, english):
    translate(about.get_parent().specific, english, {})
    translate(about, english, {"À propos du mouvement": "About the movement"})
    translated = about.get_translation(english)
    translated.slug = "about"
    translated.save_revision().publish()
    html = client.get("/a-propos/").content.decode()
    assert 'href="/en/about/" lang="en"' in html
    html = client.get("/en/about/").content.decode()
    assert 'href="/a-propos/" lang="fr"' in html


def test_an_untranslated_page_is_shown_in_french_with_a_notice_in_the_readers_language(
    client, about, english
):
    response = client.get("/en/a-propos/")
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert '<html lang="en">' in html
    assert "This page is not translated yet: it is shown in its original French version." in html
    assert "Le mouvement de l'habitat participatif rassemble des habitants." in html
    # The interface is in English ("Skip to content"), the page keeps its French language.
    assert "Skip to content" in html
    # Even when the home page is translated and the section is not.
    translate(about.get_parent().specific, english, {})
    html = client.get("/en/a-propos/").content.decode()
    assert "This page is not translated yet" in html
    assert client.get("/en/nulle-part/").status_code == 404


def test_the_notice_speaks_german_to_german_readers(client, about):
    html = client.get("/de/a-propos/").content.decode()
    assert '<html lang="de">' in html
    assert "Diese Seite ist noch nicht übersetzt" in html
    # Strings not yet translated into German are shown in English, never in French.
    assert "Skip to content" not in html and "Zum Inhalt springen" in html
    assert "Contributor space" in html


def test_french_readers_never_see_the_notice(client, about):
    html = client.get("/a-propos/").content.decode()
    assert "Cette page n’est pas encore traduite" not in html
    assert "notice--translation" not in html


def test_the_menu_follows_the_readers_language(client, home_page, english):
    section = StandardPageFactory(
        parent=home_page, title="Ressources", slug="ressources", show_in_menus=True
    )
    other = StandardPageFactory(
        parent=home_page, title="Gouvernance", slug="gouvernance", show_in_menus=True
    )
    translate(home_page, english, {})
    translate(section, english, {"Ressources": "Resources"})
    html = client.get("/en/").content.decode()
    assert '<a href="/en/ressources/">Resources</a>' in html
    # Not translated: the French section, in French, with the English interface kept.
    assert '<a href="/en/gouvernance/">Gouvernance</a>' in html
    assert other.url == "/gouvernance/"


def test_other_views_keep_their_address_in_every_language(client, home_page):
    html = client.get("/search/?q=habitat").content.decode()
    assert 'href="/en/search/?q=habitat" lang="en"' in html
    assert 'href="/de/search/?q=habitat" lang="de"' in html
    response = client.get("/en/search/?q=habitat")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_every_content_language_has_its_locale(db):
    from wagtail.models import Locale

    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fr", "en", "de"}


def test_unprefixed_addresses_stay_french_whatever_the_browser_prefers(client, about):
    html = client.get("/a-propos/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in html
    assert Page.objects.filter(locale__language_code="en").count() == 0
    assert HomePageFactory  # the factories build French pages
