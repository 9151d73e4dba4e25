from django.contrib.auth.views import redirect_to_login


def document_refusal(request, document):
    """The response refusing `document` to this reader, or None if they may see it.

    Same rule as Wagtail's document download: every view restriction of the document's
    collection must accept the request; otherwise the reader is sent to the login page (shared
    passwords are disabled, so logging in is the only way in).
    """
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            return redirect_to_login(request.get_full_path())
    return None
