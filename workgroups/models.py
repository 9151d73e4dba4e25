from django.utils.translation import gettext_lazy as _

from home.models import BasePage, SectionPage


class WorkingGroupIndexPage(SectionPage):
    template = "workgroups/working_group_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["workgroups.WorkingGroupPage"]

    class Meta:
        verbose_name = _("working group list")
        verbose_name_plural = _("working group lists")


class WorkingGroupPage(BasePage):
    """A working group's space; the intro states its mission."""

    template = "workgroups/working_group_page.html"
    parent_page_types = ["workgroups.WorkingGroupIndexPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
