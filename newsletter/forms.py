from django import forms
from django.utils.translation import gettext_lazy as _

from classifieds.forms import HoneypotMixin


class SubscribeForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("We send you a link to confirm: nothing else until you click it."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter a valid email address, such as nom@exemple.fr."),
        },
    )
