from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language_info
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .privacy import document_refusal


def document_detail(request, document_id):
    """A document's metadata and first lines, under the same privacy as its download."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    refusal = document_refusal(request, document)
    if refusal is not None:
        return refusal
    language_name = ""
    if document.language:
        try:
            language_name = get_language_info(document.language)["name_translated"]
        except KeyError:
            language_name = document.language
    policy = policy_registry.get_by_type(type(document))
    can_edit = policy.user_has_permission_for_instance(request.user, "change", document)
    return render(
        request,
        "resources/document_detail.html",
        {"document": document, "language_name": language_name, "can_edit": can_edit},
    )


def confirm_review(request, token):
    """The "still accurate" link of a review digest. The link opens a page whose button
    records the review: mail scanners that follow links must not record reviews by themselves."""
    from .freshness import read_review_token, record_review

    data = read_review_token(token)
    page = None
    if data is not None:
        page_id, _user_id = data
        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page else None
    if page is None or not hasattr(page, "last_reviewed_on"):
        return render(request, "resources/review_confirm.html", {"invalid": True}, status=400)
    if request.method == "POST":
        record_review(page)
        return render(request, "resources/review_confirm.html", {"page": page, "done": True})
    return render(request, "resources/review_confirm.html", {"page": page})
