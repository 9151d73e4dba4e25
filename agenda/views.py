"""The agenda's pages and calendar files. Thin: lists in `listing`, files in `calendar`,
moderation in `moderation`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from home import ratelimit
from home.membership import is_member
from home.regions import REGION_NAMES

from . import calendar, moderation
from .forms import EventForm
from .listing import EventListing
from .models import Event, EventKind

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


@require_GET
def upcoming(request):
    return _listing(request, past=False)


@require_GET
def past(request):
    return _listing(request, past=True)


def _listing(request, past):
    listing = EventListing(request.GET, past=past)
    return TemplateResponse(request, "agenda/event_list.html", {"listing": listing, "past": past})


def can_moderate(user):
    return user.is_authenticated and user.has_perm("agenda.change_event")


@require_GET
def detail(request, pk):
    event = get_object_or_404(Event.objects.select_related("submitted_by"), pk=pk)
    if not event.is_published:
        # Only its submitter and the editors see an event before it is published.
        is_submitter = request.user.is_authenticated and event.submitted_by_id == request.user.pk
        if not (is_submitter or can_moderate(request.user)):
            raise Http404
    return TemplateResponse(request, "agenda/event_detail.html", {"event": event})


def _ics(content, filename, attachment):
    response = HttpResponse(content, content_type=ICS_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_ics(request, pk):
    event = get_object_or_404(Event.objects.published(), pk=pk)
    content = calendar.build_calendar([event], event.title)
    return _ics(content, f"{slugify(event.title)[:60] or 'evenement'}.ics", attachment=True)


@require_GET
def feed(request):
    content = calendar.build_calendar(calendar.feed_events(), _("Participatory housing agenda"))
    return _ics(content, "agenda.ics", attachment=False)


@require_GET
def region_feed(request, region):
    if region not in REGION_NAMES:
        raise Http404
    name = _("Participatory housing agenda — %(region)s") % {"region": REGION_NAMES[region]}
    content = calendar.build_calendar(calendar.feed_events(region=region), name)
    return _ics(content, f"agenda-{region}.ics", attachment=False)


@require_GET
def kind_feed(request, kind):
    if kind not in EventKind.values:
        raise Http404
    name = _("Participatory housing agenda — %(kind)s") % {"kind": EventKind(kind).label}
    content = calendar.build_calendar(calendar.feed_events(kind=kind), name)
    return _ics(content, f"agenda-{kind}.ics", attachment=False)


@login_required
def submit(request):
    if not is_member(request.user):
        return TemplateResponse(request, "agenda/event_form.html", {"not_member": True}, status=403)
    form = EventForm(request.POST or None)
    if request.method == "POST" and ratelimit.EVENT.exceeded(request):
        return ratelimit.refusal(request, "agenda/event_form.html", {"form": form})
    if request.method == "POST" and form.is_valid():
        event = moderation.submit(form.save(commit=False), request.user)
        ratelimit.EVENT.record(request)
        messages.success(
            request,
            _(
                "Thank you: your event has been sent to the editors. "
                "It will appear in the agenda once they have published it."
            ),
        )
        return redirect(event.get_absolute_url())
    return TemplateResponse(request, "agenda/event_form.html", {"form": form})


@login_required
@require_GET
def my_events(request):
    events = Event.objects.filter(submitted_by=request.user).order_by("-created_at")[:200]
    return TemplateResponse(request, "agenda/my_events.html", {"events": events})
