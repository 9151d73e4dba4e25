"""A locale-aware site search: each reader searches their language's pages (and French pages
not yet translated into it), results in their language first. On the engine, English text is
analysed as English (search/backends/languages.py); the database backend stays French."""

import json

import pytest
from django.core.files.base import ContentFile

from home.factories import StandardPageFactory
from resources.models import ResourceDocument
from tests.search.conftest import fresh_engine, refresh

from .conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", "engine"])
def backend(request, settings):
    """The database backend, and the real engine of SEARCH_URL (skipped without one)."""
    if request.param == "engine":
        engines = fresh_engine(settings, settings.TEST_SEARCH_URL, "search-engine", "SEARCH_URL")
        engine = next(engines)
        request.addfinalizer(lambda: next(engines, None))
        return lambda: refresh(engine)
    return lambda: None


@pytest.fixture
def pages(home_page, english, backend):
    cooperative = StandardPageFactory(
        parent=home_page,
        title="Les coopératives d'habitants de Grenoble",
        slug="cooperatives",
        intro="<p>Une coopérative loue les logements à ses associés.</p>",
    )
    StandardPageFactory(
        parent=home_page,
        title="Visite à Grenoble",
        slug="visite",
        intro="<p>Grenoble, Grenoble : une journée de visite des habitats groupés.</p>",
    )
    translate(home_page, english, {})
    translate(
        cooperative,
        english,
        {
            "Les coopératives d'habitants de Grenoble": "Grenoble's housing cooperatives",
            "Une coopérative loue les logements à ses associés.": (
                "A cooperative rents its homes to its members, who run the building together."
            ),
        },
    )
    backend()
    return cooperative


def api(client, path, q):
    return json.loads(client.get(path, {"q": q}).content)


def test_english_readers_find_english_content(client, pages):
    results = api(client, "/en/search/api/", "cooperative")["results"]
    assert results[0]["title"] == "Grenoble's housing cooperatives"
    assert results[0]["url"] == "/en/cooperatives/"


def test_english_words_meet_their_english_stems_on_the_engine(client, pages, backend, request):
    if request.node.callspec.params["backend"] != "engine":
        pytest.skip("the database backend analyses every language as French")
    # "renting" is only in the text as "rents": English stemming meets them ("rent"); the French
    # analysis leaves "renting" whole, too far from "rent" even for the typo tolerance.
    titles = [r["title"] for r in api(client, "/en/search/api/", "renting")["results"]]
    assert titles == ["Grenoble's housing cooperatives"]


def test_french_readers_search_french_pages_only(client, pages):
    titles = [r["title"] for r in api(client, "/search/api/", "Grenoble")["results"]]
    assert set(titles) == {"Les coopératives d'habitants de Grenoble", "Visite à Grenoble"}
    # The English translation is not searched in French.
    assert api(client, "/search/api/", "housing")["count"] == 0


def test_results_in_the_readers_language_come_first(client, pages):
    # The untranslated French page says "Grenoble" three times, the English one once: the
    # English page still comes first for an English reader, the French one is still found.
    results = api(client, "/en/search/api/", "Grenoble")["results"]
    assert [r["title"] for r in results] == ["Grenoble's housing cooperatives", "Visite à Grenoble"]
    # The French page is linked under /en/: the reader keeps their interface language.
    assert [r["url"] for r in results] == ["/en/cooperatives/", "/en/visite/"]


def test_french_readers_see_french_documents_before_english_ones(client, pages, backend):
    for title, language in (("Grenoble guide", "en"), ("Guide de Grenoble", "fr")):
        document = ResourceDocument(title=title)
        document.file.save(f"{language}.txt", ContentFile(b"Grenoble"), save=False)
        document.save()
        ResourceDocument.objects.filter(pk=document.pk).update(language=language)
    backend()
    titles = [r["title"] for r in api(client, "/search/api/", "Grenoble")["results"]]
    assert titles.index("Grenoble guide") == len(titles) - 1
    titles = [r["title"] for r in api(client, "/en/search/api/", "Grenoble")["results"]]
    assert titles.index("Grenoble guide") < titles.index("Guide de Grenoble")
