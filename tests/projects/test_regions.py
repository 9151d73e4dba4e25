"""The départements added to home/regions.py, and the rule that a project's département is in
its région."""

import pytest
from django.core.exceptions import ValidationError

from home.regions import (
    DEPARTMENT_REGIONS,
    DEPARTMENTS,
    REGION_NAMES,
    department_code,
    departments_of,
)
from projects.factories import ProjectFactory
from projects.models import Project


def test_the_101_departements_each_in_a_known_region():
    codes = [code for code, _name, _region in DEPARTMENTS]
    assert len(codes) == len(set(codes)) == 101
    assert all(region in REGION_NAMES for region in DEPARTMENT_REGIONS.values())
    assert {code for code, _name in departments_of("53")} == {"22", "29", "35", "56"}
    assert len(departments_of("76")) == 13  # Occitanie
    assert DEPARTMENT_REGIONS["2A"] == DEPARTMENT_REGIONS["2B"] == "94"
    assert DEPARTMENT_REGIONS["974"] == "04"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("35", "35"),
        ("1", "01"),  # a spreadsheet dropped the zero
        ("2a", "2A"),
        ("Côtes-d'Armor", "22"),
        ("cotes d armor", "22"),
        ("LA RÉUNION", "974"),
        ("Guadeloupe", "971"),
        ("Seine Saint Denis", "93"),
        ("Bretagne", None),
        ("99", None),
        ("", None),
    ],
)
def test_departement_read_however_written(text, code):
    assert department_code(text) == code


@pytest.mark.django_db
def test_a_departement_outside_its_region_is_refused_with_a_clear_message():
    project = Project(name="Les Tilleuls", commune="Brest", department="29", region="84")
    with pytest.raises(ValidationError) as caught:
        project.full_clean(exclude=["key"])
    message = " ".join(caught.value.message_dict["department"])
    assert "Finistère" in message and "Auvergne-Rhône-Alpes" in message and "Bretagne" in message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        (91, 2.0, "latitude"),
        (-90.5, 2.0, "latitude"),
        (45.0, 181, "longitude"),
        (45.0, None, "longitude"),
    ],
)
def test_coordinates_out_of_range_or_alone_are_refused(latitude, longitude, field):
    project = Project(
        name="Hors carte",
        commune="Rennes",
        department="35",
        region="53",
        latitude=latitude,
        longitude=longitude,
    )
    with pytest.raises(ValidationError) as caught:
        project.full_clean(exclude=["key"])
    assert field in caught.value.message_dict


@pytest.mark.django_db
def test_the_same_project_twice_in_a_commune_is_refused():
    ProjectFactory(name="La Ruche", commune="Rennes", department="35")
    twin = Project(name="la ruche", commune="RENNES", department="35", region="53")
    with pytest.raises(ValidationError) as caught:
        twin.full_clean(exclude=["key"])
    assert "Rennes" in caught.value.message_dict["name"][0]
    # The same name elsewhere is another project.
    Project(name="La Ruche", commune="Brest", department="29", region="53").full_clean(
        exclude=["key"]
    )


@pytest.mark.django_db
def test_the_region_follows_the_departement_when_left_blank():
    project = ProjectFactory(department="13", region="")
    assert project.region == "93"
