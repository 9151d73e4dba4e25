"""What a working group's space is made of, beyond its page.

All of it comes from Wagtail's own groups, page permissions, collection permissions and view
restrictions, so the admin shows the truth: coordinators edit and publish everything in their
space, members create and edit pages there (and publish them unless the group is moderated),
and nobody edits another group's space.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.membership import MEMBERS_GROUP

from .models import Visibility

EDITORS_GROUP = "Editors"
MEMBER_PAGE_PERMISSIONS = ("add_page", "change_page")
COORDINATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
# Wagtail checks the permissions of its own Document model, whatever the document model is.
DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")


def _unique_group(name):
    candidate, number = name[:140], 2
    while Group.objects.filter(name=candidate).exists():
        candidate, number = f"{name[:134]} ({number})", number + 1
    return Group.objects.create(name=candidate)


def _grant(group, codenames, **target):
    app_label = "wagtailcore" if "page" in target else "wagtaildocs"
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    for permission in permissions:
        if "page" in target:
            GroupPagePermission.objects.get_or_create(group=group, permission=permission, **target)
        else:
            GroupCollectionPermission.objects.get_or_create(
                group=group, permission=permission, **target
            )


@transaction.atomic
def provision_space(page):
    """Create the groups, collection and permissions of a new working group's space."""
    members = _unique_group(f"{page.title} — membres")
    coordinators = _unique_group(f"{page.title} — coordination")
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in (members, coordinators):
        group.permissions.add(admin_access)
    collection = Collection.get_first_root_node().add_child(name=page.title[:255])

    member_page_permissions = MEMBER_PAGE_PERMISSIONS
    if not page.moderated:
        member_page_permissions = (*MEMBER_PAGE_PERMISSIONS, "publish_page")
    _grant(members, member_page_permissions, page=page)
    _grant(coordinators, COORDINATOR_PAGE_PERMISSIONS, page=page)
    for group in (members, coordinators):
        _grant(group, DOCUMENT_PERMISSIONS, collection=collection)

    type(page).objects.filter(pk=page.pk).update(
        members_group=members, coordinators_group=coordinators, collection=collection
    )
    page.members_group, page.coordinators_group, page.collection = members, coordinators, collection
    apply_visibility(page)
    apply_moderation(page)


def _readers(page):
    """The Wagtail groups that may read a members-only or private space."""
    groups = [page.members_group, page.coordinators_group]
    groups += list(Group.objects.filter(name=EDITORS_GROUP))
    if page.visibility == Visibility.MEMBERS:
        groups += list(Group.objects.filter(name=MEMBERS_GROUP))
    return [group for group in groups if group is not None]


@transaction.atomic
def apply_visibility(page):
    """Make the page's and the collection's view restrictions match the chosen visibility."""
    PageViewRestriction.objects.filter(page=page).delete()
    if page.collection_id:
        CollectionViewRestriction.objects.filter(collection_id=page.collection_id).delete()
    if page.visibility == Visibility.OPEN:
        return
    readers = _readers(page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(readers)
    if page.collection_id:
        collection_restriction = CollectionViewRestriction.objects.create(
            collection_id=page.collection_id, restriction_type=CollectionViewRestriction.GROUPS
        )
        collection_restriction.groups.set(readers)


@transaction.atomic
def apply_moderation(page):
    """A moderated group gets its own workflow: members submit, the group's coordinators (not
    the site's moderators) approve or ask for changes. Members lose the right to publish."""
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    if not page.moderated:
        WorkflowPage.objects.filter(page=page).delete()
        _grant(page.members_group, ("publish_page",), page=page)
        return
    GroupPagePermission.objects.filter(
        group=page.members_group, page=page, permission=publish
    ).delete()
    task, _created = GroupApprovalTask.objects.get_or_create(name=f"Relecture — {page.title}"[:255])
    task.groups.set([page.coordinators_group])
    workflow, _created = Workflow.objects.get_or_create(name=f"Groupe — {page.title}"[:255])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
