"""Suggestions for one of my profiles, and the contact requests between profiles."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import contact as contacting
from ..forms import ContactRequestForm
from ..models import ContactRequest
from ..permissions import own_profile, received_request_of, request_of
from ..scoring import Criteria, fit
from ..suggestions import attach_requests, candidates, suggestions_for
from .access import members_only

PER_PAGE = 10


def _active_or_home(request, profile):
    if profile.is_active:
        return None
    messages.info(request, _("Your profile is paused: resume it to see suggestions."))
    return redirect("matching:home")


@members_only
def suggestions(request, profile_id):
    profile = own_profile(request.user, profile_id)
    if response := _active_or_home(request, profile):
        return response
    page = Paginator(suggestions_for(profile), PER_PAGE).get_page(request.GET.get("page"))
    attach_requests(profile, page.object_list)
    return TemplateResponse(
        request,
        "matching/suggestions.html",
        {"profile": profile, "page_obj": page, "suggestions": page.object_list},
    )


@members_only
def contact(request, profile_id, target_id):
    """Ask to get in touch with a suggested profile (only one that could be suggested)."""
    profile = own_profile(request.user, profile_id)
    if response := _active_or_home(request, profile):
        return response
    target = get_object_or_404(candidates(profile), pk=target_id)
    existing = ContactRequest.objects.filter(
        Q(sender=profile, recipient=target) | Q(sender=target, recipient=profile)
    ).first()
    if existing is not None:
        return redirect("matching:request", existing.pk)
    form = ContactRequestForm(request.POST or None)
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        try:
            contact_request = contacting.send_request(profile, target, form.cleaned_data["message"])
        except contacting.ContactError as error:
            messages.error(request, str(error))
            status = error.status
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent to %(name)s. Your contact details will be "
                    "shared only if it is accepted."
                )
                % {"name": target.display_name},
            )
            return redirect("matching:request", contact_request.pk)
    return TemplateResponse(
        request,
        "matching/contact.html",
        {
            "profile": profile,
            "target": target,
            "fit": fit(Criteria.of(profile), Criteria.of(target)),
            "form": form,
        },
        status=status,
    )


@members_only
def request_detail(request, request_id):
    contact_request = request_of(request.user, request_id)
    mine, other = contact_request.side_of(request.user)
    # A paused profile is hidden from everyone but its owner, even from a past contact.
    visible = other.is_active
    context = {
        "contact_request": contact_request,
        "mine": mine,
        "other": other,
        "other_visible": visible,
        "fit": fit(Criteria.of(mine), Criteria.of(other)) if visible else None,
        "i_received": contact_request.recipient_id == mine.pk,
        "contact": contacting.contact_details(other)
        if visible and contact_request.is_accepted
        else None,
    }
    return TemplateResponse(request, "matching/request.html", context)


def _answer(request, request_id, answer, done_message):
    contact_request = received_request_of(request.user, request_id)
    try:
        answer(contact_request, request.user)
    except contacting.ContactError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done_message)
    return redirect("matching:request", contact_request.pk)


@require_POST
@members_only
def accept_request(request, request_id):
    return _answer(
        request,
        request_id,
        contacting.accept,
        _("You are now in touch: each of you sees the other's contact details."),
    )


@require_POST
@members_only
def decline_request(request, request_id):
    return _answer(
        request,
        request_id,
        contacting.decline,
        _("The request has been declined. This person cannot send you another one."),
    )
