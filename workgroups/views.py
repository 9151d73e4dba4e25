"""The space's forms and pages. Thin: the rules live in `joining`, `contributions`,
`notifications` and `roles`. Routes under a group's page (see `WorkingGroupPage`) have already
passed its view restrictions when they get here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home import ratelimit
from home.membership import is_member

from . import contributions, joining, notifications, reader_state
from .forms import ContributionForm, DecisionForm, InvitationForm, JoinForm, TriageForm
from .models import Contribution, Follow, JoinRequest, MembershipEvent, Notification
from .roles import coordinated_by, groups_of, is_coordinator
from .space import group_documents

PER_PAGE = 20


def _back(group):
    return redirect(group.url)


def _post_only(request, group):
    if not request.user.is_authenticated:
        return redirect_to_login(group.url)
    if request.method != "POST":
        return _back(group)
    return None


def join(request, group):
    if response := _post_only(request, group):
        return response
    if not is_member(request.user):
        messages.error(request, _("Only members of the movement can join a working group."))
        return _back(group)
    form = JoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        outcome = joining.join(group, request.user, message)
    except joining.MembershipError as error:
        messages.info(request, str(error))
    else:
        if outcome == "joined":
            messages.success(request, _("Welcome: you are now a member of this group."))
        else:
            messages.success(
                request, _("Your request has been sent: the coordinators will answer it.")
            )
    return _back(group)


def leave(request, group):
    if response := _post_only(request, group):
        return response
    try:
        joining.leave(group, request.user)
    except joining.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have left the group."))
    return redirect(group.url if group.visibility == "open" else "/")


def follow(request, group):
    if response := _post_only(request, group):
        return response
    follow, created = Follow.objects.get_or_create(user=request.user, group=group)
    if created:
        messages.success(
            request,
            _("You follow this group: its news, meetings and documents will be notified to you."),
        )
    else:
        follow.delete()
        messages.success(request, _("You no longer follow this group."))
    return _back(group)


def contribute(request, group):
    form = ContributionForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # the honeypot was filled in: a robot
            messages.success(request, _("Thank you: your contribution has been sent."))
            return _back(group)
        if ratelimit.CONTRIBUTION.exceeded(request):
            return ratelimit.refusal(
                request, "workgroups/contribute.html", {"page": group, "form": form}
            )
        client = contributions.client_hash(request)
        contribution = form.save(commit=False)
        contribution.group = group
        contribution.client_hash = client
        if request.user.is_authenticated:
            contribution.user = request.user
        contributions.submit(contribution)
        ratelimit.CONTRIBUTION.record(request)
        messages.success(
            request,
            _(
                "Thank you: your contribution has been sent. "
                "The coordinators will answer you by email."
            ),
        )
        return _back(group)
    return TemplateResponse(request, "workgroups/contribute.html", {"page": group, "form": form})


def documents(request, group):
    paginator = Paginator(group_documents(group, request.user), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "workgroups/documents.html", {"page": group, "documents": page}
    )


def _coordinator_only(request, group):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_coordinator(request.user, group):
        raise PermissionDenied
    return None


def coordination(request, group):
    if response := _coordinator_only(request, group):
        return response
    status = request.GET.get("statut", "new")
    if status not in Contribution.Status.values:
        status = "new"
    inbox = Paginator(
        group.contributions.filter(status=status).select_related("user", "replied_by"), PER_PAGE
    ).get_page(request.GET.get("page"))
    context = {
        "page": group,
        "requests": group.join_requests.filter(status="pending").select_related("user"),
        "contributions": inbox,
        "status": status,
        "statuses": Contribution.Status.choices,
        "events": MembershipEvent.objects.filter(group=group).select_related("member", "actor")[
            :50
        ],
        "invitations": group.invitations.filter(accepted_at__isnull=True).select_related(
            "invited_by"
        )[:20],
        "invitation_form": InvitationForm(),
        "triage_form": TriageForm(),
        "decision_form": DecisionForm(),
    }
    return TemplateResponse(request, "workgroups/coordination.html", context)


def _to_coordination(group):
    return redirect(group.url + group.reverse_subpage("coordination"))


def decide_request(request, group, request_id):
    if response := _coordinator_only(request, group):
        return response
    join_request = get_object_or_404(JoinRequest, pk=request_id, group=group)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            joining.decide(join_request, request.user, approve, form.cleaned_data["reply"])
        except joining.MembershipError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is now a member of the group.")
                % {"name": join_request.user.get_full_name() or join_request.user.get_username()}
                if approve
                else _("The request has been declined."),
            )
    return _to_coordination(group)


def invite(request, group):
    if response := _coordinator_only(request, group):
        return response
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            joining.invite(group, request.user, form.cleaned_data["email"])
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
        else:
            messages.error(request, _("Enter a valid email address."))
    return _to_coordination(group)


def triage_contribution(request, group, contribution_id):
    if response := _coordinator_only(request, group):
        return response
    contribution = get_object_or_404(Contribution, pk=contribution_id, group=group)
    form = TriageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contributions.triage(
            contribution, request.user, form.cleaned_data["status"], form.cleaned_data["reply"]
        )
        messages.success(request, _("The contribution has been updated."))
    return _to_coordination(group)


def contribution_attachment(request, group, contribution_id):
    if response := _coordinator_only(request, group):
        return response
    contribution = get_object_or_404(Contribution, pk=contribution_id, group=group)
    if not contribution.attachment:
        raise Http404
    return FileResponse(
        contribution.attachment.open("rb"),
        as_attachment=True,
        filename=contribution.attachment.name.rsplit("/", 1)[-1],
    )


def accept_invitation(request, token):
    try:
        invitation = joining.invitation_from_token(token)
    except joining.MembershipError as error:
        return TemplateResponse(
            request, "workgroups/invitation.html", {"error": str(error)}, status=400
        )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        joining.accept_invitation(invitation, request.user)
        messages.success(request, _("Welcome: you are now a member of this group."))
        return redirect(invitation.group.url)
    return TemplateResponse(request, "workgroups/invitation.html", {"invitation": invitation})


@login_required
def dashboard(request):
    user = request.user
    coordinated = list(coordinated_by(user))
    mine = list(groups_of(user))
    activity = _recent_activity(mine, user)
    context = {
        "groups": mine,
        "followed": Follow.objects.filter(user=user)
        .select_related("group")
        .order_by("group__title"),
        "activity": activity,
        "notifications": Notification.objects.filter(
            user=user, read_at__isnull=True
        ).select_related("group", "page", "document")[:20],
        "pending_requests": JoinRequest.objects.filter(
            group__in=coordinated, status="pending"
        ).select_related("user", "group"),
        "new_contributions": Contribution.objects.filter(
            group__in=coordinated, status="new"
        ).select_related("group"),
        "my_contributions": Contribution.objects.filter(user=user).select_related("group")[:20],
        "my_requests": JoinRequest.objects.filter(user=user, status="pending").select_related(
            "group"
        ),
    }
    return TemplateResponse(request, "workgroups/dashboard.html", context)


def _recent_activity(groups, user, limit=10):
    """The latest pages published in the user's groups, newest first."""
    from wagtail.models import Page

    from home.visibility import visible_pages

    if not groups:
        return []
    pages = Page.objects.none()
    for group in groups:
        pages |= Page.objects.descendant_of(group)
    pages = visible_pages(pages.live(), user).select_related("owner", "content_type")
    return pages.order_by("-last_published_at")[:limit]


@login_required
@require_POST
def mark_notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    reader_state.changed()  # a bulk update: no signal
    messages.success(request, _("All notifications are marked as read."))
    return redirect("workgroups:dashboard")


@csrf_exempt  # the signed token is the credential; mail clients post one-click unsubscribes
def unsubscribe(request, token):
    data = notifications.read_unsubscribe_token(token)
    if data is None:
        return TemplateResponse(
            request, "workgroups/unsubscribe.html", {"invalid": True}, status=400
        )
    user_id, group_id = data
    follows = Follow.objects.filter(user_id=user_id, email_digest=True)
    if group_id:
        follows = follows.filter(group_id=group_id)
    if request.method == "POST":
        follows.update(email_digest=False)
        return TemplateResponse(request, "workgroups/unsubscribe.html", {"done": True})
    return TemplateResponse(
        request, "workgroups/unsubscribe.html", {"token": token, "count": follows.count()}
    )
