"""The site search, as visitors and members use it, on both backends."""

import html
import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from home.factories import StandardPageFactory
from resources.models import ResourceDocument
from search.engines import DATABASE_BACKEND, engine_backend
from search.models import QueryLog
from workgroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, backend, django_user_model):
    """Public pages, a private working group with its page and document, two members."""
    StandardPageFactory(
        parent=home_page,
        title="Créer une coopérative d'habitants",
        intro="<p>Les coopératives d'habitants louent les logements à leurs associés.</p>",
    )
    StandardPageFactory(parent=home_page, title="Jardin partagé", intro="<p>Potager collectif.</p>")
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    private = WorkingGroupPageFactory(parent=groups, title="Groupe foncier", slug="foncier")
    members = Group.objects.create(name="Foncier — membres")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    StandardPageFactory(
        parent=private,
        title="Compte rendu confidentiel sur le terrain des Lilas",
        intro="<p>Négociation avec la mairie pour le terrain des Lilas.</p>",
    )
    collection = Collection.get_first_root_node().add_child(name="Foncier")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    collection_restriction.groups.add(members)
    document = ResourceDocument(title="Promesse de vente Lilas", collection=collection)
    document.file.save(
        "promesse.txt", ContentFile(b"Promesse de vente du terrain des Lilas"), save=False
    )
    document.save()
    backend()
    insider = django_user_model.objects.create_user("ines", password="pw")
    insider.groups.add(members)
    outsider = django_user_model.objects.create_user("omar", password="pw")
    outsider.groups.add(Group.objects.create(name="Autre groupe"))
    return {"insider": insider, "outsider": outsider}


def api(client, q, **params):
    response = client.get("/search/api/", {"q": q, **params})
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def titles(client, q):
    return {result["title"] for result in api(client, q)["results"]}


@pytest.mark.parametrize(
    "query", ["coopérative d'habitants", "cooperatives habitant", "COOPERATIVE"]
)
def test_french_spellings_find_the_same_page(client, site, query, request):
    if (
        "database" in request.node.callspec.id
        and connection.vendor == "sqlite"
        and query != "COOPERATIVE"
    ):
        pytest.skip(
            "SQLite's full-text search has no French stemming: PostgreSQL and the engines do"
        )
    assert "Créer une coopérative d'habitants" in titles(client, query)


def test_results_carry_kind_snippet_and_exact_keys(client, site):
    data = api(client, "coopérative")
    assert set(data) == {"count", "results"}
    assert data["count"] >= 1
    first = data["results"][0]
    assert set(first) == {"title", "url", "kind", "snippet"}
    assert first["kind"] == "Page de contenu"
    assert "<mark>" in first["snippet"]


@pytest.mark.parametrize("who", [None, "outsider"])
def test_private_group_content_is_invisible_to_outsiders(client, site, who):
    if who:
        client.force_login(site[who])
    for query in ("Lilas", "terrain Lilas", "confidentiel", "promesse de vente"):
        data = api(client, query)
        assert data == {"count": 0, "results": []}, query
    page = html.unescape(client.get("/search/", {"q": "Lilas"}).content.decode())
    assert "Compte rendu confidentiel" not in page and "Promesse de vente" not in page
    assert "0 résultat" in page
    suggestions = client.get("/search/autocomplete/", {"q": "Compte"}).json()["results"]
    assert all("confidentiel" not in item["title"] for item in suggestions)


def test_group_members_find_their_private_page_and_document(client, site):
    client.force_login(site["insider"])
    found = titles(client, "Lilas")
    assert "Compte rendu confidentiel sur le terrain des Lilas" in found
    assert "Promesse de vente Lilas" in found


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "~",
        "AND(",
        "\\",
        "co*op~2 AND (",
        "\x00null",
        "🏠🏡",
        "سكن مشارك",
        "a" * 5000,
        "   ",
    ],
)
def test_odd_queries_answer_normally(client, site, query):
    assert client.get("/search/api/", {"q": query}).status_code == 200
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/search/autocomplete/", {"q": query}).status_code == 200


@pytest.mark.parametrize("page", ["-1", "0", "abc", "1.5"])
def test_bad_page_numbers_get_a_400_from_the_api_and_a_normal_page(client, site, page):
    response = client.get("/search/api/", {"q": "coopérative", "page": page})
    assert response.status_code == 400
    assert "error" in response.json()
    assert client.get("/search/", {"q": "coopérative", "page": page}).status_code == 200


def test_a_page_past_the_end_is_empty_not_an_error(client, site):
    data = api(client, "coopérative", page=99)
    assert data["results"] == [] and data["count"] >= 1


def test_empty_query_gives_a_helpful_page(client, site):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Tapez quelques mots" in response.content.decode()


def test_queries_are_logged_without_personal_data(client, site):
    client.force_login(site["insider"])
    client.get("/search/", {"q": "  Coopérative   "})
    client.get("/search/", {"q": "introuvable xyz"})
    logs = {log.query: log for log in QueryLog.objects.all()}
    assert logs["cooperative"].searches == 1 and logs["cooperative"].zero_result_searches == 0
    assert logs["introuvable xyz"].zero_result_searches == 1
    assert {field.name for field in QueryLog._meta.get_fields()} == {
        "id",
        "day",
        "query",
        "searches",
        "zero_result_searches",
    }


@pytest.mark.parametrize("backend", ["engine"], indirect=True)
def test_typos_are_tolerated_on_the_engine(client, site):
    assert "Jardin partagé" in titles(client, "jardn partagé")
    assert "Créer une coopérative d'habitants" in titles(client, "cooperatiev")
    # Short words are left alone: one letter off in a 4-letter word is another word.
    assert "Jardin partagé" not in titles(client, "jars")


# On the engine, typos find results directly; the database backend suggests a spelling.
@pytest.mark.parametrize("backend", ["database"], indirect=True)
def test_did_you_mean_uses_only_titles_the_reader_may_see(client, site):
    assert client.get("/search/", {"q": "jardn"}).context["suggestion"] == "jardin"
    suggestion = client.get("/search/", {"q": "confidentiell"}).context["suggestion"]
    assert "confidentiel" not in suggestion
    client.force_login(site["insider"])
    response = client.get("/search/", {"q": "confidentiell"})
    found = {hit.title for hit in response.context["outcome"].hits}
    assert response.context["suggestion"] == "confidentiel" or any(
        "confidentiel" in t for t in found
    )


def search_queries(client, q):
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/api/", {"q": q})
    return len(queries)


# SQL queries of one API call, whatever the number of results. On the engines: the reader's
# locale and permissions (4), then the rows shown, one query per kind shown (here pages, with
# their section titles, and a document). The database backend searches in SQL: a search and
# a count per kind.
SEARCH_QUERY_BUDGET = {"database": 19, "engine": 6, "elasticsearch": 6}


def test_search_costs_the_same_sql_queries_for_5_or_50_results(
    client, site, home_page, backend, request
):
    for n in range(5):
        StandardPageFactory(parent=home_page, title=f"Béguinage {n}")
    document = ResourceDocument(title="Béguinage", collection=Collection.get_first_root_node())
    document.file.save("beguinage.txt", ContentFile(b"Un beguinage"), save=False)
    document.save()
    backend()
    search_queries(client, "béguinage")  # warm-up: the site's root paths go to the cache
    few = search_queries(client, "béguinage")
    assert few <= SEARCH_QUERY_BUDGET[request.node.callspec.params["backend"]]
    for n in range(5, 50):
        StandardPageFactory(parent=home_page, title=f"Béguinage {n}")
    backend()
    assert api(client, "béguinage")["count"] == 51
    assert search_queries(client, "béguinage") == few


def test_an_unreachable_engine_falls_back_to_the_database_with_a_notice(
    client, home_page, settings
):
    StandardPageFactory(parent=home_page, title="Assemblée générale ordinaire")
    # Nothing listens on port 9: connections are refused at once, as when the engine is down.
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": engine_backend("opensearch://127.0.0.1:9"),
        "database": dict(DATABASE_BACKEND),
    }
    response = client.get("/search/", {"q": "assemblée générale"})
    assert response.status_code == 200
    assert response.context["outcome"].engine_down
    assert "momentanément indisponible" in html.unescape(response.content.decode())
    assert "Assemblée générale ordinaire" in {hit.title for hit in response.context["outcome"].hits}
    assert api(client, "assemblée")["count"] == 1
    assert client.get("/search/autocomplete/", {"q": "Assem"}).status_code == 200


def facet_counts(response, param):
    return {
        choice.value: choice.count
        for facet in response.context["outcome"].facets
        if facet.param == param
        for choice in facet.choices
    }


def test_facets_count_only_visible_results_and_filter_inside_the_query(client, site):
    response = client.get("/search/", {"q": "Lilas"})
    assert facet_counts(response, "kind") == {}
    client.force_login(site["insider"])
    response = client.get("/search/", {"q": "Lilas"})
    kinds = facet_counts(response, "kind")
    assert kinds == {"home.standardpage": 1, "document": 1}
    assert list(facet_counts(response, "group").values()) == [1]

    response = client.get("/search/", {"q": "Lilas", "kind": "document"})
    assert [hit.title for hit in response.context["outcome"].hits] == ["Promesse de vente Lilas"]
    response = client.get("/search/", {"q": "Lilas", "kind": "home.standardpage"})
    assert [hit.kind for hit in response.context["outcome"].hits] == ["Page de contenu"]
    for odd in ({"kind": "nope.nope"}, {"year": "deux"}, {"group": "-3"}, {"theme": "x" * 500}):
        assert client.get("/search/", {"q": "Lilas", **odd}).status_code == 200


def test_editors_promoted_results_show_first_but_never_a_private_page(client, site):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    public = Page.objects.get(title="Jardin partagé")
    private = Page.objects.get(title="Compte rendu confidentiel sur le terrain des Lilas")
    query = Query.get("potager")
    SearchPromotion.objects.create(query=query, page=public, sort_order=0)
    SearchPromotion.objects.create(query=query, page=private, sort_order=1)
    text = html.unescape(client.get("/search/", {"q": "potager"}).content.decode())
    assert "Recommandé par l’équipe éditoriale" in text and "Jardin partagé" in text
    assert "Compte rendu confidentiel" not in text
    client.force_login(site["insider"])
    text = html.unescape(client.get("/search/", {"q": "potager"}).content.decode())
    assert "Compte rendu confidentiel" in text


@pytest.mark.parametrize("backend", ["engine", "elasticsearch"], indirect=True)
def test_a_hit_the_index_still_holds_but_the_database_refuses_gives_its_place(
    client, home_page, backend
):
    """The engine's hits are ranked before any row is read; each row shown is read through the
    reader's queryset: a page unpublished behind the index's back is left out, and the next
    hit (here the eleventh, a document) takes its place."""
    for n in range(10):
        StandardPageFactory(parent=home_page, title=f"Béguinage {n}")
    document = ResourceDocument(
        title="Béguinage en Bretagne", collection=Collection.get_first_root_node()
    )
    document.file.save("beguinage.txt", ContentFile(b"Un beguinage breton"), save=False)
    document.save()
    backend()
    data = api(client, "béguinage")
    assert data["count"] == 11 and len(data["results"]) == 10
    every = {"Béguinage en Bretagne", *(f"Béguinage {n}" for n in range(10))}
    assert {result["title"] for result in data["results"]} < every
    shown = next(result["title"] for result in data["results"] if result["kind"] != "Document")
    Page.objects.filter(title=shown).update(live=False)  # no signal: the index is a step behind
    titles = {result["title"] for result in api(client, "béguinage")["results"]}
    assert titles == every - {shown}


def test_results_name_their_top_level_section(client, site):
    from search.service import SiteSearch

    client.force_login(site["insider"])
    groups = Page.objects.get(title="Groupe foncier").get_parent()
    assert groups.depth == 3  # a top-level section, right under the home page

    def sections(hits):
        return {hit.section for hit in hits if hit.title.startswith("Compte rendu confidentiel")}

    page = client.get("/search/", {"q": "confidentiel"}).context["outcome"].hits  # with facets
    assert sections(page) == {groups.title}
    assert sections(SiteSearch(site["insider"], "confidentiel").run().hits) == {groups.title}
