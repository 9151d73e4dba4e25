from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.regions import REGIONS
from home.widgets import QuickSelectForm

from .models import Partner, PartnerKind, Recommendation


class PartnerRegionsForm(forms.ModelForm):
    """A checkbox per région, kept in `PartnerRegion` rows (a partner works in several)."""

    region_codes = forms.MultipleChoiceField(
        label=_("Régions"),
        required=False,
        choices=REGIONS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where they work with housing projects."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("region_codes", self.instance.region_codes)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("national") and not cleaned.get("region_codes"):
            self.add_error(
                "region_codes",
                ValidationError(
                    _("Choose at least one région, or tick “works everywhere in France”."),
                    code="no_region",
                ),
            )
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.set_regions(self.cleaned_data.get("region_codes") or [])


class PartnerAdminForm(PartnerRegionsForm, WagtailAdminModelForm):
    pass


class PartnerProposalForm(PartnerRegionsForm):
    """What a member tells about a partner they propose; editors check it before it is shown."""

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "region_codes",
            "national",
            "services",
            "description",
            "website",
            "email",
            "phone",
            "address",
            "commune",
            "latitude",
            "longitude",
        ]
        widgets = {
            "services": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}


class PartnerFilterForm(QuickSelectForm):
    q = forms.CharField(label=_("Name, service or commune"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind of partner"),
        required=False,
        choices=[("", _("All kinds")), *PartnerKind.choices],
    )
    region = forms.ChoiceField(
        label=_("Région"), required=False, choices=[("", _("All régions")), *REGIONS]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("name", _("Name (A to Z)")), ("recommended", _("Most recommended first"))],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            ("vetted", _("Vetted (public)")),
            ("unvetted", _("Waiting to be vetted")),
        ],
    )

    def __init__(self, *args, editor=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editor:
            del self.fields["status"]
