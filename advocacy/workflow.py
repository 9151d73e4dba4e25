"""The advocacy editorial workflow: contributors draft, the "plaidoyer" reviewers approve or
ask for changes, and only approved content is published.

`ensure_advocacy_workflow` sets it up (idempotent): the reviewers' group with the right to
edit and publish in the advocacy section, a Wagtail group-approval task for that group, and a
workflow assigned to the advocacy section, so every page below it goes through it. The demo
and the tests call it; on a real site an administrator may equally do it in the admin."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REVIEWERS_GROUP = "Relecture plaidoyer"
TASK_NAME = "Relecture par le groupe plaidoyer"
WORKFLOW_NAME = "Plaidoyer : relecture avant publication"
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def _grant(group, page, codenames):
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@transaction.atomic
def ensure_advocacy_workflow(advocacy_index, contributors=()):
    """Set up the workflow on `advocacy_index`; `contributors` (groups) may draft and submit
    pages there, but not publish them."""
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    _grant(reviewers, advocacy_index, REVIEWER_PAGE_PERMISSIONS)
    for group in contributors:
        _grant(group, advocacy_index, CONTRIBUTOR_PAGE_PERMISSIONS)

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=advocacy_index, defaults={"workflow": workflow})
    return workflow
