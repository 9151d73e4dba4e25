"""Writing to a project: the message reaches it by email, its address is never shown, and spam
is kept out by a honeypot and a rate limit."""

import pytest
from django.core import mail

from projects.factories import ProjectFactory
from projects.models import ContactMessage

from .conftest import make_user

pytestmark = pytest.mark.django_db

SECRET = "secret-contact@lilas.example.org"


@pytest.fixture
def project(db):
    return ProjectFactory(name="Les Lilas", contact_email=SECRET)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def send(url, data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **kwargs)

    return send


MESSAGE = {
    "name": "Sophie Martin",
    "email": "sophie@example.org",
    "message": "Bonjour, nous aimerions visiter votre salle commune.",
    "website": "",
}


def test_the_message_reaches_the_project_and_the_sender_can_be_answered(post, project):
    response = post(f"/projets/{project.pk}/contact/", MESSAGE)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [SECRET]
    assert email.reply_to == ["sophie@example.org"] or email.extra_headers["Reply-To"] == (
        "sophie@example.org"
    )
    assert "salle commune" in email.body and "Sophie Martin" in email.body
    assert ContactMessage.objects.count() == 1


def test_the_contact_email_never_leaks(client, post, project, editor):
    pages = [
        f"/projets/{project.pk}/",
        f"/projets/{project.pk}/contact/",
        "/projets/",
        "/projets/carte.json",
        "/projets/statistiques/",
    ]
    for url in pages:
        assert SECRET not in client.get(url).content.decode(), url
    assert SECRET.encode() not in b"".join(client.get("/projets/export.csv").streaming_content)
    response = post(f"/projets/{project.pk}/contact/", MESSAGE, follow=True)
    assert SECRET not in response.content.decode()
    invalid = post(f"/projets/{project.pk}/contact/", {**MESSAGE, "email": "nope"})
    assert SECRET not in invalid.content.decode()
    search = client.get("/search/api/", {"q": "Lilas"}).content.decode()
    assert SECRET not in search


def test_a_robot_filling_the_honeypot_is_thanked_and_ignored(post, project):
    response = post(f"/projets/{project.pk}/contact/", {**MESSAGE, "website": "http://spam"})
    assert response.status_code == 302
    assert mail.outbox == []
    assert ContactMessage.objects.count() == 0


def test_too_many_messages_from_one_sender_are_refused(post, project, settings):
    settings.PROJECT_CONTACT_RATE_LIMIT = 2
    for _attempt in range(2):
        assert post(f"/projets/{project.pk}/contact/", MESSAGE).status_code == 302
    response = post(f"/projets/{project.pk}/contact/", MESSAGE)
    assert response.status_code == 429
    assert "réessayer dans une heure" in response.content.decode()
    assert len(mail.outbox) == 2
    # Another sender is not held back.
    other = post(f"/projets/{project.pk}/contact/", MESSAGE, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_the_sender_name_cannot_inject_headers(post, project):
    response = post(
        f"/projets/{project.pk}/contact/",
        {**MESSAGE, "name": "Sophie\r\nBcc: victime@example.org"},
    )
    assert response.status_code == 302
    assert "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].bcc == []


def test_invalid_messages_are_explained(post, project):
    response = post(f"/projets/{project.pk}/contact/", {**MESSAGE, "email": "", "message": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "message"}
    assert mail.outbox == []


def test_without_an_address_the_groups_coordinators_receive_it(post, groups, django_user_model):
    lilas = groups[0]
    make_user(django_user_model, "claire", lilas.coordinators_group, email="claire@example.org")
    project = ProjectFactory(name="Sans adresse", contact_email="", working_group=lilas)
    assert post(f"/projets/{project.pk}/contact/", MESSAGE).status_code == 302
    assert mail.outbox[0].to == ["claire@example.org"]


def test_a_project_nobody_can_be_reached_for_has_no_form(client):
    project = ProjectFactory(contact_email="")
    assert client.get(f"/projets/{project.pk}/contact/").status_code == 404
    assert (
        f"/projets/{project.pk}/contact/"
        not in client.get(f"/projets/{project.pk}/").content.decode()
    )


def test_an_unpublished_project_cannot_be_written_to(client):
    project = ProjectFactory(published=False, contact_email=SECRET)
    assert client.get(f"/projets/{project.pk}/contact/").status_code == 404


def test_old_rate_limit_traces_are_not_kept(post, project):
    from datetime import timedelta

    from django.utils import timezone

    old = ContactMessage.objects.create(project=project, client_hash="x" * 64)
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    post(f"/projets/{project.pk}/contact/", MESSAGE)
    assert list(ContactMessage.objects.values_list("client_hash", flat=True)) != ["x" * 64]
    assert not ContactMessage.objects.filter(pk=old.pk).exists()
