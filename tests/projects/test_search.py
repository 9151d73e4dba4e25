"""Projects in the site search, on the database backend, OpenSearch and Elasticsearch:
published ones are found, unpublished ones by nobody."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from projects.factories import ProjectFactory
from search.service import SiteSearch

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(backend, editor):
    ProjectFactory(
        name="Les Hortillons",
        commune="Amiens",
        department="80",
        region="32",
        description="Un habitat groupé au bord des hortillonnages, avec un potager partagé.",
    )
    ProjectFactory(
        name="Les Hortillons cachés",
        commune="Abbeville",
        department="80",
        region="32",
        published=False,
    )
    backend()


def titles(client, q):
    response = client.get("/search/api/", {"q": q})
    assert response.status_code == 200
    return {result["title"]: result for result in json.loads(response.content)["results"]}


def test_a_published_project_is_found_with_its_link_and_region(client, indexed):
    results = titles(client, "hortillons")
    assert "Les Hortillons" in results
    assert results["Les Hortillons"]["url"].startswith("/projets/")
    assert results["Les Hortillons"]["kind"] == "Projet d’habitat"
    found = SiteSearch(AnonymousUser(), "potager partagé Amiens").run()
    hit = next(hit for hit in found.hits if hit.title == "Les Hortillons")
    assert hit.section == "Hauts-de-France"


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_an_unpublished_project_is_found_by_nobody(client, indexed, editor, who):
    if who == "editor":
        client.force_login(editor)
    assert "Les Hortillons cachés" not in titles(client, "hortillons")
    assert titles(client, "Abbeville") == {}
    count = json.loads(client.get("/search/api/", {"q": "Abbeville"}).content)["count"]
    assert count == 0
