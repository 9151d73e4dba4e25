"""Posting an ad, filtering the listing, replying to an ad and reporting one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.regions import REGIONS, region_code
from home.widgets import QuickSelectForm

from .models import (
    PRICE_ONLY_FOR_LAND_AND_HOMES,
    PRICED_CATEGORIES,
    AdCategory,
    AdReport,
    ClassifiedAd,
)

UNKNOWN_REGION = _("Unknown région: choose one of the French régions in the list.")


class HoneypotMixin(forms.Form):
    # A field no person fills in (hidden from view and from screen readers): bots that fill
    # it in are thanked and ignored.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class AdForm(forms.ModelForm):
    class Meta:
        model = ClassifiedAd
        fields = ["title", "category", "region", "town", "price", "description"]
        widgets = {
            "category": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
            "price": forms.NumberInput(attrs={"min": 0, "step": 1}),
        }
        error_messages = {
            "region": {"invalid_choice": UNKNOWN_REGION},
            "category": {"invalid_choice": _("Choose a category in the list.")},
            "price": {
                "invalid": _("Enter the price in whole euros, digits only."),
                "min_value": _("The price cannot be negative."),
            },
        }
        help_texts = {
            "description": _(
                "Never write your email address or phone number here: readers answer you "
                "through the site's contact form."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose a région")), *REGIONS]

    def clean(self):
        cleaned = super().clean()
        category, price = cleaned.get("category"), cleaned.get("price")
        if price is not None and category and category not in PRICED_CATEGORIES:
            self.add_error("price", PRICE_ONLY_FOR_LAND_AND_HOMES)
        return cleaned


class RegionFilterField(forms.CharField):
    """A région given by code or by name, however spelled; unknown ones get a message."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        code = region_code(value)
        if code is None:
            raise forms.ValidationError(UNKNOWN_REGION, code="unknown_region")
        return code


SORTS = {
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "price_asc": _("Price, lowest first"),
    "price_desc": _("Price, highest first"),
}


class AdFilterForm(QuickSelectForm):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *AdCategory.choices],
        error_messages={"invalid_choice": _("Unknown category.")},
    )
    region = RegionFilterField(label=_("Région"), required=False)
    price_min = forms.IntegerField(
        label=_("Price from (€)"),
        required=False,
        min_value=0,
        error_messages={
            "invalid": _("Enter a price in whole euros."),
            "min_value": _("A price cannot be negative."),
        },
    )
    price_max = forms.IntegerField(
        label=_("Price up to (€)"),
        required=False,
        min_value=0,
        error_messages={
            "invalid": _("Enter a price in whole euros."),
            "min_value": _("A price cannot be negative."),
        },
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=list(SORTS.items()),
        error_messages={"invalid_choice": _("Unknown sort order.")},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].widget = forms.Select(choices=[("", _("All régions")), *REGIONS])
        self.notices = []

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The maximum price is below the minimum price."))
        category = cleaned.get("category")
        has_price_filter = cleaned.get("price_min") is not None or (
            cleaned.get("price_max") is not None
        )
        if category and category not in PRICED_CATEGORIES and has_price_filter:
            self.notices.append(
                _("Only land and homes have a price: the price filter was ignored.")
            )
            cleaned["price_min"] = cleaned["price_max"] = None
        return cleaned

    def values(self):
        """The valid choices; an invalid one is left out (and its message shown)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "")}


class ContactForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("The author of the ad answers you at this address."),
        error_messages={"invalid": _("Enter a valid email address, such as nom@exemple.fr.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["name"].initial = user.get_full_name() or user.get_username()
            self.fields["email"].initial = user.email


class ReportForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = AdReport
        fields = ["reason", "details"]
        widgets = {
            "reason": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        }
        labels = {"reason": _("Why are you reporting this ad?"), "details": _("Details")}
        help_texts = {"details": _("Optional: what the moderators should know.")}
        error_messages = {"reason": {"required": _("Choose a reason.")}}
