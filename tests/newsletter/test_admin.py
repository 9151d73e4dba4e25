"""Editors preview an issue as the email subscribers will get, send themselves a test, then
send it; people without the newsletter's permissions can do none of it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from newsletter.models import IssueStatus

from .conftest import HIDDEN_TITLES, make_user

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's answer to a PermissionDenied in the admin: back to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def test_an_editor_previews_the_email_with_both_parts_and_the_items_left_out(client, editor, issue):
    client.force_login(editor)
    response = client.get(f"/admin/newsletter/{issue.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<iframe" in html and "srcdoc=" in html
    assert "Journée portes ouvertes à Nantes" in html
    assert "Version texte" in html
    # The editor is told which chosen items will not go out.
    warning = html[html.index("ne figureront ni dans le courriel") :]
    for title in HIDDEN_TITLES:
        assert title in warning


def test_an_editor_sends_herself_a_test_copy(client, editor, issue, subscribers):
    client.force_login(editor)
    response = client.post(f"/admin/newsletter/{issue.pk}/test/")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["edith@example.org"]
    assert message.subject == "[Test] Lettre de mars"
    assert message.alternatives[0][1] == "text/html"
    assert "Journée portes ouvertes à Nantes" in message.body
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_an_editor_sends_the_issue_to_the_subscribers(post, client, editor, issue, subscribers):
    client.force_login(editor)
    response = post(f"/admin/newsletter/{issue.pk}/envoi/")
    assert response.status_code == 302
    assert len(mail.outbox) == 5
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_by == editor
    # A second click sends nothing more.
    post(f"/admin/newsletter/{issue.pk}/envoi/")
    assert len(mail.outbox) == 5


def test_people_without_the_newsletter_permissions_are_refused(
    client, django_user_model, post, issue, subscribers
):
    urls = [f"/admin/newsletter/{issue.pk}/{end}" for end in ("", "test/", "envoi/")]
    # Anonymous: to the login page.
    assert client.get(urls[0]).status_code == 302

    # In the admin (Moderators may reach it) but without the newsletter's permissions.
    moderator = make_user(django_user_model, "modeste", "Moderators")
    moderator.groups.get().permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(moderator)
    assert refused(client.get(urls[0]))
    assert refused(post(urls[1]))
    assert refused(post(urls[2]))

    # Allowed to change issues, not to send them.
    writers = Group.objects.create(name="Rédaction")
    writers.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_newsletterissue"])
    )
    writer = make_user(django_user_model, "redac", "Rédaction")
    client.force_login(writer)
    assert client.get(urls[0]).status_code == 200
    assert refused(post(urls[2]))
    assert mail.outbox == []
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_a_sent_issue_can_no_longer_be_edited(client, editor, issue):
    issue.status = IssueStatus.SENT
    issue.save()
    client.force_login(editor)
    url = f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Autre titre", "intro": "", "items-count": "0"})
    assert response.status_code == 200  # the form again, with the error
    assert "ne peut plus être modifiée" in response.content.decode()
    issue.refresh_from_db()
    assert issue.title == "Lettre de mars"
