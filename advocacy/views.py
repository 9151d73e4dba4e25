from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import redirect

from home.visibility import visible_pages

from .models import AdvocacyKitPage


def short_link(request, pk):
    """`/k/<id>/`: a short address to give an elected official. Only kits that anyone may
    read answer; any other number is "not found", whoever asks, so it reveals nothing."""
    kits = visible_pages(AdvocacyKitPage.objects.live().filter(pk=pk), AnonymousUser())
    kit = kits.first()
    if kit is None:
        raise Http404
    return redirect(kit.get_url(request))
