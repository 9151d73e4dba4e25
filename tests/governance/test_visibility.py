"""Governance pages may be members-only, with the same guarantees as the rest of the site."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from governance.models import DecisionPage, MeetingPage
from governance.visibility import Visibility
from home.membership import MEMBERS_GROUP

pytestmark = pytest.mark.django_db


def test_a_visitor_is_asked_to_log_in_for_a_members_only_body(client, governance):
    steering = governance["steering"]
    for page in (steering, governance["meetings"]["secret"], governance["decisions"]["salary"]):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/connexion/")


def test_a_member_reads_the_members_only_body_and_sees_it_marked(client, governance, member):
    client.force_login(member)
    response = client.get(governance["steering"].url)
    assert response.status_code == 200
    assert "Copil d&#x27;avril" in response.content.decode()
    assert 'class="badge badge--members"' in response.content.decode()


def test_an_account_without_membership_does_not_read_it(client, governance, django_user_model):
    client.force_login(django_user_model.objects.create_user("paul", password="pw"))
    assert client.get(governance["steering"].url).status_code != 200


def test_the_governance_section_lists_members_only_bodies_to_members_only(
    client, governance, member
):
    index_url = governance["index"].url
    assert "Comité de pilotage" not in client.get(index_url).content.decode()
    client.force_login(member)
    assert "Comité de pilotage" in client.get(index_url).content.decode()


def test_a_public_body_lists_no_members_only_meeting(client, governance, member):
    meeting = governance["meetings"]["march"]
    meeting.visibility = Visibility.MEMBERS
    meeting.save_revision().publish()
    plenary_url = governance["plenary"].url
    assert "Plénière de mars" not in client.get(plenary_url).content.decode()
    assert "Fixer les cotisations" not in client.get(governance["register"].url).content.decode()
    client.force_login(member)
    assert "Plénière de mars" in client.get(plenary_url).content.decode()


def test_site_search_never_finds_a_members_only_decision_for_a_visitor(client, governance, member):
    def found():
        return {
            r["title"] for r in client.get("/search/api/", {"q": "coordinatrice"}).json()["results"]
        }

    assert "Salaire de la coordinatrice" not in found()
    client.force_login(member)
    assert "Salaire de la coordinatrice" in found()


def test_visibility_follows_what_is_published_not_a_draft(client, governance):
    steering = governance["steering"]
    assert PageViewRestriction.objects.filter(page=steering).exists()
    steering.visibility = Visibility.PUBLIC
    steering.save_revision()  # a draft: the live page stays members-only
    assert client.get(steering.url).status_code == 302
    steering.get_latest_revision().publish()
    assert not PageViewRestriction.objects.filter(page=steering).exists()
    assert client.get(steering.url).status_code == 200


def test_the_restriction_admits_members_and_editors(governance):
    restriction = PageViewRestriction.objects.get(page=governance["steering"])
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert MEMBERS_GROUP in set(restriction.groups.values_list("name", flat=True))


def test_an_editor_records_a_decision_in_the_admin_and_it_is_numbered(
    client, governance, django_user_model
):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    meeting = governance["meetings"]["march"]
    url = reverse("wagtailadmin_pages:add", args=["governance", "decisionpage", meeting.pk])
    data = nested_form_data(
        {
            "title": "Adopter le règlement intérieur",
            "slug": "reglement-interieur",
            "decided_on": "2025-03-08",
            "reference": "",
            "status": "adopted",
            "text": rich_text("<p>La plénière adopte le règlement intérieur.</p>"),
            "votes_for": "30",
            "votes_against": "2",
            "votes_abstain": "",
            "changes": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = DecisionPage.objects.get(slug="reglement-interieur")
    assert decision.live and decision.reference == "2025-004"
    assert decision.votes_abstain is None
    assert (
        "Adopter le règlement intérieur" in client.get(governance["register"].url).content.decode()
    )


def test_an_editor_creates_a_members_only_meeting_in_the_admin(
    client, governance, django_user_model
):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    plenary = governance["plenary"]
    url = reverse("wagtailadmin_pages:add", args=["governance", "meetingpage", plenary.pk])
    data = nested_form_data(
        {
            "title": "Plénière à huis clos",
            "slug": "huis-clos",
            "date": "2025-09-20",
            "location": "Nantes",
            "visibility": "members",
            "agenda": rich_text("<p>Conflit avec un partenaire.</p>"),
            "minutes": rich_text(""),
            "attendance": {
                "TOTAL_FORMS": 1,
                "INITIAL_FORMS": 0,
                "0": {"person_name": "Sophie", "status": "present", "note": "", "ORDER": 1},
            },
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = MeetingPage.objects.get(slug="huis-clos")
    assert meeting.attendance.get().person_name == "Sophie"
    client.logout()
    assert client.get(meeting.url).status_code == 302
    assert "Plénière à huis clos" not in client.get(plenary.url).content.decode()
    assert Group.objects.filter(name=MEMBERS_GROUP).exists()
