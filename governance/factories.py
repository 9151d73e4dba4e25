import datetime

import factory
import wagtail_factories

from .models import (
    BodyKind,
    BodyPage,
    DecisionPage,
    DecisionRegisterPage,
    DecisionStatus,
    GovernanceIndexPage,
    MeetingPage,
    StatutesPage,
)


class GovernanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gouvernance"
    slug = "gouvernance"
    show_in_menus = True

    class Meta:
        model = GovernanceIndexPage


class BodyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Instance {n}")
    kind = BodyKind.PLENARY
    intro = "<p>Toutes les personnes adhérentes.</p>"

    class Meta:
        model = BodyPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Réunion {n}")
    date = datetime.date(2025, 6, 14)
    agenda = "<ul><li>Adhésion</li></ul>"

    class Meta:
        model = MeetingPage


class DecisionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Résolution {n}")
    decided_on = datetime.date(2025, 6, 14)
    text = "<p>L'assemblée décide.</p>"
    status = DecisionStatus.ADOPTED
    votes_for = 10
    votes_against = 1
    votes_abstain = 2

    class Meta:
        model = DecisionPage


class DecisionRegisterPageFactory(wagtail_factories.PageFactory):
    title = "Registre des décisions"
    slug = "decisions"

    class Meta:
        model = DecisionRegisterPage


class StatutesPageFactory(wagtail_factories.PageFactory):
    title = "Statuts"
    slug = "statuts"

    class Meta:
        model = StatutesPage
