"""Reading the observatory: questions grouped by theme, and the members' question form."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home import ratelimit
from home.membership import is_member
from home.visibility import visible_pages

from .models import QuestionPage, QuestionSubmission, Theme


def questions_by_theme(index_page, request):
    """Answered and open questions the reader may see, grouped by theme (a question with
    several themes appears under each). Three queries plus visibility, whatever the count."""
    questions = visible_pages(
        QuestionPage.objects.child_of(index_page).live().order_by("title"), request.user
    ).prefetch_related("themes")
    selected = request.GET.get("theme", "")
    groups, unthemed = {}, []
    for question in questions:
        themes = list(question.themes.all())
        if selected and selected not in {theme.slug for theme in themes}:
            continue
        for theme in themes:
            groups.setdefault(theme, []).append(question)
        if not themes:
            unthemed.append(question)
    themed = sorted(groups.items(), key=lambda item: (item[0].sort_order, item[0].name))
    return {
        "themes_with_questions": themed,
        "unthemed_questions": unthemed,
        "theme_choices": Theme.objects.filter(questionpage__in=questions).distinct(),
        "selected_theme": selected,
        "question_form": QuestionForm(),
    }


class QuestionForm(forms.ModelForm):
    # A field no person fills in: bots that do are ignored.
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = QuestionSubmission
        fields = ["question", "context", "group_name", "theme"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
            "context": forms.Textarea(attrs={"rows": 4, "maxlength": 4000}),
        }
        labels = {"question": _("Your question")}
        help_texts = {"question": _("One question, as precise as possible.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].empty_label = _("I don't know")


def ask_question(index_page, request):
    """The members' question form: a question lands in the editors' queue."""
    if not is_member(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return TemplateResponse(
            request, "resources/ask_question.html", {"page": index_page, "not_member": True}
        )
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and ratelimit.QUESTION.exceeded(request):
        return ratelimit.refusal(
            request, "resources/ask_question.html", {"page": index_page, "form": form}
        )
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data.get("website"):  # the honeypot stayed empty: a person
            submission = form.save(commit=False)
            submission.asked_by = request.user
            submission.save()
            ratelimit.QUESTION.record(request)
        messages.success(
            request,
            _("Thank you: the observatory team has your question and will answer it here."),
        )
        return redirect(index_page.url)
    return TemplateResponse(
        request, "resources/ask_question.html", {"page": index_page, "form": form}
    )
