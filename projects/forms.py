from django import forms
from django.utils.translation import gettext_lazy as _

from .filters import departments_by_region
from .models import Project


class ProjectForm(forms.ModelForm):
    """What a project's group edits from the site. Who may edit, the directory's partners and
    whether the record is shown stay with the editors, in the admin."""

    class Meta:
        model = Project
        fields = [
            "name",
            "description",
            "commune",
            "department",
            "region",
            "latitude",
            "longitude",
            "stage",
            "year",
            "homes",
            "legal_form",
            "social_landlord",
            "municipality",
            "publics",
            "ecological_features",
            "website",
            "contact_email",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "publics": forms.CheckboxSelectMultiple,
            "ecological_features": forms.CheckboxSelectMultiple,
            "stage": forms.RadioSelect,
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "---------"), *departments_by_region()]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email"), help_text=_("The project answers you at this address.")
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
    )
    # A field no person fills in (hidden from view and from screen readers): bots that fill
    # it in are thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["name"].initial = user.get_full_name() or user.get_username()
            self.fields["email"].initial = user.email

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())  # one line: it goes in the subject
