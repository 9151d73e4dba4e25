"""Owners confirm that resources are still accurate; readers see what is overdue."""

import html
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from resources.freshness import due_for_review
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(demo):
    return ResourcePage.objects.get(slug="projet-avec-un-bailleur-social")


def test_overdue_resources_carry_a_badge_for_readers(client, overdue):
    assert overdue.review_overdue
    assert "À revoir" in client.get(overdue.url).content.decode()
    fresh = ResourcePage.objects.get(slug="choisir-sa-forme-juridique")
    assert not fresh.review_overdue
    assert "À revoir" not in client.get(fresh.url).content.decode()


def test_owners_get_one_digest_and_confirm_with_one_link(client, overdue):
    call_command("send_review_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editrice@example.org"]
    assert overdue.title in message.body
    assert message.alternatives  # an HTML part beside the text
    link = re.search(r"http://[^\s]+/revue/[^\s]+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    # Following the link changes nothing by itself (mail scanners follow links).
    response = client.get("/" + path)
    assert response.status_code == 200
    overdue.refresh_from_db()
    assert overdue.last_reviewed_on == date(2023, 6, 20)

    client.post("/" + path)
    overdue.refresh_from_db()
    assert overdue.last_reviewed_on == timezone.localdate()
    assert overdue not in due_for_review()
    # The latest revision keeps the date, so the next publication does not undo the review.
    assert overdue.get_latest_revision_as_object().last_reviewed_on == timezone.localdate()


def test_a_forged_review_link_is_refused(client, overdue):
    response = client.get("/revue/faux-jeton/")
    assert response.status_code == 400


def test_the_editors_report_lists_overdue_content(client, overdue, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get("/admin/resources/review/")
    assert response.status_code == 200
    assert overdue.title in html.unescape(response.content.decode())
    assert timezone.localdate() - timedelta(days=1) >= overdue.review_due_on
