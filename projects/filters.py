"""The filters of the projects database, read from the query string. The listing, the map's
data, the CSV export and the statistics apply the same ones, so what a reader selected is what
they get everywhere. A value that is not valid is reported and ignored."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.regions import DEPARTMENT_REGIONS, DEPARTMENTS, REGION_NAMES, REGIONS
from home.widgets import QuickSelectForm

from .models import FIRST_YEAR, LegalForm, Project, Public, Stage


def departments_by_region():
    """Département choices grouped under their région, for a <select> with <optgroup>s."""
    return [
        (
            name,
            [
                (code, f"{code} – {dep}")
                for code, dep, region in DEPARTMENTS
                if region == region_code
            ],
        )
        for region_code, name in REGIONS
    ]


class ProjectFilterForm(QuickSelectForm):
    q = forms.CharField(label=_("Name or commune"), required=False, max_length=100)
    region = forms.ChoiceField(
        label=_("Région"), required=False, choices=[("", _("All régions")), *REGIONS]
    )
    department = forms.ChoiceField(
        label=_("Département"),
        required=False,
        choices=[("", _("All départements")), *departments_by_region()],
    )
    stage = forms.MultipleChoiceField(
        label=_("Stage"),
        required=False,
        choices=Stage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    public = forms.MultipleChoiceField(
        label=_("Publics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("All legal forms")), *LegalForm.choices],
    )
    year = forms.IntegerField(
        label=_("Year started"), required=False, min_value=FIRST_YEAR, max_value=2100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public"].choices = list(Public.objects.values_list("slug", "name"))

    def clean(self):
        cleaned = super().clean()
        region, department = cleaned.get("region"), cleaned.get("department")
        if region and department and DEPARTMENT_REGIONS[department] != region:
            self.add_error(
                "department",
                _("This département is not in %(region)s.") % {"region": REGION_NAMES[region]},
            )
        return cleaned


class ProjectFilters:
    PARAMS = ("q", "region", "department", "stage", "public", "legal_form", "year")

    def __init__(self, params):
        present = any(params.get(name) for name in self.PARAMS)
        self.form = ProjectFilterForm(params if present else None)
        self.values = {}
        if present:
            self.form.is_valid()
            self.values = {
                name: value
                for name, value in self.form.cleaned_data.items()
                if value not in (None, "", [])
            }

    @property
    def is_filtered(self):
        return bool(self.values)

    @property
    def querystring(self):
        """The valid filters, to pass on to the map's data and the export."""
        return urlencode(self.values, doseq=True)

    def apply(self, queryset):
        values = self.values
        if "q" in values:
            queryset = queryset.filter(
                Q(name__icontains=values["q"]) | Q(commune__icontains=values["q"])
            )
        for field in ("region", "department", "legal_form", "year"):
            if field in values:
                queryset = queryset.filter(**{field: values[field]})
        if "stage" in values:
            queryset = queryset.filter(stage__in=values["stage"])
        if "public" in values:
            with_publics = Project.publics.through.objects.filter(public__slug__in=values["public"])
            queryset = queryset.filter(pk__in=with_publics.values("project_id"))
        return queryset
