"""The site search finds published events, on the database backend, OpenSearch and
Elasticsearch; a pending or rejected proposal is never found, counted or shown, to anyone."""

import json

import pytest

from agenda.factories import EventFactory
from agenda.models import EventStatus
from search.service import SiteSearch

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(backend, django_user_model):
    submitter = make_user(django_user_model, "sabine", "Membres")
    published = EventFactory(
        title="Visite de la coopérative Hélianthe",
        summary="Portes ouvertes d'une coopérative d'habitants lyonnaise.",
        region="84",
    )
    pending = EventFactory(
        title="Visite de la coopérative Tournesol",
        summary="Proposition d'une visite de coopérative en attente.",
        status=EventStatus.PENDING,
        submitted_by=submitter,
    )
    rejected = EventFactory(
        title="Visite de la coopérative Pissenlit",
        summary="Proposition de visite refusée.",
        status=EventStatus.REJECTED,
        submitted_by=submitter,
    )
    backend()
    return {
        "published": published,
        "pending": pending,
        "rejected": rejected,
        "submitter": submitter,
    }


def event_hits(user, text):
    outcome = SiteSearch(user, text).run()
    return outcome, [hit for hit in outcome.hits if hit.source.key == "event"]


def test_a_published_event_is_found_with_its_region_and_url(events, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    outcome, hits = event_hits(AnonymousUser(), "coopérative Hélianthe")
    assert [hit.title for hit in hits] == ["Visite de la coopérative Hélianthe"]
    (hit,) = hits
    assert hit.url == f"/agenda/{events['published'].pk}/"
    assert hit.section == "Auvergne-Rhône-Alpes"
    assert hit.date == events["published"].starts_at


@pytest.mark.parametrize("who", ["anonymous", "submitter", "editor"])
def test_pending_and_rejected_events_are_never_found(events, django_user_model, who):
    from django.contrib.auth.models import AnonymousUser

    users = {
        "anonymous": AnonymousUser(),
        "submitter": events["submitter"],
        "editor": make_user(django_user_model, "eloise", "Membres", "Editors"),
    }
    for text in ("Tournesol", "Pissenlit", "visite coopérative"):
        outcome, hits = event_hits(users[who], text)
        titles = {hit.title for hit in hits}
        assert "Visite de la coopérative Tournesol" not in titles
        assert "Visite de la coopérative Pissenlit" not in titles
        assert outcome.counts_by_source.get("event", 0) == len(hits)  # nothing hidden counted
    _outcome, hits = event_hits(users[who], "Tournesol")
    assert hits == []


def test_the_search_api_lists_published_events_only(client, events):
    response = client.get("/search/api/", {"q": "visite coopérative"})
    results = json.loads(response.content)["results"]
    titles = {result["title"] for result in results}
    assert "Visite de la coopérative Hélianthe" in titles
    assert not titles & {"Visite de la coopérative Tournesol", "Visite de la coopérative Pissenlit"}
    assert b"Tournesol" not in response.content and b"Pissenlit" not in response.content


def test_an_event_leaves_the_search_when_it_is_unpublished(events, backend):
    from django.contrib.auth.models import AnonymousUser

    event = events["published"]
    event.status = EventStatus.REJECTED
    event.save()
    backend()
    assert event_hits(AnonymousUser(), "Hélianthe")[1] == []


def test_the_kind_facet_filters_events(events):
    from django.contrib.auth.models import AnonymousUser

    outcome = SiteSearch(
        AnonymousUser(), "visite coopérative", filters={"kind": "event"}, with_facets=True
    ).run()
    assert {hit.source.key for hit in outcome.hits} == {"event"}
    kinds = {
        choice.value
        for facet in outcome.facets
        if facet.param == "kind"
        for choice in facet.choices
    }
    assert "event" in kinds
