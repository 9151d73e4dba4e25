"""The projects' and partners' maps in a real browser: Leaflet from our static files, one
marker per record with coordinates, on a plain background (no tile server)."""

import pytest

from partners.factories import PartnerFactory
from projects.factories import ProjectFactory
from projects.models import Stage

# A flush between tests would drop the pages and groups the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CITIES = [
    ("Rennes", "35", 48.1173, -1.6778),
    ("Lyon", "69", 45.7640, 4.8357),
    ("Lille", "59", 50.6292, 3.0573),
    ("Marseille", "13", 43.2965, 5.3698),
    ("Saint-Denis", "974", -20.8821, 55.4507),  # La Réunion: on the map too
]


def test_the_map_shows_a_marker_per_project_and_filters_them(page, live_server, settings):
    settings.MAP_TILE_URL = ""
    for number, (commune, department, lat, lon) in enumerate(CITIES):
        ProjectFactory(
            name=f"Projet de {commune}",
            commune=commune,
            department=department,
            region="",
            latitude=lat,
            longitude=lon,
            stage=Stage.INHABITED if number % 2 else Stage.IDEA,
        )
    ProjectFactory(name="Sans coordonnées", latitude=None, longitude=None)

    page.goto(live_server.url + "/projets/")
    page.wait_for_selector(".map[data-loaded]")
    assert page.locator(".map").get_attribute("data-loaded") == "5"
    assert page.locator("path.map-marker").count() == 5
    assert page.locator(".leaflet-tile").count() == 0  # no tile server: a plain background

    page.locator("path.map-marker--0").first.click(force=True)
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    assert popup.get_attribute("href").startswith("/projets/")

    page.goto(live_server.url + "/projets/?stage=inhabited")
    page.wait_for_selector(".map[data-loaded]")
    assert page.locator("path.map-marker").count() == 2


def test_the_partners_map_shows_vetted_partners_only(page, live_server):
    PartnerFactory(name="Notaire de Lyon", kind="notary", latitude=45.76, longitude=4.83)
    PartnerFactory(name="Architecte de Lille", kind="architect", latitude=50.63, longitude=3.06)
    PartnerFactory(name="Pas encore vérifié", vetted=False, latitude=47.2, longitude=-1.55)
    page.goto(live_server.url + "/partenaires/")
    page.wait_for_selector(".map[data-loaded]")
    assert page.locator("path.map-marker").count() == 2
