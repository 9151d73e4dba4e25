from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Collection

from home.models import BasePage, SectionPage


class WorkingGroupIndexPage(SectionPage):
    template = "workgroups/working_group_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["workgroups.WorkingGroupPage"]

    class Meta:
        verbose_name = _("working group list")
        verbose_name_plural = _("working group lists")


class Visibility(models.TextChoices):
    OPEN = "open", _("Open: anyone can read")
    MEMBERS = "members", _("Members: members of the movement can read")
    PRIVATE = "private", _("Private: only the group's members can read")


class WorkingGroupPage(BasePage):
    """A working group's space; the intro states its mission.

    Creating one also creates, in the same transaction, its Wagtail groups (members,
    coordinators), its document collection, the view restrictions matching its visibility and
    page permissions limited to its own subtree (see `workgroups.provisioning`)."""

    template = "workgroups/working_group_page.html"
    parent_page_types = ["workgroups.WorkingGroupIndexPage"]

    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.OPEN
    )
    moderated = models.BooleanField(
        _("members' pages need a coordinator's approval"),
        default=False,
        help_text=_("When checked, members submit their pages and coordinators publish them."),
    )
    members_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    coordinators_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("visibility"), FieldPanel("moderated")], heading=_("Space")),
    ]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
