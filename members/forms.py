"""Forms of the accounts, the join pages and the profile. Errors in French, and nothing in
them says whether an address already has an account."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.regions import REGIONS

from .models import (
    LegalForm,
    MemberProfile,
    MembershipKind,
    MembershipTier,
    Visibility,
    format_fee,
)
from .siret import normalise_siret

UNKNOWN_REGION = _("Unknown région: choose one of the French régions in the list.")


class HoneypotMixin(forms.Form):
    # A field no person fills in (hidden from view and from screen readers): bots that fill
    # it in are thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def account_fields():
    return {
        "first_name": forms.CharField(
            label=_("First name"),
            max_length=150,
            widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        ),
        "last_name": forms.CharField(
            label=_("Last name"),
            max_length=150,
            widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        ),
        "email": forms.EmailField(
            label=_("Email address"),
            max_length=150,
            help_text=_("You will log in with it. We send a link to confirm it."),
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            error_messages={"invalid": _("Enter a valid email address.")},
        ),
        "password1": forms.CharField(
            label=_("Password"),
            strip=False,
            help_text=_("At least 8 characters, not only digits, not a common password."),
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        ),
        "password2": forms.CharField(
            label=_("Password again"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        ),
    }


class AccountFieldsMixin:
    """Checks of the account fields, when the form has them."""

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def _clean_passwords(self, cleaned):
        if "password1" not in self.fields:
            return
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are different."))
        elif first:
            from django.contrib.auth import get_user_model

            candidate = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)


class SignUpForm(AccountFieldsMixin, HoneypotMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(account_fields())
        self.order_fields(["first_name", "last_name", "email", "password1", "password2"])

    def clean(self):
        cleaned = super().clean()
        self._clean_passwords(cleaned)
        return cleaned


class TierChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tier):
        label = _("%(name)s — %(fee)s € a year") % {
            "name": tier.name,
            "fee": format_fee(tier.yearly_fee),
        }
        return f"{label} ({tier.description})" if tier.description else label


class JoinForm(AccountFieldsMixin, HoneypotMixin):
    """Joining as `kind`; with the account fields when the visitor is not logged in."""

    kind = MembershipKind.INDIVIDUAL

    tier = TierChoiceField(
        label=_("Membership tier"),
        queryset=MembershipTier.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a membership tier."),
            "invalid_choice": _("Choose one of the tiers in the list."),
        },
    )
    region = forms.ChoiceField(
        label=_("Région"),
        choices=[("", _("Choose a région")), *REGIONS],
        error_messages={"invalid_choice": UNKNOWN_REGION},
    )
    town = forms.CharField(label=_("Town"), max_length=120, required=False)
    accept_rules = forms.BooleanField(
        label=_("I have read and accept the rules of membership."),
        error_messages={"required": _("Accept the rules of membership to join.")},
    )

    def __init__(self, *args, with_account=False, rules_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].queryset = MembershipTier.objects.filter(kind=self.kind, is_active=True)
        if rules_url:
            self.fields["accept_rules"].help_text = format_html(
                _('Read them on <a href="{url}" target="_blank" rel="noopener">this page</a>.'),
                url=rules_url,
            )
        if with_account:
            self.fields.update(account_fields())
            order = ["first_name", "last_name", "email", "password1", "password2"]
            self.order_fields([*self.kind_fields(), "region", "town", "tier", *order])

    def kind_fields(self):
        return []

    def clean(self):
        cleaned = super().clean()
        self._clean_passwords(cleaned)
        return cleaned


class GroupJoinForm(JoinForm):
    kind = MembershipKind.RESIDENT_GROUP

    name = forms.CharField(label=_("Name of the group"), max_length=150)
    households = forms.IntegerField(
        label=_("Households in the group"),
        min_value=1,
        max_value=500,
        error_messages={
            "invalid": _("Enter the number of households in digits."),
            "min_value": _("A group has at least one household."),
            "max_value": _("Enter at most 500 households."),
        },
    )

    def kind_fields(self):
        return ["name", "households"]


class OrganisationJoinForm(JoinForm):
    kind = MembershipKind.ORGANISATION

    name = forms.CharField(label=_("Name of the organisation"), max_length=150)
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        choices=[("", _("Choose a legal form")), *LegalForm.choices],
        error_messages={"invalid_choice": _("Choose a legal form in the list.")},
    )
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        help_text=_("14 digits, as on the organisation's INSEE notice (spaces allowed)."),
    )

    def kind_fields(self):
        return ["name", "legal_form", "siret"]

    def clean_siret(self):
        return normalise_siret(self.cleaned_data["siret"])


JOIN_FORMS = {
    MembershipKind.INDIVIDUAL: JoinForm,
    MembershipKind.RESIDENT_GROUP: GroupJoinForm,
    MembershipKind.ORGANISATION: OrganisationJoinForm,
}


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        max_length=150,
        error_messages={"invalid": _("Enter a valid email address.")},
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(_("This is already your address."))
        return email


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted for good."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


VISIBILITY_WIDGET = forms.RadioSelect(attrs={"class": "inline-choices"})


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    name_visibility = forms.ChoiceField(
        label=_("Who sees my name and my profile"),
        choices=Visibility.choices,
        widget=VISIBILITY_WIDGET,
        help_text=_("“Only me” keeps you out of the members directory."),
    )

    class Meta:
        model = MemberProfile
        fields = [
            "region",
            "region_visibility",
            "bio",
            "bio_visibility",
            "skills",
            "skills_visibility",
            "interests",
            "interests_visibility",
            "groups_visibility",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "region_visibility": VISIBILITY_WIDGET,
            "bio_visibility": VISIBILITY_WIDGET,
            "skills_visibility": VISIBILITY_WIDGET,
            "interests_visibility": VISIBILITY_WIDGET,
            "groups_visibility": VISIBILITY_WIDGET,
        }
        labels = {
            "region_visibility": _("Who sees my région"),
            "bio_visibility": _("Who sees this text"),
            "skills_visibility": _("Who sees my skills"),
            "interests_visibility": _("Who sees my interests"),
            "groups_visibility": _("Who sees my working groups"),
        }
        error_messages = {"region": {"invalid_choice": UNKNOWN_REGION}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["name_visibility"].initial = self.instance.name_visibility
        self.fields["region"].choices = [("", _("Not said")), *REGIONS]
        self.order_fields(["first_name", "last_name", "name_visibility", *self.Meta.fields])

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.name_visibility = self.cleaned_data["name_visibility"]
        user = profile.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        if commit:
            user.save(update_fields=["first_name", "last_name"])
            profile.save()
            self.save_m2m()
        return profile


class DirectoryFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Région"), required=False)
    competence = forms.CharField(label=_("Skill"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All régions")), *REGIONS]


class SitePasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter a valid email address.")},
    )


class SiteSetPasswordForm(SetPasswordForm):
    error_messages = {"password_mismatch": _("The two passwords are different.")}
