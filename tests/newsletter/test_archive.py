"""The public archive lists the issues already sent, with their public content only."""

import pytest
from django.utils import timezone

from newsletter.factories import NewsletterIssueFactory
from newsletter.models import IssueStatus

from .conftest import HIDDEN_TITLES, PUBLIC_TITLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_issue(issue):
    issue.status = IssueStatus.SENT
    issue.sent_at = timezone.now()
    issue.save()
    return issue


def test_the_archive_lists_only_sent_issues(client, sent_issue):
    NewsletterIssueFactory(title="Brouillon de la lettre d'avril")
    NewsletterIssueFactory(title="Lettre en cours d'envoi", status=IssueStatus.SENDING)
    html = client.get("/lettre/archives/").content.decode()
    assert "Lettre de mars" in html
    assert "Brouillon de la lettre d'avril" not in html
    assert "Lettre en cours d'envoi" not in html


def test_an_issue_page_shows_its_public_content_only(client, sent_issue):
    response = client.get(f"/lettre/archives/{sent_issue.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in PUBLIC_TITLES:
        assert title in html
    for title in HIDDEN_TITLES:
        assert title not in html
    assert "Voici les nouvelles du mois." in html


def test_the_same_holds_for_a_logged_in_member(client, django_user_model, sent_issue):
    client.force_login(django_user_model.objects.create_user("membre", password="pw"))
    html = client.get(f"/lettre/archives/{sent_issue.pk}/").content.decode()
    assert "Compte rendu réservé aux membres" not in html


def test_a_draft_or_sending_issue_has_no_public_page(client, issue):
    assert client.get(f"/lettre/archives/{issue.pk}/").status_code == 404
    issue.status = IssueStatus.SENDING
    issue.save()
    assert client.get(f"/lettre/archives/{issue.pk}/").status_code == 404
