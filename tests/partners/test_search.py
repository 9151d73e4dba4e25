"""Partners in the site search, on every backend: vetted ones for everybody, unvetted ones for
editors only."""

import json

import pytest

from partners.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(backend):
    PartnerFactory(
        name="Office notarial Lemoine",
        kind="notary",
        services="Statuts de coopératives d'habitants",
        regions=["84"],
    )
    PartnerFactory(
        name="Étude Mirabelle",
        kind="notary",
        services="Statuts de coopératives d'habitants",
        vetted=False,
    )
    backend()


def results(client, q):
    response = client.get("/search/api/", {"q": q})
    assert response.status_code == 200
    payload = json.loads(response.content)
    return payload["count"], {result["title"]: result for result in payload["results"]}


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_only_vetted_partners_are_found(client, indexed, member, who):
    if who == "member":
        client.force_login(member)
    count, found = results(client, "coopératives notarial")
    assert "Office notarial Lemoine" in found
    assert found["Office notarial Lemoine"]["url"].startswith("/partenaires/")
    assert "Étude Mirabelle" not in found
    assert results(client, "Mirabelle") == (0, {})


def test_editors_find_unvetted_partners_too(client, indexed, editor):
    client.force_login(editor)
    _count, found = results(client, "Mirabelle")
    assert "Étude Mirabelle" in found


def test_partners_are_found_by_region_name(client, indexed):
    _count, found = results(client, "Auvergne")
    assert "Office notarial Lemoine" in found
