"""Home of the tool, and a member's own profiles: create, edit, pause or resume, delete."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..choices import KIND_SLUGS, SLUG_OF_KIND, Kind, Status
from ..forms import ProfileForm
from ..models import ContactRequest, Profile
from ..permissions import can_use_matching, own_profile, requests_of
from .access import members_only


def home(request):
    """For visitors: what the tool does and how to join in. For members: their profiles and
    the requests they sent and received."""
    context = {"can_use": can_use_matching(request.user), "kind_slugs": SLUG_OF_KIND}
    if context["can_use"]:
        user = request.user
        profiles = list(Profile.objects.owned_by(user).order_by("kind"))
        exchanged = list(requests_of(user))
        context.update(
            {
                "profiles": profiles,
                "missing_kinds": [
                    (SLUG_OF_KIND[kind], kind.label)
                    for kind in Kind
                    if kind not in {profile.kind for profile in profiles}
                ],
                "received": [
                    r
                    for r in exchanged
                    if r.recipient.owner_id == user.pk and r.status == ContactRequest.Status.PENDING
                ],
                "sent": [
                    r
                    for r in exchanged
                    if r.sender.owner_id == user.pk and r.status != ContactRequest.Status.ACCEPTED
                ],
                "connections": [r for r in exchanged if r.is_accepted],
            }
        )
    return TemplateResponse(request, "matching/home.html", context)


@members_only
def create_profile(request, kind_slug):
    kind = KIND_SLUGS.get(kind_slug)
    if kind is None:
        raise Http404
    existing = Profile.objects.owned_by(request.user).filter(kind=kind).first()
    if existing is not None:
        return redirect("matching:edit", existing.pk)
    profile = Profile(owner=request.user, kind=kind)
    form = ProfileForm(
        request.POST or None,
        instance=profile,
        initial={"display_name": request.user.first_name} if kind == Kind.PERSON else {},
    )
    if request.method == "POST" and form.is_valid():
        profile = form.save()
        messages.success(
            request, _("Your profile is online: here are the suggestions that fit it best.")
        )
        return redirect("matching:suggestions", profile.pk)
    return TemplateResponse(
        request, "matching/profile_form.html", {"form": form, "profile": profile, "creating": True}
    )


@members_only
def edit_profile(request, profile_id):
    profile = own_profile(request.user, profile_id)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("matching:home")
    return TemplateResponse(
        request, "matching/profile_form.html", {"form": form, "profile": profile, "creating": False}
    )


@require_POST
@members_only
def toggle_pause(request, profile_id):
    profile = own_profile(request.user, profile_id)
    if profile.is_active:
        profile.status = Status.PAUSED
        messages.success(
            request,
            _(
                "Your profile is paused: nobody sees it any more and it gets no suggestions. "
                "Resume it whenever you like."
            ),
        )
    else:
        profile.status = Status.ACTIVE
        messages.success(request, _("Your profile is active again."))
    profile.save(update_fields=["status", "updated_at"])
    return redirect("matching:home")


@members_only
def delete_profile(request, profile_id):
    profile = own_profile(request.user, profile_id)
    if request.method == "POST":
        with transaction.atomic():
            # Its contact requests, sent and received, go with it (on_delete=CASCADE).
            profile.delete()
        messages.success(
            request, _("Your profile and its contact requests have been deleted for good.")
        )
        return redirect("matching:home")
    return TemplateResponse(request, "matching/profile_delete.html", {"profile": profile})
