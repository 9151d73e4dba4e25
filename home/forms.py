from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """The site's login form: French messages that never say whether the account exists."""

    error_messages = {
        "invalid_login": _(
            "Incorrect username or password. Check what you typed: capital letters matter."
        ),
        "inactive": _("This account is disabled. Please contact the coordination team."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
