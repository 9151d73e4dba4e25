"""An organisation joins the movement in a real browser: a mistyped SIRET is explained in
French without losing what was typed, the address is confirmed by the emailed link, and the
payment page follows."""

import re

import pytest
from django.core import mail

from home.demo import load_demo
from members.models import Membership, MembershipStatus

# A flush between tests would drop the pages and groups the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site(live_server):
    load_demo()
    return live_server


def test_an_organisation_joins_and_confirms_its_address(page, demo_site):
    page.goto(demo_site.url + "/")
    page.locator("header").get_by_role("link", name="Adhérer").click()
    page.get_by_role("link", name="Adhérer : structure").click()
    page.get_by_label("Nom de la structure").fill("Coop'Habitat Loire")
    page.get_by_label("Forme juridique").select_option("scic")
    page.get_by_label("SIRET").fill("812 345 676 00018")
    page.get_by_label("Région").select_option("52")
    page.get_by_label("Association ou coopérative — 100 € par an").check()
    page.get_by_label("Prénom").fill("Hélène")
    page.locator("#id_last_name").fill("Bouvier")  # "Nom" is also in other labels
    page.get_by_label("Adresse e-mail").fill("helene@coop-loire.example.org")
    page.locator("#id_password1").fill("une-coop-solide-2026")
    page.get_by_label("Confirmation du mot de passe").fill("une-coop-solide-2026")
    page.get_by_label("J'ai lu et j'accepte le règlement des adhésions.").check()
    page.get_by_role("button", name="Adhérer").click()

    assert page.get_by_text("son chiffre de contrôle ne correspond pas").is_visible()
    assert page.get_by_label("Nom de la structure").input_value() == "Coop'Habitat Loire"
    assert not Membership.objects.filter(name="Coop'Habitat Loire").exists()
    page.get_by_label("SIRET").fill("812 345 676 00017")
    page.locator("#id_password1").fill("une-coop-solide-2026")
    page.get_by_label("Confirmation du mot de passe").fill("une-coop-solide-2026")
    page.get_by_role("button", name="Adhérer").click()
    assert page.get_by_role("heading", name="Consultez votre messagerie").is_visible()

    link = re.search(r"https?://[^/]+(/compte/confirmation/\S+/)", mail.outbox[-1].body)
    page.goto(demo_site.url + link.group(1))
    page.get_by_role("button", name="Confirmer mon adresse").click()
    assert page.get_by_role("heading", name="Payer ma cotisation").is_visible()
    assert page.get_by_role("link", name="Aller à la page de paiement").is_visible()
    membership = Membership.objects.get(name="Coop'Habitat Loire")
    assert membership.status == MembershipStatus.PENDING
    assert membership.siret == "81234567600017"
    assert page.get_by_text(membership.reference).is_visible()
