"""Members describe themselves; nobody else reaches their profile; bad input loses nothing;
pausing hides, deleting erases."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from matching.factories import ContactRequestFactory, MemberFactory, ProfileFactory
from matching.models import ContactRequest, Profile

pytestmark = pytest.mark.django_db

CREATE_PERSON = reverse("matching:create", args=["personne"])
CREATE_GROUP = reverse("matching:create", args=["groupe"])


def person_data(**overrides):
    return {
        "display_name": "Gaëlle",
        "regions": ["53", "52"],
        "timeline": "2",
        "budget_min": "150000",
        "budget_max": "250000",
        "household_size": "2",
        "wishes": ["eco_building", "shared_spaces"],
        "description": "Graphiste, avec ma fille, je cherche un projet écologique à Rennes.",
        **overrides,
    }


def test_a_member_creates_a_person_profile_and_lands_on_suggestions(client):
    user = MemberFactory()
    client.force_login(user)
    assert client.get(CREATE_PERSON).status_code == 200
    response = client.post(CREATE_PERSON, person_data())
    profile = Profile.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:suggestions", args=[profile.pk])
    assert (profile.kind, profile.regions, profile.timeline, profile.household_size) == (
        "person",
        ["53", "52"],
        2,
        2,
    )
    assert profile.wishes == ["eco_building", "shared_spaces"]


def test_a_group_profile_asks_for_homes_not_household(client):
    user = MemberFactory()
    client.force_login(user)
    data = person_data(display_name="Les Courtils", homes_sought="3")
    del data["household_size"]
    assert client.post(CREATE_GROUP, data).status_code == 302
    group = Profile.objects.get(owner=user)
    assert (group.kind, group.homes_sought, group.household_size) == ("group", 3, None)
    missing = person_data(homes_sought="")
    response = client.post(reverse("matching:edit", args=[group.pk]), missing)
    assert "homes_sought" in response.context["form"].errors


def test_one_profile_per_kind_the_second_form_opens_the_first(client):
    profile = ProfileFactory()
    client.force_login(profile.owner)
    response = client.get(CREATE_PERSON)
    assert response["Location"] == reverse("matching:edit", args=[profile.pk])
    client.post(CREATE_PERSON, person_data())
    assert Profile.objects.filter(owner=profile.owner).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"budget_min": "300000", "budget_max": "200000"}, "budget_max"),
        ({"budget_min": "-5"}, "budget_min"),
        ({"budget_max": "deux cent mille"}, "budget_max"),
        ({"regions": ["53", "99"]}, "regions"),
        ({"regions": []}, "regions"),
        ({"wishes": []}, "wishes"),
        ({"wishes": ["yacht"]}, "wishes"),
        ({"description": "x" * 1001}, "description"),
        ({"household_size": ""}, "household_size"),
        ({"timeline": "9"}, "timeline"),
    ],
)
def test_bad_input_gets_a_message_and_loses_nothing(client, overrides, field):
    client.force_login(MemberFactory())
    response = client.post(CREATE_PERSON, person_data(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    page = response.content.decode()
    assert escape(form.errors[field][0]) in page  # the message is shown
    # What was typed is still there.
    assert "Graphiste, avec ma fille" in page or field == "description"
    assert 'value="Gaëlle"' in page
    assert not Profile.objects.exists()


def test_a_region_given_by_its_name_is_understood():
    from matching.forms import ProfileForm

    form = ProfileForm(
        person_data(regions=["Ile de France", "BRETAGNE"]),
        instance=Profile(owner=MemberFactory(), kind="person"),
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["regions"] == ["11", "53"]


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    profile = ProfileFactory()
    request = ContactRequestFactory(recipient=ProfileFactory(group=True))
    for url in [
        CREATE_PERSON,
        reverse("matching:edit", args=[profile.pk]),
        reverse("matching:suggestions", args=[profile.pk]),
        reverse("matching:delete", args=[profile.pk]),
        reverse("matching:contact", args=[profile.pk, request.recipient.pk]),
        reverse("matching:request", args=[request.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    assert client.post(reverse("matching:pause", args=[profile.pk])).status_code == 302
    assert client.post(reverse("matching:accept", args=[request.pk])).status_code == 302
    assert Profile.objects.get(pk=profile.pk).is_active
    assert ContactRequest.objects.get(pk=request.pk).status == "pending"


def test_the_home_page_explains_the_tool_to_visitors_without_any_profile(client):
    profile = ProfileFactory(display_name="Zoéline", description="Texte très personnel.")
    response = client.get(reverse("matching:home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("login") in page
    assert "Zoéline" not in page and "Texte très personnel" not in page
    assert 'name="robots" content="noindex' in page
    assert profile.pk


def test_an_account_that_is_not_a_member_cannot_create_a_profile(client):
    client.force_login(MemberFactory(member=False))
    response = client.post(CREATE_PERSON, person_data())
    assert response["Location"] == reverse("matching:home")
    assert not Profile.objects.exists()


def test_nobody_reaches_someone_elses_profile_by_its_url(client):
    profile = ProfileFactory(description="Ma description à moi.")
    intruder = ProfileFactory(group=True)
    client.force_login(intruder.owner)
    for url in [
        reverse("matching:edit", args=[profile.pk]),
        reverse("matching:suggestions", args=[profile.pk]),
        reverse("matching:delete", args=[profile.pk]),
        reverse("matching:contact", args=[profile.pk, intruder.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("matching:edit", args=[profile.pk]), person_data()).status_code == 404
    )
    assert client.post(reverse("matching:pause", args=[profile.pk])).status_code == 404
    assert client.post(reverse("matching:delete", args=[profile.pk])).status_code == 404
    profile.refresh_from_db()
    assert (profile.description, profile.status) == ("Ma description à moi.", "active")


def test_pausing_hides_the_profile_and_keeps_it(client):
    profile = ProfileFactory()
    client.force_login(profile.owner)
    client.post(reverse("matching:pause", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.status == "paused"
    # A paused profile gets no suggestions (see test_suggestions for others not seeing it).
    assert client.get(reverse("matching:suggestions", args=[profile.pk])).status_code == 302
    client.post(reverse("matching:pause", args=[profile.pk]))
    profile.refresh_from_db()
    assert profile.status == "active"


def test_deleting_a_profile_erases_it_and_its_requests(client):
    profile = ProfileFactory(description="Une phrase qui doit disparaître.")
    other = ProfileFactory(group=True)
    sent = ContactRequestFactory(sender=profile, recipient=other, message="Message à effacer")
    received = ContactRequestFactory(
        sender=ProfileFactory(group=True), recipient=profile, status="accepted"
    )
    client.force_login(profile.owner)
    assert client.get(reverse("matching:delete", args=[profile.pk])).status_code == 200
    assert Profile.objects.filter(pk=profile.pk).exists()  # asking is not deleting
    response = client.post(reverse("matching:delete", args=[profile.pk]))
    assert response["Location"] == reverse("matching:home")
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert not ContactRequest.objects.filter(pk__in=[sent.pk, received.pk]).exists()
    assert not Profile.objects.filter(description__contains="doit disparaître").exists()
    assert not ContactRequest.objects.filter(message__contains="à effacer").exists()
    assert Profile.objects.filter(pk=other.pk).exists()  # the other side keeps theirs
