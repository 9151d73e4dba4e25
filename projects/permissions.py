"""Who may do what with a project's record. Editors (the `change_project` permission, given to
Wagtail's Editors group) edit every record in the admin; a project's working group and the
members named on it edit that record from the site."""

from django.db.models import Q

from workgroups.roles import groups_of, is_group_member

from .models import Project


def is_projects_editor(user):
    return user.is_authenticated and user.has_perm("projects.change_project")


def can_edit(user, project):
    if not user.is_authenticated:
        return False
    if is_projects_editor(user):
        return True
    if project.working_group_id and is_group_member(user, project.working_group):
        return True
    return project.editors.filter(pk=user.pk).exists()


def editable_projects(user):
    """The records this user edits from the site, as a named member or through their group."""
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(
        Q(editors=user) | Q(working_group__in=groups_of(user).values("pk"))
    ).distinct()


def can_see(user, project):
    """Unpublished records are seen by those who may edit them, and nobody else."""
    return project.published or can_edit(user, project)


def visible_projects(user):
    """What the site search may show this user: published records only (editors find the
    others in the admin)."""
    return Project.objects.published()
