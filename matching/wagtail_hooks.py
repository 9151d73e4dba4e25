"""Moderation of matching profiles in the admin: find and remove an abusive profile. Only
accounts given the matching permissions (superusers by default) see this menu: profiles are
personal data."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.regions import REGIONS

from .choices import Wish
from .forms import RegionsField
from .models import Profile


class ModerationPolicy(ModelPermissionPolicy):
    """Moderators pause, correct or delete profiles; only members create them (a profile
    belongs to the account that wrote it)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Profile, ModerationPolicy(Profile))


class ProfileAdminForm(WagtailAdminModelForm):
    """The lists of codes edited as checkboxes, as members edit them."""

    regions = RegionsField(label=_("Régions"), choices=REGIONS, widget=forms.CheckboxSelectMultiple)
    wishes = forms.MultipleChoiceField(
        label=_("Wishes"), choices=Wish.choices, widget=forms.CheckboxSelectMultiple
    )


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "group"
    menu_label = _("Matching profiles")
    menu_order = 450
    add_to_admin_menu = True
    list_display = ["display_name", "kind", "status", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["display_name", "description"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("kind", read_only=True),
            FieldPanel("display_name"),
            FieldPanel("regions"),
            FieldPanel("timeline"),
            FieldPanel("budget_min"),
            FieldPanel("budget_max"),
            FieldPanel("household_size"),
            FieldPanel("homes_sought"),
            FieldPanel("wishes"),
            FieldPanel("description"),
        ],
        base_form_class=ProfileAdminForm,
    )
    inspect_view_fields = [
        "display_name",
        "kind",
        "status",
        "regions",
        "timeline",
        "budget_min",
        "budget_max",
        "wishes",
        "description",
        "created_at",
    ]


register_snippet(ProfileViewSet)
