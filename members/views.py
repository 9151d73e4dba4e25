"""Joining the movement, the members directory and profiles, and the member's own account
page (data download, deletion). Thin: the rules live in `memberships`, `accounts`,
`directory` and `personal_data`; account views (sign-up, address, password) are in
`account_views`."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from home.membership import is_member
from home.ratelimit import SIGNUP
from workgroups.roles import groups_of

from . import accounts, memberships, personal_data
from .directory import ProfileView, directory, listed_profiles
from .forms import JOIN_FORMS, DeleteAccountForm, DirectoryFilterForm, ProfileForm
from .models import (
    MemberProfile,
    Membership,
    MembershipKind,
    MembershipSettings,
    MembershipStatus,
    MembershipTier,
)

PER_PAGE = 24
KIND_SLUGS = {
    "individuel": MembershipKind.INDIVIDUAL,
    "groupe": MembershipKind.RESIDENT_GROUP,
    "organisation": MembershipKind.ORGANISATION,
}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}


def _settings(request):
    site = Site.find_for_request(request)
    return MembershipSettings.for_site(site) if site else MembershipSettings()


@require_GET
def join_home(request):
    tiers = MembershipTier.objects.filter(is_active=True)
    kinds = [
        {
            "kind": kind,
            "label": label,
            "slug": SLUG_OF_KIND[kind],
            "tiers": [tier for tier in tiers if tier.kind == kind],
        }
        for kind, label in MembershipKind.choices
    ]
    return TemplateResponse(
        request,
        "members/join_home.html",
        {"kinds": kinds, "settings_": _settings(request)},
    )


def join(request, kind_slug):
    kind = KIND_SLUGS.get(kind_slug)
    if kind is None:
        raise Http404
    anonymous = not request.user.is_authenticated
    if not anonymous:
        pending = request.user.memberships.filter(status=MembershipStatus.PENDING).first()
        if pending is not None:
            messages.info(request, _("Your membership is waiting for its payment."))
            return redirect("members:pay", pk=pending.pk)
    site_settings = _settings(request)
    form = JOIN_FORMS[kind](
        request.POST or None, with_account=anonymous, rules_url=site_settings.rules_url
    )
    context = {"form": form, "kind": kind, "kind_label": MembershipKind(kind).label}
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # the honeypot: a robot
            return redirect("members:signup_sent")
        if anonymous:
            if SIGNUP.exceeded(request):
                return _rate_limited(request, "members/join_form.html", context)
            SIGNUP.record(request)
            with transaction.atomic():
                user = accounts.sign_up(
                    form.cleaned_data,
                    next_step=_("then pay your membership fee to make it active."),
                )
                if user is not None:
                    memberships.create(user, kind, form.cleaned_data)
            # The same answer whether or not the address had an account.
            return redirect("members:signup_sent")
        membership = memberships.create(request.user, kind, form.cleaned_data)
        return redirect("members:pay", pk=membership.pk)
    return TemplateResponse(request, "members/join_form.html", context)


def _rate_limited(request, template, context):
    messages.error(
        request,
        _(
            "Several accounts were requested from here in a short time: please try again "
            "in an hour."
        ),
    )
    return TemplateResponse(request, template, context, status=429)


@login_required
@require_GET
def pay(request, pk):
    membership = get_object_or_404(Membership, pk=pk, user=request.user)
    return TemplateResponse(
        request,
        "members/pay.html",
        {"membership": membership, "payment_url": _settings(request).payment_url},
    )


@login_required
def renew(request, pk):
    previous = get_object_or_404(Membership, pk=pk, user=request.user)
    pending = request.user.memberships.filter(status=MembershipStatus.PENDING).first()
    if pending is not None:
        return redirect("members:pay", pk=pending.pk)
    if request.method != "POST":
        return TemplateResponse(request, "members/renew.html", {"membership": previous})
    membership = memberships.renew(previous)
    messages.success(request, _("Your renewal is recorded: it becomes active once paid."))
    return redirect("members:pay", pk=membership.pk)


@login_required
@require_GET
def account(request):
    """ "My account": memberships, profile, address, password, data and deletion."""
    user = request.user
    return TemplateResponse(
        request,
        "members/account.html",
        {
            "memberships": user.memberships.select_related("tier"),
            "profile": MemberProfile.objects.filter(user=user).first(),
            "today": timezone.localdate(),
        },
    )


@login_required
def profile_edit(request):
    profile, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("members:profile_edit")
    return TemplateResponse(
        request,
        "members/profile_form.html",
        {"form": form, "profile": profile, "groups": groups_of(request.user)},
    )


@require_GET
def profile_detail(request, pk):
    profile = get_object_or_404(listed_profiles(request.user).select_related("user"), pk=pk)
    return TemplateResponse(
        request,
        "members/profile_detail.html",
        {"member": ProfileView(profile, request.user)},
    )


@require_GET
def member_directory(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    if not is_member(request.user):
        return TemplateResponse(request, "members/directory.html", {"not_member": True}, status=403)
    filters = DirectoryFilterForm(request.GET or None)
    region = skill = ""
    if filters.is_valid():
        region = filters.cleaned_data["region"]
        skill = filters.cleaned_data["competence"].strip()
    profiles = directory(request.user, region=region, skill=skill)
    page = Paginator(profiles, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/directory.html",
        {
            "filters": filters,
            "page_obj": page,
            "members": [ProfileView(profile, request.user) for profile in page.object_list],
        },
    )


@login_required
@require_GET
def data_export(request):
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"mes-donnees-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        accounts.delete_account(user)
        messages.success(
            request,
            _("Your account has been deleted. What you contributed stays, as a former member's."),
        )
        return redirect("/")
    return TemplateResponse(request, "members/delete_account.html", {"form": form})
