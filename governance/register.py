"""The decision register: decisions the reader may see, filtered by body, year and status.

Odd filter values (an unknown body, `year=abc`, `page=-1`) are ignored rather than refused, so
a hand-edited address still gives a normal page. The number of queries does not depend on the
number of decisions: meetings and bodies are fetched once for the page shown."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models.functions import ExtractYear

from home.visibility import visible_pages

from .models import BodyPage, DecisionPage, DecisionStatus, MeetingPage

PAGE_SIZE = 20


def _int(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


class DecisionRegister:
    def __init__(self, root, params, user):
        self.base = visible_pages(DecisionPage.objects.live().descendant_of(root), user)
        bodies = visible_pages(BodyPage.objects.live().descendant_of(root), user)
        self.bodies = list(bodies.order_by("path"))
        self.years = sorted(
            set(
                self.base.annotate(year=ExtractYear("decided_on"))
                .order_by()
                .values_list("year", flat=True)
            ),
            reverse=True,
        )
        self.statuses = DecisionStatus.choices

        body_id = _int(params.get("body"))
        self.body = next((body for body in self.bodies if body.pk == body_id), None)
        year = _int(params.get("year"))
        self.year = year if year in self.years else None
        status = params.get("status")
        self.status = status if status in DecisionStatus.values else ""

        results = self.base
        if self.body is not None:
            results = results.descendant_of(self.body)
        if self.year is not None:
            results = results.filter(decided_on__year=self.year)
        if self.status:
            results = results.filter(status=self.status)
        self.paginator = Paginator(results.order_by("-decided_on", "-reference"), PAGE_SIZE)
        self.page = self._page(params.get("page"))

    @property
    def is_filtered(self):
        return self.body is not None or self.year is not None or bool(self.status)

    def _page(self, number):
        try:
            return self.paginator.page(number or 1)
        except PageNotAnInteger:
            return self.paginator.page(1)
        except EmptyPage:
            return self.paginator.page(1 if _int(number) is None else self.paginator.num_pages)

    @property
    def decisions(self):
        """The decisions of the page shown, each with `.meeting_page` and `.body_title`."""
        decisions = list(self.page.object_list)
        steplen = DecisionPage.steplen
        meetings = {
            m.path: m
            for m in MeetingPage.objects.filter(path__in={d.path[:-steplen] for d in decisions})
        }
        bodies = {b.path: b for b in self.bodies}
        for decision in decisions:
            decision.meeting_page = meetings.get(decision.path[:-steplen])
            body = bodies.get(decision.path[: -2 * steplen])
            decision.body_title = body.title if body else ""
        return decisions
