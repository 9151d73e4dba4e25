from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Contribution


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("A word for the coordinators (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    reply = forms.CharField(
        label=_("Message to the person (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 2000}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"))


class ContributionForm(forms.ModelForm):
    # A field no person fills in (hidden from view and from screen readers): bots that fill
    # it in are thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Contribution
        fields = ["kind", "message", "name", "email", "attachment"]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": 4000}),
        }
        help_texts = {
            "attachment": _("Optional. PDF, office document or text; 10 MB at most."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["name"].initial = user.get_full_name() or user.get_username()
            self.fields["email"].initial = user.email

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment:
            from resources.extraction import UploadRefused, check_upload

            try:
                check_upload(attachment, attachment.name, settings.CONTRIBUTION_MAX_UPLOAD_SIZE)
            except UploadRefused as refusal:
                raise ValidationError(refusal.message, code=refusal.code) from refusal
        return attachment


class TriageForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accepted", _("Accept")),
            ("declined", _("Decline")),
            ("archived", _("Archive")),
        ],
    )
    reply = forms.CharField(
        label=_("Reply to the contributor"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 4000}),
        help_text=_("Sent by email. Archiving without a reply sends nothing."),
    )
