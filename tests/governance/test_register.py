"""The decision register, its filters, its feeds and the stable address of each decision."""

import pytest

from governance import register as register_module

pytestmark = pytest.mark.django_db


def titles(response):
    return [decision.title for decision in response.context["register"].decisions]


def test_a_visitor_reads_every_public_decision_newest_first(client, governance):
    response = client.get(governance["register"].url)
    assert response.status_code == 200
    assert titles(response) == [
        "Créer un collège des partenaires",
        "Fixer les cotisations",
        "Adopter la charte",
    ]
    html = response.content.decode()
    assert "Salaire de la coordinatrice" not in html
    assert "Comité de pilotage" not in html  # not even offered as a filter


def test_a_member_also_reads_members_only_decisions(client, governance, member):
    client.force_login(member)
    response = client.get(governance["register"].url)
    assert "Salaire de la coordinatrice" in titles(response)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "rejected"}, ["Fixer les cotisations"]),
        ({"status": "postponed"}, ["Créer un collège des partenaires"]),
        ({"year": "2024"}, ["Adopter la charte"]),
        ({"year": "2025", "status": "adopted"}, []),
    ],
)
def test_decisions_filter_by_year_and_status(client, governance, params, expected):
    assert titles(client.get(governance["register"].url, params)) == expected


def test_decisions_filter_by_body(client, governance, member):
    client.force_login(member)
    url = governance["register"].url
    assert titles(client.get(url, {"body": governance["steering"].pk})) == [
        "Salaire de la coordinatrice"
    ]
    assert len(titles(client.get(url, {"body": governance["plenary"].pk}))) == 3


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "999"},
        {"body": "x"},
        {"body": "-3"},
        {"status": "<script>"},
    ],
)
def test_odd_filter_values_give_a_normal_page(client, governance, params):
    response = client.get(governance["register"].url, params)
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_a_visitor_cannot_filter_on_a_members_only_body(client, governance):
    response = client.get(governance["register"].url, {"body": governance["steering"].pk})
    assert response.status_code == 200
    assert "Salaire de la coordinatrice" not in response.content.decode()
    assert response.context["register"].body is None


def test_the_register_pages_through_many_decisions(client, governance, monkeypatch):
    monkeypatch.setattr(register_module, "PAGE_SIZE", 2)
    url = governance["register"].url
    first = client.get(url)
    assert len(titles(first)) == 2
    assert 'rel="next"' in first.content.decode()
    last = client.get(url, {"page": 2})
    assert titles(last) == ["Adopter la charte"]


def test_each_decision_has_a_stable_address_that_follows_the_page(client, governance):
    charter = governance["decisions"]["charter"]
    permalink = charter.permalink
    assert permalink == f"/decisions/{charter.pk}/"
    charter.slug = "charte-du-mouvement"
    charter.save_revision().publish()
    response = client.get(permalink)
    assert response.status_code == 302
    assert response["Location"].endswith("/charte-du-mouvement/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert permalink in page.content.decode()


def test_the_stable_address_of_a_members_only_decision_reveals_nothing(client, governance, member):
    permalink = governance["decisions"]["salary"].permalink
    response = client.get(permalink)
    assert response.status_code == 404
    assert "Salaire" not in response.content.decode()
    assert client.get("/decisions/999999/").status_code == 404
    client.force_login(member)
    assert client.get(permalink, follow=True).status_code == 200


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_the_feeds_list_public_decisions_only_even_for_a_member(client, governance, member, feed):
    client.force_login(member)
    response = client.get(governance["register"].url + f"{feed}/")
    assert response.status_code == 200
    expected_type = "application/rss+xml" if feed == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    xml = response.content.decode()
    for key in ("charter", "fees", "college"):
        decision = governance["decisions"][key]
        assert decision.title in xml.replace("&#x27;", "'")
        assert f"http://testserver{decision.permalink}" in xml
    assert "Salaire" not in xml
    assert xml.count("<category") == 3  # each item carries its status


def test_a_draft_decision_is_neither_listed_nor_in_the_feed(client, governance):
    charter = governance["decisions"]["charter"]
    charter.unpublish()
    assert "Adopter la charte" not in titles(client.get(governance["register"].url))
    assert (
        "Adopter la charte" not in client.get(governance["register"].url + "rss/").content.decode()
    )


def test_the_meeting_page_shows_agenda_attendance_and_decisions(client, governance):
    response = client.get(governance["meetings"]["march"].url)
    html = response.content.decode()
    assert "Fixer les cotisations" in html and "Créer un collège des partenaires" in html
    assert "Adhésion" in html  # the agenda


def test_decisions_are_numbered_by_year(governance):
    references = sorted(d.reference for d in governance["decisions"].values())
    assert references == ["2024-001", "2025-001", "2025-002", "2025-003"]
