"""A person sees groups, a group sees persons, best fit first and explained; paused,
deleted and declined profiles and oneself never appear; the page costs the same number of
SQL queries for 5 or 30 candidates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.factories import ContactRequestFactory, MemberFactory, ProfileFactory
from matching.suggestions import suggestions_for

pytestmark = pytest.mark.django_db


def names(suggestions):
    return [suggestion.profile.display_name for suggestion in suggestions]


def test_a_person_sees_groups_ranked_by_fit_with_the_reasons(client, alice, ruche):
    elsewhere = ProfileFactory(
        group=True,
        display_name="Les Calanques",
        regions=["93"],
        budget_min=150_000,
        budget_max=250_000,
        wishes=["eco_building"],
    )
    ProfileFactory(display_name="Another person", regions=["53"])  # a person: not for Aline
    ranked = suggestions_for(alice)
    assert names(ranked) == ["La Ruche rennaise", "Les Calanques"]
    assert ranked[0].fit.score > ranked[1].fit.score
    assert ranked[0].fit.codes == ["region", "budget", "timeline", "wishes"]
    assert "region" not in ranked[1].fit.codes

    client.force_login(alice.owner)
    response = client.get(reverse("matching:suggestions", args=[alice.pk]))
    page = response.content.decode()
    assert page.index("La Ruche rennaise") < page.index("Les Calanques")
    assert "Another person" not in page
    assert 'class="match-reason match-reason--region"' in page
    for reason in ranked[0].fit.reasons:
        assert reason.text.split(":")[0] in page
    assert reverse("matching:contact", args=[alice.pk, ruche.pk]) in page
    assert elsewhere.pk


def test_a_group_sees_persons(client, alice, ruche):
    ProfileFactory(group=True, display_name="Another group", regions=["53"])
    assert names(suggestions_for(ruche)) == ["Aline"]


def test_paused_deleted_declined_and_own_profiles_are_never_suggested(alice, ruche):
    paused = ProfileFactory(group=True, display_name="En pause", status="paused")
    deleted = ProfileFactory(group=True, display_name="Supprimé")
    deleted.delete()
    declined_me = ProfileFactory(group=True, display_name="M'a refusé")
    ContactRequestFactory(sender=alice, recipient=declined_me, status="declined")
    i_declined = ProfileFactory(group=True, display_name="Refusé par moi")
    ContactRequestFactory(sender=i_declined, recipient=alice, status="declined")
    my_own_group = ProfileFactory(group=True, owner=alice.owner, display_name="Mon propre groupe")
    suggested = names(suggestions_for(alice))
    assert suggested == ["La Ruche rennaise"]
    assert paused.pk and my_own_group.pk
    # And a paused profile sees no suggestions at all, nor is it shown to the other side.
    alice.status = "paused"
    alice.save()
    assert "Aline" not in names(suggestions_for(ruche))


def test_suggestions_are_paginated(client, alice):
    for number in range(23):
        ProfileFactory(group=True, display_name=f"Groupe {number:02d}", regions=["53"])
    client.force_login(alice.owner)
    url = reverse("matching:suggestions", args=[alice.pk])
    first = client.get(url).context["suggestions"]
    third = client.get(url, {"page": 3}).context["suggestions"]
    assert (len(first), len(third)) == (10, 3)
    assert first[-1].fit.score >= third[0].fit.score
    assert client.get(url, {"page": "abc"}).status_code == 200  # a bad page gives page 1


def test_a_card_says_when_a_request_was_already_exchanged(client, alice, ruche):
    ContactRequestFactory(sender=alice, recipient=ruche)
    client.force_login(alice.owner)
    response = client.get(reverse("matching:suggestions", args=[alice.pk]))
    (suggestion,) = response.context["suggestions"]
    assert suggestion.request is not None and suggestion.sent_by_me
    assert reverse("matching:contact", args=[alice.pk, ruche.pk]) not in response.content.decode()


def make_candidates(count, viewer):
    for number in range(count):
        group = ProfileFactory(
            group=True,
            owner=MemberFactory(),
            display_name=f"Groupe {number}",
            regions=["53", "52"] if number % 2 else ["11"],
            wishes=["eco_building", "rural"] if number % 3 else ["urban"],
        )
        if number % 4 == 0:  # some cards carry a request, sent or received
            ContactRequestFactory(sender=viewer, recipient=group)
        elif number % 4 == 1:
            ContactRequestFactory(sender=group, recipient=viewer, status="accepted")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    matching = [query for query in queries if '"matching_' in query["sql"]]
    # My profile, the candidates (declined pairs excluded inside), the requests on the page.
    assert len(matching) == 3, [query["sql"][:120] for query in matching]
    return len(queries), len(response.context["suggestions"])


def test_suggestions_cost_the_same_sql_queries_for_5_or_30_candidates(
    client, alice, django_assert_num_queries
):
    client.force_login(alice.owner)
    url = reverse("matching:suggestions", args=[alice.pk])
    make_candidates(5, alice)
    client.get(url)  # warm-up: what is cached after the first page (the site's root paths)
    with_five, shown = count_queries(client, url)
    assert shown == 5
    make_candidates(25, alice)
    with django_assert_num_queries(with_five):
        response = client.get(url)
    assert len(response.context["suggestions"]) == 10  # page 1 of 30
    with django_assert_num_queries(with_five):
        client.get(url, {"page": 3})
    assert count_queries(client, url)[0] == with_five
