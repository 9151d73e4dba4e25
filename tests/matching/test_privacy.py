"""Profiles are never public: not in the site search (on any backend, for anyone), not in the
sitemap, not on the tools page; the tool itself is listed there for visitors."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from home.factories import StandardPageFactory
from matching.factories import ContactRequestFactory, MemberFactory, ProfileFactory
from search.service import SOURCES, SiteSearch

pytestmark = pytest.mark.django_db

WORD = "Quimperloutte"  # in a profile and, as a control, in a public page


def api_search(client, q):
    response = client.get("/search/api/", {"q": q})
    assert response.status_code == 200
    return json.loads(response.content)


def test_profiles_are_never_found_by_the_site_search(client, home_page, backend):
    profile = ProfileFactory(
        display_name=f"Famille {WORD}",
        description=f"Nous cherchons un hameau partagé près de {WORD}.",
    )
    ContactRequestFactory(recipient=profile, message=f"Bonjour depuis {WORD}")
    StandardPageFactory(parent=home_page, title=f"Visite du chantier de {WORD}")
    backend()
    reader = ProfileFactory(group=True, regions=profile.regions).owner  # would be suggested it
    for user in (AnonymousUser(), MemberFactory(), reader, profile.owner):
        client.logout()
        if user.is_authenticated:
            client.force_login(user)
        found = api_search(client, WORD)
        # The control page is found, so the search works; the profile and request are not.
        assert [result["title"] for result in found["results"]] == [f"Visite du chantier de {WORD}"]
        assert "mise-en-relation" not in json.dumps(found)
        assert SiteSearch(user, WORD).run().count == 1
    assert "matching" not in {source.key for source in SOURCES}


def test_profiles_are_not_in_the_sitemap(client, home_page):
    profile = ProfileFactory()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    assert "mise-en-relation" not in content
    assert profile.display_name not in content


def test_the_tools_page_lists_matching_for_visitors(client, home_page):
    ProfileFactory(display_name="Profil-Secret")
    response = client.get(reverse("home:tools"))
    page = response.content.decode()
    assert reverse("matching:home") in page
    assert "Profil-Secret" not in page
    assert client.get(reverse("matching:home")).status_code == 200
