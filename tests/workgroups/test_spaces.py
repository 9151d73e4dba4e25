"""Working-group spaces: what creating one sets up, and who may read, edit and publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import CollectionViewRestriction, GroupPagePermission, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from workgroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


def create_in_admin(client, index, title, visibility):
    url = reverse("wagtailadmin_pages:add", args=["workgroups", "workinggrouppage", index.pk])
    data = nested_form_data(
        {
            "title": title,
            "slug": "habitat-senior",
            "intro": rich_text("<p>Accueillir les seniors dans les projets.</p>"),
            "body": streamfield([]),
            "visibility": visibility,
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkingGroupPage.objects.get(title=title)


def test_creating_a_group_in_the_admin_sets_up_its_whole_space(client, django_user_model, index):
    client.force_login(django_user_model.objects.get(username="admin"))
    space = create_in_admin(client, index, "Habitat et seniors", "private")
    assert space.members_group.name == "Habitat et seniors — membres"
    assert space.coordinators_group.name == "Habitat et seniors — coordination"
    assert space.collection.name == "Habitat et seniors"
    restriction = PageViewRestriction.objects.get(page=space)
    assert set(restriction.groups.values_list("name", flat=True)) == {
        "Habitat et seniors — membres",
        "Habitat et seniors — coordination",
        "Editors",
    }
    assert CollectionViewRestriction.objects.filter(collection=space.collection).exists()
    # Permissions apply to this space only.
    assert set(
        GroupPagePermission.objects.filter(group=space.members_group).values_list("page", flat=True)
    ) == {space.pk}


@pytest.mark.parametrize(
    ("who", "can_read"),
    [
        (None, False),
        ("other_member", False),
        ("member", True),
        ("coordinator", True),
        ("editrice", True),
    ],
)
def test_a_private_space_is_read_only_by_its_group_and_editors(
    client, django_user_model, spaces, who, can_read
):
    if who == "editrice":
        client.force_login(django_user_model.objects.get(username="editrice"))
    elif who:
        client.force_login(spaces[who])
    for url in (spaces["private"].url, spaces["note"].url, spaces["document"].url):
        response = client.get(url)
        assert (response.status_code == 200) is can_read, (who, url, response.status_code)


@pytest.mark.parametrize(
    ("who", "edit", "publish"),
    [("member", True, True), ("coordinator", True, True), ("other_member", False, False)],
)
def test_roles_edit_and_publish_only_their_own_space(spaces, who, edit, publish):
    permissions = spaces["note"].permissions_for_user(spaces[who])
    assert permissions.can_edit() is edit
    assert permissions.can_publish() is publish
    assert not spaces["other"].permissions_for_user(spaces["member"]).can_edit()


def test_a_moderated_group_sends_members_pages_to_its_coordinators(spaces):
    private, note = spaces["private"], spaces["note"]
    private.moderated = True
    private.save()
    assert not note.permissions_for_user(spaces["member"]).can_publish()
    assert note.permissions_for_user(spaces["coordinator"]).can_publish()

    # The member submits; the group's own coordinators (not the site's moderators) review.
    note.title = "Compte rendu corrigé"
    note.save_revision(user=spaces["member"])
    workflow_state = note.get_workflow().start(note, spaces["member"])
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert list(task.groups.all()) == [private.coordinators_group]
    assert task.get_actions(note, spaces["other_member"]) == []
    assert "approve" in [name for name, *_rest in task.get_actions(note, spaces["coordinator"])]
    task.on_action(task_state, spaces["coordinator"], "approve")
    workflow_state.refresh_from_db()
    note.refresh_from_db()
    assert workflow_state.status == "approved"
    assert note.title == "Compte rendu corrigé"

    # Back to unmoderated: members publish again, without the group's workflow.
    private.moderated = False
    private.save()
    member = type(spaces["member"]).objects.get(pk=spaces["member"].pk)  # no cached permissions
    assert note.permissions_for_user(member).can_publish()
    assert note.get_workflow() is None or note.get_workflow().name != "Groupe — " + private.title


def test_changing_visibility_updates_the_restrictions(client, django_user_model, spaces):
    private = spaces["private"]
    private.visibility = "members"
    private.save()
    restriction = PageViewRestriction.objects.get(page=private)
    assert "Membres" in set(restriction.groups.values_list("name", flat=True))
    client.force_login(django_user_model.objects.get(username="visiteur"))
    assert client.get(private.url).status_code == 302
    client.force_login(django_user_model.objects.get(username="membre"))
    assert client.get(private.url).status_code == 200
    private.visibility = "open"
    private.save()
    assert not PageViewRestriction.objects.filter(page=private).exists()
    client.logout()
    assert client.get(private.url).status_code == 200


def test_group_names_stay_unique(index):
    first = WorkingGroupPage(title="Communication", slug="communication")
    index.add_child(instance=first)
    Group.objects.filter(name="Communication — membres").exists()
    second = WorkingGroupPage(title="Communication", slug="communication-2")
    index.add_child(instance=second)
    assert first.members_group.name != WorkingGroupPage.objects.get(pk=second.pk).members_group.name


def test_group_pages_show_their_author_last_edit_and_the_groups_documents(client, spaces):
    from workgroups.models import GroupMeetingPage

    private, coordinator = spaces["private"], spaces["coordinator"]
    meeting = GroupMeetingPage(
        title="Réunion de préparation",
        slug="preparation",
        owner=coordinator,
        starts_at="2026-01-15T18:30Z",
        place="Lyon",
        minutes="<p>Le lieu est choisi.</p>",
        attendees="Claire\nMarie",
    )
    private.add_child(instance=meeting)
    meeting.save_revision(user=coordinator).publish()
    client.force_login(spaces["member"])
    page = client.get(meeting.url).content.decode()
    assert "Rédigé par Claire" in page
    assert "modifié le" in page
    assert "Le lieu est choisi." in page and "Marie" in page
    space = client.get(private.url).content.decode()
    assert "Réunion de préparation" in space
    assert "Budget des rencontres" in space  # the group's collection
    listing = client.get(private.url + "documents/").content.decode()
    assert "Budget des rencontres" in listing
