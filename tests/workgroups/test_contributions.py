"""Anyone can offer a contribution to a group; coordinators triage it and the contributor hears
back. Spam is kept out with a honeypot and a rate limit, uploads are checked."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from workgroups.models import Contribution, WorkingGroupPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(demo):
    return WorkingGroupPage.objects.get(slug="centre-de-ressources")


def offer(post, group, **extra):
    data = {
        "kind": "skill",
        "message": "Je peux relire vos statuts de coopérative.",
        "name": "Hugo Petit",
        "email": "hugo@example.org",
        **extra,
    }
    return post(group.url + "contribuer/", data)


def test_a_visitor_offers_a_contribution_with_an_attachment(client, post, group):
    Contribution.objects.all().delete()
    attachment = SimpleUploadedFile("cv.txt", "Notaire, vingt ans d'expérience.".encode())
    response = offer(post, group, attachment=attachment)
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.name, contribution.user, contribution.status) == (
        "Hugo Petit",
        None,
        "new",
    )
    # Kept out of MEDIA_ROOT: no web server hands it out.
    stored = Path(contribution.attachment.path)
    assert Path(settings.PRIVATE_MEDIA_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
    # The coordinators (the demo editor) hear about it.
    assert mail.outbox[-1].to == ["editrice@example.org"]
    assert "Je peux relire vos statuts" in mail.outbox[-1].body


def test_only_coordinators_download_an_attachment(client, post, group, django_user_model):
    offer(post, group, attachment=SimpleUploadedFile("idee.txt", b"Une idee"))
    contribution = Contribution.objects.exclude(attachment="").get()
    url = group.url + f"coordination/contributions/{contribution.pk}/piece-jointe/"
    assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.get(username="membre"))  # a mere member
    assert client.get(url).status_code == 403
    client.force_login(django_user_model.objects.get(username="editrice"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Une idee"


def test_a_disguised_attachment_is_refused_and_nothing_is_lost(client, post, group):
    before = Contribution.objects.count()
    fake_pdf = SimpleUploadedFile("statuts.pdf", b"MZ\x90\x00 not a pdf at all")
    response = offer(post, group, attachment=fake_pdf)
    assert response.status_code == 200
    page = response.content.decode()
    assert "statuts.pdf" in page or "PDF" in page
    assert "Je peux relire vos statuts de coopérative." in page  # what was typed stays
    assert Contribution.objects.count() == before


def test_the_honeypot_thanks_robots_and_keeps_nothing(client, post, group):
    before = Contribution.objects.count()
    response = offer(post, group, website="https://spam.example")
    assert response.status_code == 302
    assert Contribution.objects.count() == before
    assert not mail.outbox


@override_settings(CONTRIBUTION_RATE_LIMIT=2)
def test_a_sender_is_slowed_down_after_a_few_contributions(client, post, group):
    assert offer(post, group).status_code == 302
    assert offer(post, group).status_code == 302
    response = offer(post, group, message="Troisième proposition")
    assert response.status_code == 429
    assert "réessayer dans une heure" in response.content.decode()
    assert "Troisième proposition" in response.content.decode()


def test_a_missing_email_gets_a_clear_error(client, post, group):
    response = offer(post, group, email="")
    assert response.status_code == 200
    assert "Champ requis" in response.content.decode()


def test_a_member_contribution_is_linked_to_their_account(client, post, group, django_user_model):
    member = django_user_model.objects.get(username="membre")
    client.force_login(member)
    offer(post, group, name="Julien", email="membre@example.org")
    assert Contribution.objects.filter(user=member).exists()
    dashboard = client.get("/mon-espace/").content.decode()
    assert "Une compétence" in dashboard


def test_coordinators_triage_and_the_contributor_is_told(client, post, group, django_user_model):
    offer(post, group)
    contribution = Contribution.objects.get(email="hugo@example.org")
    editor = django_user_model.objects.get(username="editrice")
    client.force_login(editor)
    assert "Hugo Petit" in client.get(group.url + "coordination/").content.decode()
    mail.outbox.clear()
    post(
        group.url + f"coordination/contributions/{contribution.pk}/",
        {"status": "accepted", "reply": "Merci, écrivez-nous pour la relecture de mars."},
    )
    contribution.refresh_from_db()
    assert (contribution.status, contribution.replied_by) == ("accepted", editor)
    assert mail.outbox[-1].to == ["hugo@example.org"]
    assert "relecture de mars" in mail.outbox[-1].body
    # Archiving without a word sends nothing more.
    mail.outbox.clear()
    post(group.url + f"coordination/contributions/{contribution.pk}/", {"status": "archived"})
    assert not mail.outbox


def test_a_member_of_another_group_cannot_triage(client, post, group, django_user_model, spaces):
    offer(post, group)
    contribution = Contribution.objects.get(email="hugo@example.org")
    client.force_login(spaces["coordinator"])
    response = post(
        group.url + f"coordination/contributions/{contribution.pk}/", {"status": "declined"}
    )
    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == "new"


def test_a_private_group_takes_contributions_only_from_its_readers(client, post, spaces):
    url = spaces["private"].url + "contribuer/"
    assert client.get(url).status_code == 302
    client.force_login(spaces["member"])
    assert client.get(url).status_code == 200
