"""Members propose partners; a proposal waits, unvetted, for an editor."""

import pytest
from django.core import mail

from partners.models import Partner

from .conftest import make_user

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "name": "Atelier des Communs",
    "kind": "architect",
    "region_codes": ["32", "11"],
    "services": "Conception participative\nSurélévations",
    "description": "",
    "website": "https://communs.example.org",
    "email": "contact@communs.example.org",
    "phone": "03 20 00 00 00",
    "address": "",
    "commune": "Lille",
    "latitude": "50.63",
    "longitude": "3.06",
}


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def send(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


def test_a_member_proposes_a_partner_who_waits_unvetted(client, post, member, editor):
    client.force_login(member)
    response = post("/partenaires/proposer/", {**PROPOSAL, "vetted": "on"})
    assert response.status_code == 302
    partner = Partner.objects.get()
    assert not partner.vetted  # whatever the form says
    assert partner.proposed_by == member
    assert partner.region_codes == ["11", "32"]
    assert partner.service_list == ["Conception participative", "Surélévations"]
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert f"/admin/snippets/partners/partner/edit/{partner.pk}/" in mail.outbox[0].body
    assert client.get(f"/partenaires/{partner.pk}/").status_code == 404


def test_a_proposal_needs_a_region_or_national_coverage(client, post, member):
    client.force_login(member)
    response = post("/partenaires/proposer/", {**PROPOSAL, "region_codes": []})
    assert response.status_code == 200
    assert "région" in response.context["form"].errors["region_codes"][0]
    response = post("/partenaires/proposer/", {**PROPOSAL, "region_codes": [], "national": "on"})
    assert response.status_code == 302
    assert Partner.objects.get().national


def test_bad_coordinates_are_explained(client, post, member):
    client.force_login(member)
    response = post("/partenaires/proposer/", {**PROPOSAL, "latitude": "95", "longitude": ""})
    errors = response.context["form"].errors
    assert "entre -90 et 90" in errors["latitude"][0]
    assert not Partner.objects.exists()


def test_only_members_propose(client, post, django_user_model):
    assert "/compte/connexion/" in client.get("/partenaires/proposer/")["Location"]
    client.force_login(make_user(django_user_model, "visiteur"))
    assert client.get("/partenaires/proposer/").status_code == 403
    assert post("/partenaires/proposer/", PROPOSAL).status_code == 403
    assert not Partner.objects.exists()


def test_editors_vet_in_the_admin_with_the_regions(client, editor, member):
    client.force_login(member)
    client.post("/partenaires/proposer/", PROPOSAL)
    partner = Partner.objects.get()
    client.force_login(editor)
    url = f"/admin/snippets/partners/partner/edit/{partner.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="region_codes"' in form.content.decode()
    response = client.post(
        url, {**PROPOSAL, "region_codes": ["32"], "vetted": "on", "national": ""}
    )
    assert response.status_code == 302, response.context["form"].errors
    partner.refresh_from_db()
    assert partner.vetted and partner.region_codes == ["32"]
    client.logout()
    assert client.get(f"/partenaires/{partner.pk}/").status_code == 200
