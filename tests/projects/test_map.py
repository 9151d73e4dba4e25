"""The projects' map: its compact data endpoint (filters applied, one query whatever the
number of projects) and the page that loads Leaflet from our own static files."""

import json

import pytest

from projects.factories import ProjectFactory
from projects.models import Stage

pytestmark = pytest.mark.django_db


def data(client, **params):
    response = client.get("/projets/carte.json", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_points_are_compact_with_their_stage_and_link(client):
    project = ProjectFactory(
        name="Les Goélands", latitude=47.748312345, longitude=-3.37, stage=Stage.STUDIES
    )
    payload = data(client)
    assert payload["count"] == 1
    assert payload["points"] == [[project.pk, 47.74831, -3.37, "Les Goélands", 2]]
    assert payload["categories"][2] == ["studies", "Études"]
    assert payload["url"].replace("{id}", str(project.pk)) == project.get_absolute_url()


def test_no_coordinates_unpublished_or_contact_email_on_the_map(client):
    ProjectFactory(name="Sans coordonnées", latitude=None, longitude=None)
    ProjectFactory(name="Masqué", published=False)
    ProjectFactory(name="Visible", contact_email="secret@groupe.example.org")
    payload = data(client)
    assert [point[3] for point in payload["points"]] == ["Visible"]
    assert b"secret@" not in client.get("/projets/carte.json").content


def test_the_map_data_follows_the_filters(client, publics):
    ProjectFactory(name="Rennes", region="53", department="35", stage=Stage.IDEA)
    ProjectFactory(
        name="Lyon",
        commune="Lyon",
        region="84",
        department="69",
        stage=Stage.INHABITED,
        publics=[publics["seniors"]],
    )
    assert [p[3] for p in data(client, region="84")["points"]] == ["Lyon"]
    assert [p[3] for p in data(client, stage="idea")["points"]] == ["Rennes"]
    assert [p[3] for p in data(client, public="seniors")["points"]] == ["Lyon"]
    assert data(client, region="53", stage="inhabited")["points"] == []


@pytest.mark.parametrize("count", [5, 30])
def test_map_data_is_one_query_whatever_the_number_of_projects(
    client, publics, count, django_assert_num_queries
):
    for number in range(count):
        ProjectFactory(name=f"Projet {number}", latitude=45 + number / 100)
    # The publics' choices of the filters, the state of the rows, the points.
    with django_assert_num_queries(3):
        payload = data(client, stage="group")
    assert payload["count"] == count
    with django_assert_num_queries(2):  # unchanged rows: the points come from the cache
        assert data(client, stage="group") == payload


def test_a_kept_map_follows_every_change_at_once(client):
    first = ProjectFactory(name="Les Goélands", latitude=47.7, longitude=-3.37)
    assert [p[3] for p in data(client)["points"]] == ["Les Goélands"]
    first.name = "Les Mouettes"
    first.save()
    assert [p[3] for p in data(client)["points"]] == ["Les Mouettes"]
    ProjectFactory(name="Le Phare", latitude=48.1, longitude=-4.1)
    assert sorted(p[3] for p in data(client)["points"]) == ["Le Phare", "Les Mouettes"]
    first.delete()
    assert [p[3] for p in data(client)["points"]] == ["Le Phare"]


def test_the_page_loads_leaflet_from_our_static_files_and_no_tiles_by_default(client, settings):
    settings.MAP_TILE_URL = ""
    content = client.get("/projets/").content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in content
    assert "/static/vendor/leaflet/leaflet.css" in content
    assert "/static/js/map.js" in content
    assert 'data-tile-url=""' in content
    assert 'data-map-url="/projets/carte.json"' in content
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/js/map.js").status_code == 200


def test_the_tile_server_is_a_setting(client, settings):
    settings.MAP_TILE_URL = "https://tuiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Contributeurs OpenStreetMap"
    content = client.get("/projets/").content.decode()
    assert 'data-tile-url="https://tuiles.example.org/{z}/{x}/{y}.png"' in content
    assert "© Contributeurs OpenStreetMap" in content
