"""Joining and leaving groups, requests and invitations, and the log coordinators read."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from workgroups.models import Invitation, JoinRequest, MembershipEvent, WorkingGroupPage

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def movement_member(django_user_model, demo):
    from django.contrib.auth.models import Group

    return make_user(django_user_model, "sophie", Group.objects.get(name="Membres"))


@pytest.fixture
def members_only(index, django_user_model):
    group = WorkingGroupPage.objects.get(slug="transition")
    group.visibility = "members"
    group.save()
    make_user(django_user_model, "coralie", group.coordinators_group, email="coralie@example.org")
    return group


def test_a_member_joins_an_open_group_at_once(client, post, movement_member):
    group = WorkingGroupPage.objects.get(slug="centre-de-ressources")
    client.force_login(movement_member)
    response = post(group.url + "rejoindre/", follow=True)
    assert "Bienvenue" in response.content.decode()
    assert movement_member.groups.filter(pk=group.members_group_id).exists()
    event = MembershipEvent.objects.get(group=group, member=movement_member)
    assert (event.action, event.actor) == ("joined", movement_member)


def test_a_visitor_without_membership_cannot_join(client, post, django_user_model, demo):
    group = WorkingGroupPage.objects.get(slug="centre-de-ressources")
    visitor = django_user_model.objects.get(username="visiteur")
    client.force_login(visitor)
    response = post(group.url + "rejoindre/", follow=True)
    assert "membres du mouvement" in response.content.decode()
    assert not visitor.groups.filter(pk=group.members_group_id).exists()


def test_joining_a_members_group_waits_for_a_coordinator_who_approves(
    client, post, movement_member, members_only
):
    client.force_login(movement_member)
    post(members_only.url + "rejoindre/", {"message": "Je connais bien les statuts."})
    join_request = JoinRequest.objects.get(group=members_only, user=movement_member)
    assert join_request.status == "pending"
    assert not movement_member.groups.filter(pk=members_only.members_group_id).exists()
    assert mail.outbox[-1].to == ["coralie@example.org"]
    assert "Je connais bien les statuts." in mail.outbox[-1].body
    # Asking twice does not make two requests.
    post(members_only.url + "rejoindre/")
    assert JoinRequest.objects.filter(group=members_only, user=movement_member).count() == 1

    coordinator = members_only.coordinators_group.user_set.get()
    client.force_login(coordinator)
    page = client.get(members_only.url + "coordination/")
    assert "Je connais bien les statuts." in page.content.decode()
    post(
        members_only.url + f"coordination/demandes/{join_request.pk}/",
        {"decision": "approve", "reply": "Bienvenue parmi nous"},
    )
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("approved", coordinator)
    assert movement_member.groups.filter(pk=members_only.members_group_id).exists()
    assert mail.outbox[-1].to == [movement_member.email]
    assert "Bienvenue parmi nous" in mail.outbox[-1].body
    actions = list(
        MembershipEvent.objects.filter(group=members_only).values_list("action", "actor__username")
    )
    assert ("requested", "sophie") in actions
    assert ("approved", "coralie") in actions
    log = client.get(members_only.url + "coordination/").content.decode()
    assert "Demande acceptée" in log


def test_a_coordinator_declines_with_a_message(client, post, movement_member, members_only):
    client.force_login(movement_member)
    post(members_only.url + "rejoindre/")
    join_request = JoinRequest.objects.get(group=members_only, user=movement_member)
    client.force_login(members_only.coordinators_group.user_set.get())
    post(
        members_only.url + f"coordination/demandes/{join_request.pk}/",
        {"decision": "decline", "reply": "Le groupe est complet pour cette année."},
    )
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    assert not movement_member.groups.filter(pk=members_only.members_group_id).exists()
    assert "Le groupe est complet" in mail.outbox[-1].body


def test_only_coordinators_see_the_coordination_page(client, spaces):
    url = spaces["private"].url + "coordination/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(spaces["member"])
    assert client.get(url).status_code == 403
    client.force_login(spaces["other_member"])
    assert client.get(url).status_code in (302, 403)  # the private page itself is closed
    client.force_login(spaces["coordinator"])
    assert client.get(url).status_code == 200


def test_a_member_of_another_group_cannot_answer_its_requests(client, post, spaces, members_only):
    from django.contrib.auth.models import Group

    join_request = JoinRequest.objects.create(group=members_only, user=spaces["member"])
    # A movement member (so the members-only space opens to her) who coordinates
    # "rencontres", not "transition".
    spaces["coordinator"].groups.add(Group.objects.get(name="Membres"))
    client.force_login(spaces["coordinator"])
    response = post(
        members_only.url + f"coordination/demandes/{join_request.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_leaving_a_group_is_recorded(client, post, spaces):
    client.force_login(spaces["member"])
    post(spaces["private"].url + "quitter/")
    assert not spaces["member"].groups.filter(pk=spaces["private"].members_group_id).exists()
    assert MembershipEvent.objects.filter(
        group=spaces["private"], member=spaces["member"], action="left"
    ).exists()
    # Once out, the private space is closed to them.
    assert client.get(spaces["private"].url).status_code != 200


def test_the_only_coordinator_cannot_leave(client, post, spaces):
    client.force_login(spaces["coordinator"])
    response = post(spaces["private"].url + "quitter/", follow=True)
    assert "seule coordinatrice" in response.content.decode() or "seul" in response.content.decode()
    assert spaces["coordinator"].groups.filter(pk=spaces["private"].coordinators_group_id).exists()


def _invitation_link(body):
    return re.search(r"https?://\S+/invitation/\S+/", body).group(0)


def test_an_invitation_by_email_lets_someone_join_a_private_group(
    client, post, spaces, django_user_model
):
    client.force_login(spaces["coordinator"])
    post(spaces["private"].url + "coordination/invitation/", {"email": "paul@example.org"})
    invitation = Invitation.objects.get(email="paul@example.org")
    assert mail.outbox[-1].to == ["paul@example.org"]
    path = _invitation_link(mail.outbox[-1].body).split("127.0.0.1:8000")[-1]

    client.logout()
    assert client.get(path).status_code == 302  # log in first
    paul = make_user(django_user_model, "paul")
    client.force_login(paul)
    assert "Rencontres" in client.get(path).content.decode()
    response = post(path)
    assert response.status_code == 302
    assert paul.groups.filter(pk=spaces["private"].members_group_id).exists()
    assert client.get(spaces["private"].url).status_code == 200
    invitation.refresh_from_db()
    assert invitation.accepted_by == paul
    assert MembershipEvent.objects.filter(action="invitation_accepted", member=paul).exists()
    # The link works once.
    response = client.get(path)
    assert response.status_code == 400
    assert "déjà été utilisée" in response.content.decode()


def test_an_expired_or_forged_invitation_is_refused_with_a_clear_message(client, post, spaces):
    client.force_login(spaces["coordinator"])
    post(spaces["private"].url + "coordination/invitation/", {"email": "paul@example.org"})
    path = _invitation_link(mail.outbox[-1].body).split("127.0.0.1:8000")[-1]
    with override_settings(GROUP_INVITATION_MAX_AGE=-1):
        response = client.get(path)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()
    response = client.get(path[:-3] + "xx/")
    assert response.status_code == 400
    assert "pas valide" in response.content.decode()


def test_an_invalid_invitation_email_is_refused(client, post, spaces):
    client.force_login(spaces["coordinator"])
    response = post(
        spaces["private"].url + "coordination/invitation/",
        {"email": "pas-une-adresse"},
        follow=True,
    )
    assert not Invitation.objects.exists()
    assert "adresse" in response.content.decode()
