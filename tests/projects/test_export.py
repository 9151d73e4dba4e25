"""/projets/export.csv: the current filters, never the contact address, and a file that the
import reads back unchanged."""

import csv
import io

import pytest

from projects.factories import ProjectFactory
from projects.importer import UNCHANGED, ProjectImporter
from projects.models import LegalForm, Project, Stage

pytestmark = pytest.mark.django_db


def export(client, **params):
    response = client.get("/projets/export.csv", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="projets-')
    return b"".join(response.streaming_content)


def rows(data):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def projects(publics, features):
    ProjectFactory(
        name="La Courte Échelle, « coopérative »",
        commune="Rennes",
        stage=Stage.STUDIES,
        legal_form=LegalForm.COOPERATIVE,
        publics=[publics["seniors"], publics["intergenerationnel"]],
        ecological_features=[features["biosources"]],
        contact_email="secret@courte-echelle.example.org",
        description="Deux lignes :\nune salle commune; un jardin.",
        website="https://courte-echelle.example.org",
    )
    ProjectFactory(
        name="La Ruche",
        commune="Villeurbanne",
        department="69",
        region="84",
        stage=Stage.INHABITED,
        latitude=None,
        longitude=None,
        year=None,
        homes=None,
        legal_form="",
    )
    ProjectFactory(name="Masqué", published=False)


def test_the_export_parses_back_with_every_published_project(client, projects):
    data = export(client)
    assert data.startswith("\ufeff".encode())  # spreadsheets read the accents
    parsed = rows(data)
    assert [row["name"] for row in parsed] == ["La Courte Échelle, « coopérative »", "La Ruche"]
    first = parsed[0]
    assert first["publics"] == "Seniors | Intergénérationnel"
    assert first["ecological_features"].startswith("Matériaux biosourcés (paille")
    assert first["description"] == "Deux lignes :\nune salle commune; un jardin."
    assert (first["department"], first["region"], first["stage"]) == ("35", "53", "studies")
    assert parsed[1]["latitude"] == "" and parsed[1]["year"] == ""


def test_the_contact_email_is_never_exported(client, projects):
    data = export(client)
    assert b"secret@" not in data
    assert "contact_email" not in rows(data)[0]


def test_the_export_follows_the_filters(client, projects):
    assert [row["name"] for row in rows(export(client, region="84"))] == ["La Ruche"]
    assert rows(export(client, stage="idea")) == []


def test_an_exported_file_imports_back_unchanged(client, projects):
    data = export(client)
    report = ProjectImporter().run(data)
    assert [outcome.status for outcome in report.outcomes] == [UNCHANGED, UNCHANGED]
    assert Project.objects.count() == 3


def test_an_exported_file_recreates_the_projects_elsewhere(client, projects):
    data = export(client)
    originals = {
        project.name: (
            project.commune,
            project.stage,
            project.latitude,
            set(project.publics.values_list("slug", flat=True)),
        )
        for project in Project.objects.published()
    }
    Project.objects.all().delete()
    ProjectImporter().run(data)
    assert {
        project.name: (
            project.commune,
            project.stage,
            project.latitude,
            set(project.publics.values_list("slug", flat=True)),
        )
        for project in Project.objects.all()
    } == originals


def test_editors_export_from_the_admin(client, editor, projects):
    client.force_login(editor)
    response = client.get("/admin/snippets/projects/project/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "La Ruche" in content and "Masqué" in content
