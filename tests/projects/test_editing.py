"""A project's own group (and the members named on it) edit its record from the site; nobody
else does, except the editors."""

import pytest

from projects.factories import ProjectFactory
from projects.models import Stage

from .conftest import make_user

pytestmark = pytest.mark.django_db


def form_data(project, **changes):
    data = {
        "name": project.name,
        "description": project.description,
        "commune": project.commune,
        "department": project.department,
        "region": project.region,
        "latitude": project.latitude,
        "longitude": project.longitude,
        "stage": project.stage,
        "year": project.year,
        "homes": project.homes,
        "legal_form": project.legal_form,
        "social_landlord": "",
        "municipality": "",
        "website": "",
        "contact_email": project.contact_email,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def cast(groups, django_user_model, members_group):
    lilas, verger = groups
    return {
        "lilas_project": ProjectFactory(name="Les Lilas", working_group=lilas),
        "verger_project": ProjectFactory(name="Le Verger", working_group=verger),
        "lilas_member": make_user(django_user_model, "marie", lilas.members_group, members_group),
        "lilas_coordinator": make_user(django_user_model, "claire", lilas.coordinators_group),
        "verger_member": make_user(django_user_model, "omar", verger.members_group),
        "outsider": make_user(django_user_model, "paul", members_group),
    }


@pytest.mark.parametrize("who", ["lilas_member", "lilas_coordinator"])
def test_the_projects_group_edits_its_record(client, cast, who):
    project = cast["lilas_project"]
    client.force_login(cast[who])
    assert client.get(f"/projets/{project.pk}/").context["can_edit"]
    assert client.get(f"/projets/{project.pk}/modifier/").status_code == 200
    response = client.post(
        f"/projets/{project.pk}/modifier/", form_data(project, stage=Stage.CONSTRUCTION, homes=18)
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.stage, project.homes) == (Stage.CONSTRUCTION, 18)


@pytest.mark.parametrize("who", ["verger_member", "outsider"])
def test_nobody_else_edits_it(client, cast, who):
    project = cast["lilas_project"]
    client.force_login(cast[who])
    assert not client.get(f"/projets/{project.pk}/").context["can_edit"]
    assert client.get(f"/projets/{project.pk}/modifier/").status_code == 404
    response = client.post(f"/projets/{project.pk}/modifier/", form_data(project, name="Pirate"))
    assert response.status_code == 404
    project.refresh_from_db()
    assert project.name == "Les Lilas"


def test_a_visitor_is_sent_to_log_in(client, cast):
    project = cast["lilas_project"]
    response = client.post(f"/projets/{project.pk}/modifier/", form_data(project, name="Pirate"))
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    project.refresh_from_db()
    assert project.name == "Les Lilas"


def test_a_member_named_on_the_record_edits_it(client, cast):
    project = cast["verger_project"]
    project.editors.add(cast["outsider"])
    client.force_login(cast["outsider"])
    response = client.post(f"/projets/{project.pk}/modifier/", form_data(project, year=2019))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.year == 2019
    assert list(client.get("/projets/").context["mine"]) == [project]


def test_editors_edit_every_record(client, cast, editor):
    client.force_login(editor)
    for project in (cast["lilas_project"], cast["verger_project"]):
        response = client.post(f"/projets/{project.pk}/modifier/", form_data(project, homes=3))
        assert response.status_code == 302
        project.refresh_from_db()
        assert project.homes == 3


def test_bad_values_are_explained_and_nothing_is_saved(client, cast):
    project = cast["lilas_project"]
    client.force_login(cast["lilas_member"])
    response = client.post(
        f"/projets/{project.pk}/modifier/",
        form_data(project, department="13", latitude=123, stage="demolished"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Bouches-du-Rhône n’est pas dans la région Bretagne" in errors["department"][0]
    assert "entre -90 et 90" in errors["latitude"][0]
    assert "stage" in errors
    project.refresh_from_db()
    assert project.department == "35"


def test_the_group_cannot_change_who_edits_or_publish_what_editors_hid(client, cast):
    project = cast["lilas_project"]
    client.force_login(cast["lilas_member"])
    client.post(
        f"/projets/{project.pk}/modifier/",
        {**form_data(project), "published": "", "working_group": "", "editors": [1]},
    )
    project.refresh_from_db()
    assert project.published and project.working_group_id and not project.editors.exists()


def test_an_unpublished_record_is_seen_by_its_group_only(client, cast):
    project = cast["lilas_project"]
    project.published = False
    project.save()
    assert client.get(f"/projets/{project.pk}/").status_code == 404
    client.force_login(cast["verger_member"])
    assert client.get(f"/projets/{project.pk}/").status_code == 404
    client.force_login(cast["lilas_member"])
    assert client.get(f"/projets/{project.pk}/").status_code == 200


def test_editors_keep_the_records_in_the_admin(client, editor, cast):
    client.force_login(editor)
    listing = client.get("/admin/snippets/projects/project/")
    assert listing.status_code == 200
    assert "Les Lilas" in listing.content.decode()
    project = cast["lilas_project"]
    assert client.get(f"/admin/snippets/projects/project/edit/{project.pk}/").status_code == 200


def test_group_members_have_no_admin_access_to_the_records(client, cast):
    client.force_login(cast["lilas_member"])
    response = client.get("/admin/snippets/projects/project/")
    assert response.status_code in (302, 403)
