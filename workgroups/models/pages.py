from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, Page
from wagtail.search import index

from home.models import BasePage, SectionPage
from workgroups.blocks import WorkingDocumentBlock

LIST_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]


def _views():
    # The views import these models: imported when a route is served.
    from workgroups import views

    return views


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


class WorkingGroupPage(RoutablePageMixin, BasePage):
    """A working group's space; the intro states its mission.

    Creating one also creates, in the same transaction, its Wagtail groups (members,
    coordinators), its document collection, the view restrictions matching its visibility and
    page permissions limited to its own subtree (see `workgroups.provisioning`)."""

    template = "workgroups/working_group_page.html"
    parent_page_types = ["workgroups.WorkingGroupIndexPage"]
    subpage_types = [
        "workgroups.GroupNewsPage",
        "workgroups.GroupMeetingPage",
        "workgroups.WorkingDocumentPage",
        "home.StandardPage",
    ]

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

    def get_context(self, request, *args, **kwargs):
        from workgroups.space import space_context  # imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(space_context(self, request))
        return context

    # The space's own routes. Being routes of this page, they get its view restrictions: a
    # private group's forms are reachable by its readers only. Logic lives in `views`.
    @path("rejoindre/", name="join")
    def join_route(self, request):
        return _views().join(request, self)

    @path("quitter/", name="leave")
    def leave_route(self, request):
        return _views().leave(request, self)

    @path("suivre/", name="follow")
    def follow_route(self, request):
        return _views().follow(request, self)

    @path("contribuer/", name="contribute")
    def contribute_route(self, request):
        return _views().contribute(request, self)

    @path("documents/", name="documents")
    def documents_route(self, request):
        return _views().documents(request, self)

    @path("coordination/", name="coordination")
    def coordination_route(self, request):
        return _views().coordination(request, self)

    @path("coordination/demandes/<int:request_id>/", name="decide_request")
    def decide_request_route(self, request, request_id):
        return _views().decide_request(request, self, request_id)

    @path("coordination/invitation/", name="invite")
    def invite_route(self, request):
        return _views().invite(request, self)

    @path("coordination/contributions/<int:contribution_id>/", name="triage")
    def triage_route(self, request, contribution_id):
        return _views().triage_contribution(request, self, contribution_id)

    @path("coordination/contributions/<int:contribution_id>/piece-jointe/", name="attachment")
    def attachment_route(self, request, contribution_id):
        return _views().contribution_attachment(request, self, contribution_id)


class GroupContentPage(BasePage):
    """Base of the pages a group writes in its space: its author is the page's owner and its
    last edit the latest revision's date, both kept by Wagtail itself."""

    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_group(self):
        return WorkingGroupPage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["group"] = self.get_group()
        return context


class GroupNewsPage(GroupContentPage):
    template = "workgroups/group_content_page.html"

    class Meta:
        verbose_name = _("group news")
        verbose_name_plural = _("group news")


class GroupMeetingPage(GroupContentPage):
    template = "workgroups/meeting_page.html"

    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    agenda = RichTextField(_("agenda"), blank=True, features=LIST_FEATURES)
    minutes = RichTextField(_("minutes"), blank=True, features=LIST_FEATURES)
    attendees = models.TextField(
        _("attendees"), blank=True, help_text=_("One person per line, with their group if any.")
    )
    decisions = StreamField(
        [("decision", blocks.TextBlock(label=_("Decision"), icon="tick"))],
        verbose_name=_("decisions"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("place"), FieldPanel("online_link")],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        FieldPanel("attendees"),
        FieldPanel("decisions"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("decisions"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def attendee_list(self):
        return [line.strip() for line in self.attendees.splitlines() if line.strip()]

    def is_past(self):
        return self.starts_at < timezone.now()


class WorkingDocumentPage(GroupContentPage):
    """A document the group writes together, in the page itself."""

    template = "workgroups/group_content_page.html"

    body = StreamField(WorkingDocumentBlock(), verbose_name=_("content"), blank=True)

    class Meta:
        verbose_name = _("working document")
        verbose_name_plural = _("working documents")
