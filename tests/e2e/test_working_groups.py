"""A visitor offers a contribution and a member joins and follows a group, in a real browser."""

import pytest
from django.core import mail

from home.demo import load_demo
from workgroups.models import Contribution, Follow, WorkingGroupPage

# A flush between tests would drop the pages and groups the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site(live_server):
    load_demo()
    return live_server


def test_a_visitor_offers_a_contribution_from_the_group_page(page, demo_site):
    page.goto(demo_site.url + "/groupes/centre-de-ressources/")
    page.get_by_role("link", name="Proposer une contribution").click()
    page.get_by_label("Une compétence").check()
    page.get_by_label("Votre proposition").fill("Je traduis vos guides en occitan.")
    page.get_by_label("Votre nom").fill("Anna Vidal")
    page.get_by_label("Votre adresse électronique").fill("anna@example.org")
    page.get_by_role("button", name="Envoyer ma contribution").click()
    assert page.get_by_text("Merci : votre contribution a été envoyée.").is_visible()
    assert Contribution.objects.filter(email="anna@example.org", kind="skill").exists()
    assert any("occitan" in message.body for message in mail.outbox)


def test_a_member_joins_and_follows_an_open_group(page, demo_site, log_in):
    log_in(page, "membre")
    page.goto(demo_site.url + "/groupes/transition/")
    page.get_by_role("button", name="Rejoindre le groupe").click()
    assert page.get_by_text("Vous êtes membre", exact=True).is_visible()
    page.get_by_role("button", name="Suivre ce groupe").click()
    assert page.get_by_role("button", name="Ne plus suivre").is_visible()
    group = WorkingGroupPage.objects.get(slug="transition")
    assert Follow.objects.filter(user__username="membre", group=group).exists()
    page.get_by_role("link", name="Mon espace").click()
    assert page.get_by_role("link", name="Groupe de transition").first.is_visible()
