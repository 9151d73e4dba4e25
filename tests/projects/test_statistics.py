"""/projets/statistiques/: by stage, by région, homes completed, growth per year."""

import pytest

from projects.factories import ProjectFactory
from projects.models import Project, Stage
from projects.statistics import compute

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(db):
    rows = [
        # name, department, region, stage, year, homes
        ("A", "35", "53", Stage.INHABITED, 2010, 12),
        ("B", "29", "53", Stage.INHABITED, 2012, 8),
        ("C", "69", "84", Stage.INHABITED, 2012, 20),
        ("D", "69", "84", Stage.CONSTRUCTION, 2015, 30),
        ("E", "38", "84", Stage.STUDIES, 2015, None),
        ("F", "13", "93", Stage.IDEA, None, None),
        ("G", "44", "52", Stage.INHABITED, 2016, 5),
    ]
    for name, department, region, stage, year, homes in rows:
        ProjectFactory(
            name=name, department=department, region=region, stage=stage, year=year, homes=homes
        )
    ProjectFactory(name="Masqué", stage=Stage.INHABITED, homes=100, published=False)


def test_figures(projects):
    stats = compute(Project.objects.published())
    assert stats.total == 7
    assert [(row.stage, row.projects, row.homes) for row in stats.by_stage] == [
        ("idea", 1, 0),
        ("group", 0, 0),
        ("studies", 1, 0),
        ("construction", 1, 30),
        ("inhabited", 4, 45),
    ]
    assert stats.inhabited == 4
    assert stats.homes_completed == 12 + 8 + 20 + 5
    assert stats.in_progress == 2
    assert [(row.region, row.projects, row.homes_completed) for row in stats.by_region] == [
        ("84", 3, 20),
        ("53", 2, 20),
        ("52", 1, 5),
        ("93", 1, 0),
    ]
    assert [(row.year, row.started, row.cumulative) for row in stats.per_year] == [
        (2010, 1, 1),
        (2011, 0, 1),
        (2012, 2, 3),
        (2013, 0, 3),
        (2014, 0, 3),
        (2015, 2, 5),
        (2016, 1, 6),
    ]
    assert stats.without_year == 1


def test_the_page_shows_the_figures_in_tables_and_accessible_charts(client, projects):
    response = client.get("/projets/statistiques/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<caption" in content and 'scope="row"' in content
    assert 'role="img"' in content and "<title" in content and "<desc" in content
    stage_rows = {row.stage: bar.share for row, bar in response.context["stage_rows"]}
    assert stage_rows["inhabited"] == 100.0 and stage_rows["idea"] == 25.0
    assert "Masqué" not in content
    assert response.context["stats"].homes_completed == 45  # the hidden project's 100 left out


def test_statistics_follow_the_filters(client, projects):
    stats = client.get("/projets/statistiques/", {"region": "84"}).context["stats"]
    assert stats.total == 3
    assert stats.homes_completed == 20


def test_statistics_of_nothing(client, db):
    response = client.get("/projets/statistiques/")
    assert response.status_code == 200
    assert response.context["stats"].total == 0
    assert response.context["stats"].per_year == []


def test_statistics_take_a_constant_number_of_queries(client, projects, django_assert_num_queries):
    client.get("/projets/statistiques/")
    for number in range(20):
        ProjectFactory(name=f"En plus {number}", year=2000 + number)
    # Publics' choices, by stage, by région, per year; the menu's site and view restrictions.
    with django_assert_num_queries(6):
        client.get("/projets/statistiques/")
