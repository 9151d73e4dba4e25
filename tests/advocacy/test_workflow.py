"""The editorial workflow of the advocacy section, as contributors and reviewers use it in
the admin: contributors draft and submit, the "plaidoyer" reviewers approve or ask for
changes, and only approved content is published."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from advocacy.models import AdvocacyKitPage
from advocacy.workflow import REVIEWERS_GROUP, ensure_advocacy_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(advocacy, django_user_model):
    contributors = Group.objects.create(name="Contributeurs plaidoyer")
    ensure_advocacy_workflow(advocacy, contributors=[contributors])
    contributor = django_user_model.objects.create_user("nadia", password="pw")
    contributor.groups.add(contributors)
    reviewer = django_user_model.objects.create_user(
        "ines", password="pw", first_name="Inès", last_name="Relectrice"
    )
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return {"contributor": contributor, "reviewer": reviewer}


def kit_form(action, message="Soutenez l'habitat participatif dans votre commune.", **extra):
    return nested_form_data(
        {
            "title": "Kit pour les intercommunalités",
            "slug": "kit-intercommunalites",
            "audience": "intermunicipal",
            "summary": "Ce que l'intercommunalité peut faire.",
            "body": streamfield([("key_message", {"message": message, "detail": rich_text("")})]),
            action: action.removeprefix("action-"),
            **extra,
        }
    )


def submit_new_kit(client, advocacy, contributor, **extra):
    client.force_login(contributor)
    url = reverse("wagtailadmin_pages:add", args=["advocacy", "advocacykitpage", advocacy.pk])
    response = client.post(url, kit_form("action-submit", **extra))
    assert response.status_code == 302, response.content.decode()[:3000]
    return AdvocacyKitPage.objects.get(slug="kit-intercommunalites")


def act(client, reviewer, page, action, comment):
    client.force_login(reviewer)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_a_submitted_draft_waits_for_the_reviewers(client, advocacy, people):
    page = submit_new_kit(client, advocacy, people["contributor"])
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Plaidoyer : relecture avant publication"
    assert page.current_workflow_task.specific.groups.get().name == REVIEWERS_GROUP
    client.logout()
    assert client.get("/plaidoyer/kit-intercommunalites/").status_code == 404


def test_a_contributor_cannot_publish_without_review(client, advocacy, people):
    client.force_login(people["contributor"])
    url = reverse("wagtailadmin_pages:add", args=["advocacy", "advocacykitpage", advocacy.pk])
    client.post(url, kit_form("action-publish"))
    page = AdvocacyKitPage.objects.get(slug="kit-intercommunalites")
    assert not page.live
    # Nor approve their own submission.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), kit_form("action-submit"))
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    response = act(client, people["contributor"], page, "approve", "Moi-même")
    assert response.status_code in (302, 403)  # the admin turns a denial into a redirect home
    page.refresh_from_db()
    assert not page.live
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()


def test_a_reviewer_approves_and_the_history_shows_who(client, advocacy, people):
    page = submit_new_kit(client, advocacy, people["contributor"])
    response = act(client, people["reviewer"], page, "approve", "Relu : chiffres vérifiés.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    approval = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
    assert approval.user == people["reviewer"]
    assert TaskState.objects.get(revision__object_id=str(page.pk)).comment == (
        "Relu : chiffres vérifiés."
    )
    submission = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
    assert submission.user == people["contributor"]
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert "Inès Relectrice" in history.content.decode()
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Soutenez l&#x27;habitat participatif dans votre commune." in response.content.decode()


def test_a_reviewer_asks_for_changes_and_the_corrected_kit_is_published(client, advocacy, people):
    page = submit_new_kit(client, advocacy, people["contributor"], message="Chiffre sans source.")
    act(client, people["reviewer"], page, "reject", "Ajoutez la source du chiffre.")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(status=TaskState.STATUS_REJECTED)
    assert rejected.comment == "Ajoutez la source du chiffre."
    assert (
        PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject").user
        == (people["reviewer"])
    )

    # The contributor corrects and submits again; the reviewer approves this time.
    client.force_login(people["contributor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        kit_form("action-submit", message="Chiffre sourcé : 13 % par an."),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    act(client, people["reviewer"], page, "approve", "")
    page.refresh_from_db()
    assert page.live
    assert page.key_message == "Chiffre sourcé : 13 % par an."


def test_an_approved_kit_with_a_publication_date_waits_for_it(client, advocacy, people):
    go_live = timezone.now() + datetime.timedelta(days=3)
    page = submit_new_kit(
        client,
        advocacy,
        people["contributor"],
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    act(client, people["reviewer"], page, "approve", "OK pour lundi.")
    page.refresh_from_db()
    assert not page.live
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet
    # Three days later, the scheduler publishes it: the schedule is moved back rather than
    # the clock forward.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_setting_up_the_workflow_twice_changes_nothing(advocacy, people):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

    ensure_advocacy_workflow(advocacy)
    assert Workflow.objects.count() >= 1
    assert WorkflowPage.objects.filter(page=advocacy).count() == 1
    assert GroupApprovalTask.objects.filter(name="Relecture par le groupe plaidoyer").count() == 1


def test_the_demo_advocacy_section_goes_through_the_plaidoyer_review(demo, django_user_model):
    from advocacy.models import AdvocacyIndexPage

    index = AdvocacyIndexPage.objects.get()
    assert index.get_workflow().name == "Plaidoyer : relecture avant publication"
    kit = AdvocacyKitPage.objects.get(slug="kit-maires")
    assert kit.get_workflow() == index.get_workflow()
    reviewer = django_user_model.objects.get(username="relectrice")
    assert reviewer.groups.filter(name=REVIEWERS_GROUP).exists()
    assert reviewer.check_password("relectrice-demo-2026")
    # The advocacy working group's members draft kits; they cannot publish them.
    members = Group.objects.get(name="Plaidoyer auprès des élus locaux — membres")
    codenames = set(
        members.page_permissions.filter(page=index).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page"}
