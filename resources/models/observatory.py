"""The legal and financial observatory: questions from groups, answered and reviewed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage

from .pages import ReviewedContentMixin


class LegalArticleBlock(blocks.StructBlock):
    code = blocks.ChoiceBlock(
        label=_("Code"),
        choices=[
            ("CCH", _("Construction and Housing Code")),
            ("CC", _("Civil Code")),
            ("CU", _("Town Planning Code")),
            ("CGCT", _("General Code of Local Authorities")),
            ("CGI", _("General Tax Code")),
            ("other", _("Other text")),
        ],
    )
    article = blocks.CharBlock(
        label=_("Article"), max_length=40, help_text=_("For example L200-1.")
    )
    url = blocks.URLBlock(label=_("Link to the official text"), required=False)
    note = blocks.CharBlock(label=_("What it says, in a few words"), required=False, max_length=240)

    class Meta:
        icon = "doc-full"
        label = _("Legal article")
        template = "blocks/legal_article_block.html"
        preview_value = {"code": "CCH", "article": "L200-1", "url": "", "note": ""}
        description = _("An article of a French code that supports the answer.")


class ReferenceBlock(blocks.StreamBlock):
    legal_article = LegalArticleBlock()
    document = DocumentChooserBlock(
        label=_("Document"), template="blocks/document_reference_block.html"
    )
    page = blocks.PageChooserBlock(label=_("Resource"), template="blocks/page_reference_block.html")


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    UNDER_REVIEW = "under_review", _("Under review")


class QuestionIndexPage(RoutablePageMixin, BasePage):
    template = "resources/question_index_page.html"
    max_count = 1
    parent_page_types = ["resources.ResourceIndexPage", "home.HomePage"]
    subpage_types = ["resources.QuestionPage"]

    class Meta:
        verbose_name = _("legal and financial observatory")
        verbose_name_plural = _("legal and financial observatories")

    def get_context(self, request, *args, **kwargs):
        from resources.observatory import questions_by_theme

        context = super().get_context(request, *args, **kwargs)
        context.update(questions_by_theme(self, request))
        return context

    @path("poser-une-question/", name="ask")
    def ask_question(self, request):
        from resources.observatory import ask_question

        return ask_question(self, request)


class QuestionPage(ReviewedContentMixin, Page):
    template = "resources/question_page.html"
    parent_page_types = ["resources.QuestionIndexPage"]
    subpage_types = []
    cache_for_members = True  # shows nothing about its reader (home/page_cache.py)

    question = models.TextField(_("question"), max_length=2000)
    asked_by = models.CharField(
        _("asked by"), max_length=200, blank=True, help_text=_("The group or person who asked.")
    )
    short_answer = RichTextField(
        _("short answer"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    detailed_answer = StreamField(BodyBlock(), verbose_name=_("detailed answer"), blank=True)
    references = StreamField(ReferenceBlock(), verbose_name=_("references"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.OPEN
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("legal reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("themes"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("asked_by"), FieldPanel("status")]),
        FieldPanel("short_answer"),
        FieldPanel("detailed_answer"),
        FieldPanel("references"),
        FieldPanel("themes"),
        MultiFieldPanel([FieldPanel("reviewer")], heading=_("Legal review")),
        *ReviewedContentMixin.review_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("question", boost=3),
        index.SearchField("short_answer", boost=2),
        index.SearchField("detailed_answer"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("observatory question")
        verbose_name_plural = _("observatory questions")


class SubmissionStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted: being answered")
    DECLINED = "declined", _("Declined")
    ANSWERED = "answered", _("Answered")


class QuestionSubmission(models.Model):
    """A question a member asked through the site, waiting in the editors' queue."""

    question = models.TextField(_("question"), max_length=2000)
    context = models.TextField(
        _("context"),
        max_length=4000,
        blank=True,
        help_text=_("Your project, its stage, what you tried."),
    )
    group_name = models.CharField(_("group or project"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "resources.Theme", verbose_name=_("theme"), null=True, blank=True, on_delete=models.SET_NULL
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="observatory_questions",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.NEW
    )
    editor_note = models.TextField(_("note from the editors"), blank=True)
    answer_page = models.ForeignKey(
        QuestionPage,
        verbose_name=_("answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)

    panels = [
        FieldPanel("question", read_only=True),
        FieldPanel("context", read_only=True),
        FieldRowPanel([FieldPanel("group_name", read_only=True), FieldPanel("theme")]),
        FieldPanel("status"),
        FieldPanel("editor_note"),
        FieldPanel("answer_page"),
    ]

    class Meta:
        verbose_name = _("question received")
        verbose_name_plural = _("questions received")
        ordering = ["-created_at"]

    def __str__(self):
        return self.question[:80]
