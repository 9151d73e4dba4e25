"""Bodies with their mandates, and the demo's governance story."""

import datetime
import html

import pytest

from governance.models import BodyPage, DecisionPage, Mandate, StatutesPage

pytestmark = pytest.mark.django_db


def test_a_body_lists_current_members_and_keeps_past_mandates(client, governance):
    plenary = governance["plenary"]
    today = datetime.date.today()
    plenary.mandates = [
        Mandate(
            person_name="Ana", role="co-présidente", start_date=today - datetime.timedelta(days=30)
        ),
        Mandate(
            person_name="Bruno",
            role="trésorier",
            start_date=datetime.date(2019, 1, 1),
            end_date=today - datetime.timedelta(days=1),
        ),
        Mandate(
            person_name="Chloé",
            role="secrétaire",
            start_date=datetime.date(2024, 1, 1),
            end_date=today + datetime.timedelta(days=365),
        ),
    ]
    plenary.save_revision().publish()
    response = client.get(plenary.url)
    current = [m.person for m in response.context["current_mandates"]]
    past = [m.person for m in response.context["past_mandates"]]
    assert sorted(current) == ["Ana", "Chloé"]
    assert past == ["Bruno"]
    page = response.content.decode()
    assert page.index("Ana") < page.index("Bruno")  # past mandates come after


def test_a_mandate_needs_a_person_and_coherent_dates(governance):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Mandate(role="membre", start_date=datetime.date(2025, 1, 1)).clean()
    with pytest.raises(ValidationError):
        Mandate(
            person_name="Ana",
            role="membre",
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2024, 1, 1),
        ).clean()


def test_the_demo_plenary_opened_membership_to_all_and_amended_the_statutes(client, demo):
    decision = DecisionPage.objects.get(slug="ouverture-adhesion")
    assert decision.body_page.title == "Plénière du mouvement"
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (41, 3, 5)
    statutes = StatutesPage.objects.get()
    assert [v.number for v in statutes.ordered_versions()] == [1, 2]
    assert statutes.version(2).adopted_by == decision
    # The decision links to the statutes it changes, and the register lists it.
    page = html.unescape(client.get(decision.url).content.decode())
    assert "Statuts du mouvement" in page and "articles 3 et 5" in page
    register = html.unescape(client.get("/gouvernance/decisions/").content.decode())
    assert "Ouvrir l'adhésion au mouvement à toutes et à tous" in register
    diff = client.get(statutes.url + "comparer/").content.decode()
    assert "<ins>" in diff and "<del>" in diff
    # The steering committee is for members only.
    assert BodyPage.objects.get(slug="comite-de-pilotage").is_members_only
    assert "Arrêter le budget prévisionnel 2020" not in html.unescape(register)
