from django import forms
from django.utils.translation import gettext_lazy as _

from home.regions import REGIONS, region_code

from .choices import Kind, Timeline, Wish
from .models import BUDGET_MAX, DESCRIPTION_MAX_LENGTH, Profile


class RegionsField(forms.MultipleChoiceField):
    """Région codes; a région's name, however spelled, is read as its code."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a French région."),
        "required": _("Choose at least one région."),
    }

    def to_python(self, value):
        return [region_code(str(item)) or str(item) for item in super().to_python(value)]


TOO_LONG = _("Keep it under %(limit_value)d characters (it has %(show_value)d).")


class ProfileForm(forms.ModelForm):
    regions = RegionsField(
        label=_("Régions"),
        choices=REGIONS,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where you would live, or where the project is."),
    )
    timeline = forms.TypedChoiceField(
        label=_("Timeline"),
        choices=Timeline.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a timeline.")},
    )
    budget_min = forms.IntegerField(
        label=_("Minimum budget (€)"),
        min_value=0,
        max_value=BUDGET_MAX,
        error_messages={
            "required": _("Give a minimum budget (0 if there is none)."),
            "invalid": _("Write the budget in euros, digits only."),
            "min_value": _("A budget cannot be negative."),
        },
    )
    budget_max = forms.IntegerField(
        label=_("Maximum budget (€)"),
        min_value=1,
        max_value=BUDGET_MAX,
        error_messages={
            "required": _("Give a maximum budget."),
            "invalid": _("Write the budget in euros, digits only."),
            "min_value": _("The maximum budget must be positive."),
        },
    )
    wishes = forms.MultipleChoiceField(
        label=_("Wishes"),
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one wish."),
            "invalid_choice": _("“%(value)s” is not one of the wishes offered."),
        },
    )
    description = forms.CharField(
        label=_("In a few words"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Who you are and what you are looking for. Do not write your email or phone "
            "number: they are shared only with the people you accept."
        ),
        error_messages={
            "required": _("Describe yourself in a few words."),
            "max_length": TOO_LONG,
        },
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "regions",
            "timeline",
            "budget_min",
            "budget_max",
            "household_size",
            "homes_sought",
            "wishes",
            "description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == Kind.GROUP:
            del self.fields["household_size"]
            self.fields["homes_sought"].required = True
            self.fields["display_name"].label = _("Name of the group or project")
            self.fields["budget_min"].help_text = _("Price range of a home in the project.")
        else:
            del self.fields["homes_sought"]
            self.fields["household_size"].required = True
            self.fields["budget_min"].help_text = _("What you can put into your future home.")
        self.fields["display_name"].error_messages["required"] = _(
            "Give a public name: a first name, a pseudonym or the group's name."
        )


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A word to introduce yourself (optional)"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Your name and email are shared only if your request is accepted: do not write "
            "them here."
        ),
        error_messages={"max_length": TOO_LONG},
    )
