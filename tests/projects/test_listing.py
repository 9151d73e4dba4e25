"""/projets/: filters, pagination, and a number of queries that does not grow with the list."""

import pytest

from projects.factories import ProjectFactory
from projects.models import LegalForm, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(publics):
    """Projects that differ in one respect each."""
    return {
        "rennes": ProjectFactory(
            name="La Courte Échelle",
            commune="Rennes",
            department="35",
            region="53",
            stage=Stage.STUDIES,
            year=2021,
            legal_form=LegalForm.COOPERATIVE,
            publics=[publics["seniors"]],
        ),
        "brest": ProjectFactory(
            name="Ty Kêr",
            commune="Brest",
            department="29",
            region="53",
            stage=Stage.INHABITED,
            year=2012,
            legal_form=LegalForm.SCIA,
            publics=[publics["intergenerationnel"], publics["seniors"]],
        ),
        "lyon": ProjectFactory(
            name="La Ruche",
            commune="Villeurbanne",
            department="69",
            region="84",
            stage=Stage.INHABITED,
            year=2015,
            legal_form=LegalForm.CONDOMINIUM,
            publics=[publics["logement-social"]],
        ),
        "hidden": ProjectFactory(
            name="Projet masqué", commune="Rennes", department="35", region="53", published=False
        ),
    }


def names(response):
    return {project.name for project in response.context["projects"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"La Courte Échelle", "Ty Kêr", "La Ruche"}),
        ({"region": "53"}, {"La Courte Échelle", "Ty Kêr"}),
        ({"department": "29"}, {"Ty Kêr"}),
        ({"stage": "inhabited"}, {"Ty Kêr", "La Ruche"}),
        ({"stage": ["inhabited", "studies"]}, {"La Courte Échelle", "Ty Kêr", "La Ruche"}),
        ({"public": "seniors"}, {"La Courte Échelle", "Ty Kêr"}),
        ({"public": ["seniors", "logement-social"]}, {"La Courte Échelle", "Ty Kêr", "La Ruche"}),
        ({"legal_form": "scia"}, {"Ty Kêr"}),
        ({"year": "2015"}, {"La Ruche"}),
        ({"q": "villeurbanne"}, {"La Ruche"}),
        ({"q": "ruche"}, {"La Ruche"}),
        ({"region": "53", "stage": "inhabited", "public": "seniors"}, {"Ty Kêr"}),
    ],
)
def test_filters(client, spread, params, expected):
    response = client.get("/projets/", params)
    assert response.status_code == 200
    assert names(response) == expected


def test_unpublished_projects_are_not_listed(client, spread):
    response = client.get("/projets/", {"q": "masqué"})
    assert names(response) == set()
    assert "Projet masqué" not in response.content.decode()


def test_bad_filter_values_are_reported_and_ignored(client, spread):
    response = client.get("/projets/", {"region": "99", "year": "deux mille", "stage": "inhabited"})
    assert response.status_code == 200
    assert names(response) == {"Ty Kêr", "La Ruche"}  # the valid filter still applies
    form = response.context["filters"].form
    assert set(form.errors) == {"region", "year"}
    assert "form-errors" in response.content.decode()


def test_a_departement_outside_the_chosen_region_is_reported(client, spread):
    response = client.get("/projets/", {"region": "84", "department": "29"})
    form = response.context["filters"].form
    assert "Auvergne-Rhône-Alpes" in form.errors["department"][0]
    assert names(response) == {"La Ruche"}  # the région alone


def test_pagination(client):
    for number in range(25):
        ProjectFactory(name=f"Projet {number:02d}")
    first = client.get("/projets/")
    second = client.get("/projets/", {"page": 2})
    assert len(first.context["projects"]) == 20
    assert len(second.context["projects"]) == 5
    assert names(first).isdisjoint(names(second))
    assert client.get("/projets/", {"page": "abc"}).status_code == 200


def test_links_carry_the_filters_to_the_map_export_and_statistics(client, spread):
    content = client.get("/projets/", {"region": "53", "stage": "studies"}).content.decode()
    assert "/projets/carte.json?region=53&amp;stage=studies" in content
    assert "/projets/export.csv?region=53&amp;stage=studies" in content
    assert "/projets/statistiques/?region=53&amp;stage=studies" in content


def _many(count, publics):
    for number in range(count):
        ProjectFactory(
            name=f"Projet {number}",
            stage=Stage.values[number % 5],
            publics=[publics["seniors"], publics["familles"]],
        )


@pytest.mark.parametrize("count", [5, 30])
def test_listing_queries_do_not_grow_with_the_projects(
    client, publics, count, django_assert_num_queries
):
    _many(count, publics)
    client.get("/projets/")  # the site's menu and its cache, warmed up
    # Publics' choices, count, page, the page's publics; the menu's site and view restrictions.
    with django_assert_num_queries(6):
        response = client.get("/projets/", {"region": "53", "public": "seniors"})
    assert response.status_code == 200
    assert len(response.context["projects"]) == min(count, 20)


def test_the_tools_page_lists_the_projects_database(client, db):
    content = client.get("/outils/").content.decode()
    assert 'href="/projets/"' in content
