from django.http import Http404
from django.shortcuts import redirect

from home.visibility import visible_pages

from .models import DecisionPage


def decision_permalink(request, pk):
    """The stable address of a decision: it follows the page if it is renamed or moved.
    A decision the reader may not see is "not found", so its title never leaks."""
    decision = visible_pages(DecisionPage.objects.live().filter(pk=pk), request.user).first()
    if decision is None:
        raise Http404
    return redirect(decision.get_url(request))
