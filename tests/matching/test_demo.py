"""The demo's matching profiles: plausible, spread over régions, fake addresses, idempotent."""

import pytest

from home.demo import load_demo
from matching.models import ContactRequest, Profile

pytestmark = pytest.mark.django_db


def test_demo_profiles_requests_and_a_second_run_adds_nothing(demo):
    profiles = Profile.objects.select_related("owner")
    assert 12 <= profiles.count() <= 40
    assert {profile.kind for profile in profiles} == {"person", "group"}
    assert len({code for profile in profiles for code in profile.regions}) >= 10
    for profile in profiles:
        profile.full_clean()  # every demo profile would pass the form's rules
        assert profile.owner.email.endswith(("@exemple.org", "@example.org"))
    member = profiles.get(owner__username="membre")
    pending = ContactRequest.objects.get(status="pending")
    accepted = ContactRequest.objects.get(status="accepted")
    assert pending.recipient == member and accepted.sender == member

    counts = (Profile.objects.count(), ContactRequest.objects.count())
    load_demo()
    assert (Profile.objects.count(), ContactRequest.objects.count()) == counts
