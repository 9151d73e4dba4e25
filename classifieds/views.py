"""The ads' pages. Thin: the listing in `listing`, an ad's life in `lifecycle`, replies in
`contact`, reports in `moderation`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from home import ratelimit
from home.membership import is_member

from . import contact, lifecycle, moderation
from .forms import AdForm, ContactForm, ReportForm
from .listing import AdListing
from .models import AdStatus, ClassifiedAd


@require_GET
def ad_list(request):
    listing = AdListing(request.GET)
    return TemplateResponse(request, "classifieds/ad_list.html", {"listing": listing})


def can_moderate(user):
    return user.is_authenticated and user.has_perm("classifieds.change_classifiedad")


def is_author(user, ad):
    return user.is_authenticated and ad.poster_id == user.pk


def readable_ad(request, pk):
    """The ad if this reader may see it. Others get a 404, or for an expired ad a page that
    says so (without any way to contact its author)."""
    ad = get_object_or_404(ClassifiedAd, pk=pk)
    if ad.is_visible or is_author(request.user, ad) or can_moderate(request.user):
        return ad, None
    if ad.is_expired and not ad.is_hidden:
        return ad, TemplateResponse(request, "classifieds/ad_expired.html", {"ad": ad}, status=410)
    raise Http404


def _visible_or_404(pk):
    ad = get_object_or_404(ClassifiedAd, pk=pk)
    if not ad.is_visible:
        raise Http404
    return ad


@require_GET
def ad_detail(request, pk):
    ad, gone = readable_ad(request, pk)
    if gone:
        return gone
    return TemplateResponse(
        request,
        "classifieds/ad_detail.html",
        {"ad": ad, "is_author": is_author(request.user, ad)},
    )


def ad_contact(request, pk):
    ad = _visible_or_404(pk)
    if ad.poster_id is None:  # its author deleted their account
        messages.info(request, _("The author of this ad has left: it can no longer be answered."))
        return redirect(ad.get_absolute_url())
    form = ContactForm(request.POST or None, user=request.user)
    context = {"ad": ad, "form": form}
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # the honeypot was filled in: a robot
            messages.success(request, _("Thank you: your message has been sent."))
            return redirect(ad.get_absolute_url())
        if ratelimit.AD_REPLY.exceeded(request):
            return ratelimit.refusal(request, "classifieds/ad_contact.html", context)
        data = form.cleaned_data
        client = contact.client_hash(request)
        contact.send_reply(ad, client, data["name"], data["email"], data["message"])
        ratelimit.AD_REPLY.record(request)
        messages.success(
            request,
            _("Thank you: your message has been sent. The author will answer you by email."),
        )
        return redirect(ad.get_absolute_url())
    return TemplateResponse(request, "classifieds/ad_contact.html", context)


def ad_report(request, pk):
    ad = _visible_or_404(pk)
    form = ReportForm(request.POST or None)
    context = {"ad": ad, "form": form}
    if request.method == "POST" and form.is_valid():
        thanks = _("Thank you: the moderators will look at this ad.")
        if form.cleaned_data.get("website"):
            messages.success(request, thanks)
            return redirect(ad.get_absolute_url())
        if ratelimit.AD_REPORT.exceeded(request):
            return ratelimit.refusal(request, "classifieds/ad_report.html", context)
        client = contact.client_hash(request)
        moderation.report(
            ad, form.cleaned_data["reason"], form.cleaned_data["details"], client, request.user
        )
        ratelimit.AD_REPORT.record(request)
        messages.success(request, thanks)
        return redirect(ad.get_absolute_url())
    return TemplateResponse(request, "classifieds/ad_report.html", context)


def _members_only(request):
    if is_member(request.user):
        return None
    return TemplateResponse(request, "classifieds/ad_form.html", {"not_member": True}, status=403)


@login_required
def ad_create(request):
    if refusal := _members_only(request):
        return refusal
    form = AdForm(request.POST or None)
    if request.method == "POST":
        if not request.user.email:
            form.add_error(
                None,
                _("Your account has no email address: replies could not reach you. Add one first."),
            )
        elif ratelimit.AD.exceeded(request):
            return ratelimit.refusal(
                request,
                "classifieds/ad_form.html",
                {"form": form, "lifetime_days": lifecycle.lifetime().days},
            )
        elif form.is_valid():
            ad = lifecycle.publish(form.save(commit=False), request.user)
            ratelimit.AD.record(request)
            messages.success(
                request,
                _("Your ad is published for %(days)s days. We will email you before it ends.")
                % {"days": lifecycle.lifetime().days},
            )
            return redirect(ad.get_absolute_url())
    return TemplateResponse(
        request,
        "classifieds/ad_form.html",
        {"form": form, "lifetime_days": lifecycle.lifetime().days},
    )


def _own_ad(request, pk):
    ad = get_object_or_404(ClassifiedAd, pk=pk)
    if not is_author(request.user, ad) or ad.status == AdStatus.WITHDRAWN:
        raise Http404
    return ad


@login_required
def ad_edit(request, pk):
    ad = _own_ad(request, pk)
    form = AdForm(request.POST or None, instance=ad)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your ad has been updated."))
        return redirect(ad.get_absolute_url())
    return TemplateResponse(request, "classifieds/ad_form.html", {"form": form, "ad": ad})


@login_required
@require_POST
def ad_renew(request, pk):
    ad = _own_ad(request, pk)
    try:
        lifecycle.renew(ad)
    except lifecycle.CannotRenew as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your ad is renewed until %(date)s.") % {"date": _date(ad)})
    return redirect("classifieds:mine")


@login_required
@require_POST
def ad_withdraw(request, pk):
    ad = _own_ad(request, pk)
    lifecycle.withdraw(ad)
    messages.success(request, _("Your ad has been withdrawn."))
    return redirect("classifieds:mine")


@login_required
@require_GET
def my_ads(request):
    ads = (
        ClassifiedAd.objects.filter(poster=request.user)
        .exclude(status=AdStatus.WITHDRAWN)
        .order_by("-published_at")[:200]
    )
    return TemplateResponse(request, "classifieds/my_ads.html", {"ads": ads})


def renew_by_link(request, token):
    """The link of the renewal email: a page with a button (a mail scanner that follows links
    renews nothing), then the renewal."""
    try:
        ad = lifecycle.ad_for_renewal_token(token)
    except lifecycle.CannotRenew as refusal:
        return TemplateResponse(
            request, "classifieds/renew.html", {"error": refusal.message}, status=400
        )
    if request.method == "POST":
        lifecycle.renew(ad)
        return TemplateResponse(request, "classifieds/renew.html", {"ad": ad, "renewed": True})
    return TemplateResponse(request, "classifieds/renew.html", {"ad": ad})


def _date(ad):
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(ad.expires_at), "j F Y")
