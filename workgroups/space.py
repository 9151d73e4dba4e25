"""What a group's page shows its reader: its content by type, its people, and what the reader
can do there. A fixed number of queries whatever the size of the group."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.membership import is_member
from home.personal import fragment, render_personal
from home.visibility import hidden_collection_ids, hidden_paths

from .forms import JoinForm
from .models import (
    GroupMeetingPage,
    GroupNewsPage,
    JoinRequest,
    WorkingDocumentPage,
)
from .reader_state import followed_group_ids
from .roles import is_coordinator, is_group_member

LATEST = 5


def _visible(queryset, paths):
    for path in paths:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def group_pages(group, model, user, paths=None):
    """Live pages of `model` in the group's space that `user` may read, with their author."""
    paths = hidden_paths(user) if paths is None else paths
    pages = model.objects.child_of(group).live().select_related("owner")
    return _visible(pages, paths)


def group_documents(group, user):
    from resources.models import ResourceDocument

    if group.collection_id is None or group.collection_id in hidden_collection_ids(user):
        return ResourceDocument.objects.none()
    return ResourceDocument.objects.filter(collection_id=group.collection_id).order_by(
        "-created_at"
    )


def people(group):
    """Coordinators and members, by name (members who coordinate are listed once)."""
    users = get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name")
    coordinators = list(users.filter(groups=group.coordinators_group_id))
    ids = {user.pk for user in coordinators}
    members = [u for u in users.filter(groups=group.members_group_id) if u.pk not in ids]
    return coordinators, members


def space_context(group, request):
    user = request.user
    paths = hidden_paths(user)
    now = timezone.now()
    meetings = group_pages(group, GroupMeetingPage, user, paths)
    coordinators, members = people(group)
    context = {
        "news": group_pages(group, GroupNewsPage, user, paths).order_by("-first_published_at")[
            :LATEST
        ],
        "upcoming_meetings": meetings.filter(starts_at__gte=now).order_by("starts_at")[:LATEST],
        "past_meetings": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:LATEST],
        "working_documents": group_pages(group, WorkingDocumentPage, user, paths).order_by(
            "-last_published_at"
        )[:LATEST],
        "documents": group_documents(group, user)[:LATEST],
        "coordinators": coordinators,
        "members": members if user.is_authenticated else [],
        "member_count": len(coordinators) + len(members),
    }
    return context


def actions_context(group, user):
    """What the reader can do in the group (join, leave, follow...): theirs alone."""
    member = is_group_member(user, group)
    url = group.url
    context = {
        "page": group,
        # The page's own address plus each route: no site lookup, as {% routablepageurl %} does.
        "action_urls": {
            name: url + group.reverse_subpage(name)
            for name in ("coordination", "leave", "join", "follow")
        },
        "is_group_member": member,
        "is_coordinator": is_coordinator(user, group),
        "can_join": is_member(user) and not member,
        "join_form": JoinForm(),
    }
    if user.is_authenticated:
        context["following"] = group.pk in followed_group_ids(user)
        # A member has no request waiting (approving one makes them a member).
        context["pending_request"] = not member and (
            JoinRequest.objects.filter(group=group, user=user, status="pending").exists()
        )
    return context


def actions(request, served):
    """The group page's buttons, rendered for each reader (home/personal.py)."""
    context = actions_context(served.page, request.user)
    return render_personal("workgroups/includes/group_actions.html", request, context)


def register_fragments():
    fragment("group_actions")(actions)
