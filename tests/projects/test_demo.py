"""The demo projects and partners: spread over régions, stages and kinds, some partners waiting
to be vetted, and nothing added by a second run."""

import pytest

from home.demo import DemoReport
from home.tools import tools
from partners import demo as partners_demo
from partners.models import Partner, PartnerKind, Recommendation
from projects import demo as projects_demo
from projects.models import Project, Stage

from .conftest import make_user

pytestmark = pytest.mark.django_db


def load(users):
    report = DemoReport()
    projects_demo.load(report, member=users["membre"])
    partners_demo.load(report, users)
    return report


def test_demo_projects_and_partners_are_plausible_and_loaded_once(django_user_model):
    users = {name: make_user(django_user_model, name) for name in ("membre", "editrice", "admin")}
    first = load(users)
    assert len(first.created) == 2
    counts = (Project.objects.count(), Partner.objects.count(), Recommendation.objects.count())
    assert counts[0] >= 36 and counts[1] >= 14
    assert len(set(Project.objects.values_list("region", flat=True))) == 18
    assert set(Project.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert Project.objects.filter(latitude__isnull=True).count() == 0
    assert set(Partner.objects.values_list("kind", flat=True)) == set(PartnerKind.values)
    assert Partner.objects.filter(vetted=False).exists()
    assert Project.objects.filter(editors=users["membre"]).exists()
    for project in Project.objects.all():
        project.full_clean()  # coordinates, département in its région...

    second = load(users)
    assert second.created == []
    assert (
        Project.objects.count(),
        Partner.objects.count(),
        Recommendation.objects.count(),
    ) == counts


def test_tools_are_registered_in_their_order(db):
    orders = {tool.key: tool.order for tool in tools()}
    assert (orders["projects"], orders["partners"]) == (30, 40)
