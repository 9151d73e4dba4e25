"""The newsletter's public pages: subscribe, confirm, unsubscribe, and the archive of the
issues already sent (public content only, as in the emails)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from . import subscriptions
from .content import public_entries
from .emails import issue_context
from .forms import SubscribeForm
from .models import IssueStatus, NewsletterIssue


def _check_your_inbox(request):
    messages.success(
        request,
        _(
            "Thank you! If this address is not subscribed yet, it will receive an email with a "
            "link to confirm. Nothing will be sent before you click it."
        ),
    )
    return redirect("newsletter:subscribe")


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    context = {"form": form, "recent": _sent_issues()[:3]}
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # the honeypot was filled in: a robot
            return _check_your_inbox(request)
        client = subscriptions.client_hash(request)
        if subscriptions.is_rate_limited(client):
            messages.error(
                request,
                _(
                    "You have sent this form several times in a short time: "
                    "please try again in an hour."
                ),
            )
            return TemplateResponse(request, "newsletter/subscribe.html", context, status=429)
        subscriptions.request_subscription(form.cleaned_data["email"], client)
        return _check_your_inbox(request)
    return TemplateResponse(request, "newsletter/subscribe.html", context)


def confirm(request, token):
    """The link of the confirmation email: a page with a button (a mail scanner that follows
    links subscribes nobody), then the confirmation."""
    try:
        subscriber = subscriptions.subscriber_for_confirmation(token)
    except subscriptions.InvalidLink as refusal:
        return TemplateResponse(
            request, "newsletter/confirm.html", {"error": refusal.message}, status=400
        )
    if request.method == "POST":
        subscriptions.confirm(subscriber)
        return TemplateResponse(
            request, "newsletter/confirm.html", {"subscriber": subscriber, "done": True}
        )
    return TemplateResponse(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # the signed token is the credential; mail clients POST one-click unsubscribes
def unsubscribe(request, token):
    """GET: a page with a button. POST (the button, or a mail client's one-click request per
    RFC 8058, body "List-Unsubscribe=One-Click"): unsubscribed at once, no login needed."""
    try:
        subscriber = subscriptions.subscriber_for_unsubscribe(token)
    except subscriptions.InvalidLink as refusal:
        return TemplateResponse(
            request, "newsletter/unsubscribe.html", {"error": refusal.message}, status=400
        )
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
        return TemplateResponse(request, "newsletter/unsubscribe.html", {"done": True})
    return TemplateResponse(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def _sent_issues():
    return NewsletterIssue.objects.filter(status=IssueStatus.SENT).order_by("-sent_at", "-pk")


@require_GET
def archive(request):
    page = Paginator(_sent_issues(), 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "newsletter/archive.html", {"issues": page, "page_obj": page})


@require_GET
def issue_detail(request, pk):
    issue = get_object_or_404(_sent_issues(), pk=pk)
    context = issue_context(issue, public_entries(issue), unsubscribe_url="")
    return TemplateResponse(request, "newsletter/issue.html", context)
