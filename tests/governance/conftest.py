import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from governance.factories import (
    BodyPageFactory,
    DecisionPageFactory,
    DecisionRegisterPageFactory,
    GovernanceIndexPageFactory,
    MeetingPageFactory,
)
from governance.models import BodyKind, DecisionStatus
from governance.visibility import Visibility
from home.membership import MEMBERS_GROUP


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' root paths; each test builds its own site tree."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("marie", password="pw")
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    return user


@pytest.fixture
def governance(home_page):
    """A public plenary with decisions over two years, a members-only steering committee."""
    index = GovernanceIndexPageFactory(parent=home_page)
    register = DecisionRegisterPageFactory(parent=index)
    plenary = BodyPageFactory(parent=index, title="Plénière", slug="pleniere")
    steering = BodyPageFactory(
        parent=index,
        title="Comité de pilotage",
        slug="copil",
        kind=BodyKind.STEERING,
        visibility=Visibility.MEMBERS,
    )
    june = MeetingPageFactory(
        parent=plenary, title="Plénière de juin", date=datetime.date(2024, 6, 1)
    )
    march = MeetingPageFactory(
        parent=plenary, title="Plénière de mars", date=datetime.date(2025, 3, 8)
    )
    secret = MeetingPageFactory(
        parent=steering, title="Copil d'avril", date=datetime.date(2025, 4, 2)
    )
    decisions = {
        "charter": DecisionPageFactory(
            parent=june, title="Adopter la charte", decided_on=datetime.date(2024, 6, 1)
        ),
        "fees": DecisionPageFactory(
            parent=march,
            title="Fixer les cotisations",
            decided_on=datetime.date(2025, 3, 8),
            status=DecisionStatus.REJECTED,
        ),
        "college": DecisionPageFactory(
            parent=march,
            title="Créer un collège des partenaires",
            decided_on=datetime.date(2025, 3, 8),
            status=DecisionStatus.POSTPONED,
        ),
        "salary": DecisionPageFactory(
            parent=secret,
            title="Salaire de la coordinatrice",
            text="<p>Le salaire brut de la coordinatrice est fixé à 2 400 euros.</p>",
            decided_on=datetime.date(2025, 4, 2),
        ),
    }
    return {
        "index": index,
        "register": register,
        "plenary": plenary,
        "steering": steering,
        "meetings": {"june": june, "march": march, "secret": secret},
        "decisions": decisions,
    }
