"""Only vetted partners are public: an unvetted one is never listed, mapped, searchable or
reachable by anyone but the editors."""

import json

import pytest

from partners.factories import PartnerFactory

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    return {
        "vetted": PartnerFactory(name="Atelier Paille et Bois", services="Construction en paille"),
        "unvetted": PartnerFactory(
            name="Atelier Paille Douteuse", services="Construction en paille", vetted=False
        ),
    }


@pytest.fixture
def readers(django_user_model, member, editor):
    return {
        "anonymous": None,
        "visitor": make_user(django_user_model, "visiteur"),
        "member": member,
        "editor": editor,
    }


def names(response):
    return {partner.name for partner in response.context["partners"]}


@pytest.mark.parametrize("who", ["anonymous", "visitor", "member"])
def test_an_unvetted_partner_does_not_exist_for_non_editors(client, partners, readers, who):
    if readers[who]:
        client.force_login(readers[who])
    hidden = partners["unvetted"]
    assert names(client.get("/partenaires/")) == {"Atelier Paille et Bois"}
    assert names(client.get("/partenaires/", {"q": "douteuse"})) == set()
    assert names(client.get("/partenaires/", {"status": "unvetted"})) == {
        "Atelier Paille et Bois"  # the status filter is the editors' only
    }
    points = json.loads(client.get("/partenaires/carte.json").content)["points"]
    assert [point[3] for point in points] == ["Atelier Paille et Bois"]
    assert client.get(f"/partenaires/{hidden.pk}/").status_code == 404
    assert client.post(f"/partenaires/{hidden.pk}/recommander/", {"comment": "x"}).status_code in (
        302,
        404,
    )
    assert "Douteuse" not in client.get("/partenaires/").content.decode()


def test_even_the_member_who_proposed_it_cannot_open_it_before_vetting(client, partners, member):
    hidden = partners["unvetted"]
    hidden.proposed_by = member
    hidden.save()
    client.force_login(member)
    assert client.get(f"/partenaires/{hidden.pk}/").status_code == 404


def test_editors_see_and_filter_unvetted_partners(client, partners, editor):
    client.force_login(editor)
    assert names(client.get("/partenaires/")) == {
        "Atelier Paille et Bois",
        "Atelier Paille Douteuse",
    }
    assert names(client.get("/partenaires/", {"status": "unvetted"})) == {"Atelier Paille Douteuse"}
    response = client.get(f"/partenaires/{partners['unvetted'].pk}/")
    assert response.status_code == 200
    assert "En attente de validation" in response.content.decode()


def test_once_vetted_it_is_public(client, partners):
    hidden = partners["unvetted"]
    hidden.vetted = True
    hidden.save()
    assert client.get(f"/partenaires/{hidden.pk}/").status_code == 200
    assert "Atelier Paille Douteuse" in names(client.get("/partenaires/"))
