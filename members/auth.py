"""Login rate limiting with django-axes: failed logins are counted per account and address
(AXES_* settings); once locked out, the login page says so in French and refuses even the
right password until the cool-off has passed."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

from home.forms import LoginForm


class LoginRateLimitBackend(AxesStandaloneBackend):
    """Axes' backend, for logins made through a request (the login forms of the site and
    the admin). authenticate() without a request is not a login attempt anyone can repeat
    from outside (the test client's login(), scripts): axes would raise, we let it through
    to the next backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed login attempts. For your security, logging in to this account from "
        "here is blocked for %(minutes)d minute. Try again later, or reset your password.",
        "Too many failed login attempts. For your security, logging in to this account from "
        "here is blocked for %(minutes)d minutes. Try again later, or reset your password.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with the lockout explained (429 Too Many Requests)."""
    form = LoginForm(request)
    return TemplateResponse(
        request,
        "registration/login.html",
        {"form": form, "lockout_message": lockout_message(), "next": request.POST.get("next", "")},
        status=429,
    ).render()
