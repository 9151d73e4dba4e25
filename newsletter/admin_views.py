"""Editors' views in the Wagtail admin: an issue previewed as the email subscribers will get
(HTML and text parts), a test copy to the editor's own address, then the real send.

Previewing and test copies need the right to change issues; sending needs the
"send_newsletterissue" permission (given to the Editors group by a migration)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permission_policies import ModelPermissionPolicy

from . import sending
from .content import resolve
from .emails import editor_copy, issue_message
from .models import IssueStatus, NewsletterIssue, Subscriber

policy = ModelPermissionPolicy(NewsletterIssue)


def _issue_for(request, pk, action):
    if not policy.user_has_permission(request.user, action):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssue, pk=pk)


def preview(request, pk):
    issue = _issue_for(request, pk, "change")
    entries, left_out = resolve(issue)
    sample = Subscriber(email="abonnee@example.org")
    message = issue_message(issue, entries, sample, unsubscribe_url="#")
    html = message.alternatives[0].content
    return TemplateResponse(
        request,
        "newsletter/admin/preview.html",
        {
            "page_title": _("Preview: %(title)s") % {"title": issue.title},
            "header_icon": "mail",
            "issue": issue,
            "entries": entries,
            "left_out": left_out,
            "email_html": html,
            "email_text": message.body,
            "subscriber_count": Subscriber.objects.confirmed().count(),
            "progress": sending.progress(issue) if not issue.is_draft else None,
            "can_send": policy.user_has_permission(request.user, "send"),
        },
    )


@require_POST
def send_test(request, pk):
    issue = _issue_for(request, pk, "change")
    if not request.user.email:
        messages.error(request, _("Your account has no email address: add one to get a test."))
    else:
        entries, _left_out = resolve(issue)
        editor_copy(issue, entries, request.user.email).send()
        messages.success(
            request, _("A test copy was sent to %(email)s.") % {"email": request.user.email}
        )
    return redirect("newsletter_admin:preview", pk=issue.pk)


@require_POST
def send(request, pk):
    issue = _issue_for(request, pk, "send")
    try:
        if issue.status == IssueStatus.SENDING:
            sending.resume(issue)
            messages.success(request, _("Sending resumes: the remaining emails are queued."))
        else:
            sending.start(issue, request.user)
            messages.success(request, _("Sending has started: the emails are queued in batches."))
    except sending.CannotSend as refusal:
        messages.error(request, refusal.message)
    return redirect("newsletter_admin:preview", pk=issue.pk)
