import pytest
from django.contrib.auth.models import Group

from home.membership import MEMBERS_GROUP
from members.factories import TierFactory, UserFactory
from members.models import MembershipKind

PASSWORD = "mot-de-passe-solide-2026"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


@pytest.fixture
def members_group(db):
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


@pytest.fixture
def tiers(db):
    return {
        MembershipKind.INDIVIDUAL: TierFactory(kind=MembershipKind.INDIVIDUAL, yearly_fee=20),
        MembershipKind.RESIDENT_GROUP: TierFactory(
            kind=MembershipKind.RESIDENT_GROUP, name="Groupe d'habitants", yearly_fee=50
        ),
        MembershipKind.ORGANISATION: TierFactory(
            kind=MembershipKind.ORGANISATION, name="Association", yearly_fee=100
        ),
    }


@pytest.fixture
def member(members_group):
    user = UserFactory(username="julien", first_name="Julien", last_name="Roux")
    user.groups.add(members_group)
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(username="lea", first_name="Léa", last_name="Visiteuse")
