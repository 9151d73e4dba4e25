"""Sign-up, address confirmation, change of address and password reset, in French. Every
answer is the same whether the address has an account or not (see `accounts`)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home.ratelimit import SIGNUP

from . import accounts
from .forms import EmailChangeForm, SignUpForm, SitePasswordResetForm, SiteSetPasswordForm


def signup(request):
    if request.user.is_authenticated:
        return redirect("members:account")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # the honeypot: a robot
            return redirect("members:signup_sent")
        if SIGNUP.exceeded(request):
            messages.error(
                request,
                _(
                    "Several accounts were requested from here in a short time: please try "
                    "again in an hour."
                ),
            )
            return TemplateResponse(request, "members/signup.html", {"form": form}, status=429)
        SIGNUP.record(request)
        accounts.sign_up(form.cleaned_data)
        return redirect("members:signup_sent")
    return TemplateResponse(request, "members/signup.html", {"form": form})


@require_GET
def signup_sent(request):
    days = max(1, settings.ACCOUNT_LINK_MAX_AGE // 86400)
    return TemplateResponse(request, "members/signup_sent.html", {"link_days": days})


def verify(request, token):
    """Shown first, confirmed by a button: mail scanners that open links do not confirm."""
    if request.method != "POST":
        return TemplateResponse(request, "members/verify.html", {"token": token})
    try:
        user = accounts.verify(token)
    except accounts.InvalidLink as error:
        return TemplateResponse(
            request, "members/link_invalid.html", {"message": error.message}, status=400
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your email address is confirmed: welcome!"))
    pending = user.memberships.filter(status="pending").order_by("created_at").first()
    if pending is not None:
        return redirect("members:pay", pk=pending.pk)
    return redirect("members:profile_edit")


@login_required
def email_change(request):
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.request_email_change(request.user, form.cleaned_data["email"])
        return TemplateResponse(
            request, "members/email_change_sent.html", {"email": form.cleaned_data["email"]}
        )
    return TemplateResponse(request, "members/email_change.html", {"form": form})


@login_required
def confirm_email(request, token):
    try:
        accounts.confirm_email_change(request.user, token)
    except accounts.InvalidLink as error:
        return TemplateResponse(
            request, "members/link_invalid.html", {"message": error.message}, status=400
        )
    messages.success(request, _("Your new email address is saved."))
    return redirect("members:account")


# Django's password reset answers the same for any address and writes only to accounts that
# exist; here in the site's templates and French.
password_reset = auth_views.PasswordResetView.as_view(
    form_class=SitePasswordResetForm,
    template_name="members/password_reset_form.html",
    email_template_name="members/email/password_reset.txt",
    subject_template_name="members/email/password_reset_subject.txt",
    success_url=reverse_lazy("members:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="members/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=SiteSetPasswordForm,
    template_name="members/password_reset_confirm.html",
    success_url=reverse_lazy("members:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="members/password_reset_complete.html"
)
