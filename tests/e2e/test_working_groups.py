"""A visitor offers a contribution, a member joins and follows a group, and a member shares a
PDF with their private group, in a real browser."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from home.demo import load_demo
from home.membership import MEMBERS_GROUP
from resources.models import ResourceDocument
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


def write_pdf(path, *paragraphs):
    """A real PDF (WeasyPrint, which renders the advocacy kits) with these paragraphs."""
    from weasyprint import HTML

    HTML(string="".join(f"<p>{text}</p>" for text in paragraphs)).write_pdf(path)
    return path


def test_a_member_shares_a_pdf_with_their_private_group_only(
    page, browser, demo_site, log_in_as, tmp_path, django_user_model
):
    pdf = write_pdf(
        tmp_path / "budget-stand.pdf",
        "Budget des rencontres nationales : location des salles et repas.",
        "Le stand de l'ornithorynque accueillera les enfants pendant les ateliers.",
    )
    # The member belongs to the private group « Rencontres »: they add the PDF to its
    # collection from the admin's document upload, the way the group's space offers.
    log_in_as(page, "membre")
    page.goto(demo_site.url + "/admin/documents/multiple/add/")
    page.get_by_label("Ajouter à la collection").select_option(
        label="Rencontres et journées portes ouvertes"
    )
    page.locator("#fileupload").set_input_files(pdf)
    uploaded = page.locator("#upload-list li.upload-success")
    uploaded.wait_for()
    uploaded.get_by_label("Titre").fill("Budget du stand des rencontres")
    uploaded.get_by_role("button", name="Mettre à jour").click()
    uploaded.wait_for(state="detached")  # the admin drops the form once the title is saved
    document = ResourceDocument.objects.get(title="Budget du stand des rencontres")
    assert document.collection.name == "Rencontres et journées portes ouvertes"
    assert document.extraction_status == "done"  # the task ran (immediate backend in tests)

    # Found by a word that only the PDF's text holds.
    page.goto(demo_site.url + "/search/?q=ornithorynque")
    page.get_by_role("link", name="Budget du stand des rencontres").click()
    assert page.url.endswith(f"/documents/{document.pk}/")

    # A member of another group, who has just joined the open « Transition » group, finds
    # nothing and cannot open the document.
    other = django_user_model.objects.create_user("camille", email="camille@example.org")
    other.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    context = browser.new_context(locale="fr-FR")
    try:
        other_page = context.new_page()
        log_in_as(other_page, "camille")
        other_page.goto(demo_site.url + "/groupes/transition/")
        other_page.get_by_role("button", name="Rejoindre le groupe").click()
        expect(other_page.get_by_text("Vous êtes membre", exact=True)).to_be_visible()
        other_page.goto(demo_site.url + "/search/?q=ornithorynque")
        assert other_page.get_by_role("link", name="Budget du stand des rencontres").count() == 0
        assert "ornithorynque" in other_page.locator("main").inner_text()  # the query echoed
        other_page.goto(demo_site.url + f"/documents/{document.pk}/")
        assert "/compte/connexion/" in other_page.url  # refused: log in with another account
        assert "Budget du stand" not in other_page.content()
    finally:
        context.close()
