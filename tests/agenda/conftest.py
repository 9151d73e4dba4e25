from datetime import timedelta

import pytest
from django.utils import timezone

from home.membership import MEMBERS_GROUP
from tests.search.conftest import backend, elasticsearch_engine, search_engine  # noqa: F401
from tests.users import make_user


@pytest.fixture
def member(db, django_user_model):
    return make_user(django_user_model, "margaux", MEMBERS_GROUP)


@pytest.fixture
def editor(db, django_user_model):
    """An editor: Wagtail's Editors group, given the agenda's permissions by a migration."""
    return make_user(django_user_model, "edith", MEMBERS_GROUP, "Editors")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send


def in_days(days, hour=18, minute=30):
    """A wall-clock datetime-local value `days` from now."""
    day = timezone.localdate() + timedelta(days=days)
    return f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}"


def pytest_configure(config):
    # The elasticsearch 7.13 client calls urllib3's deprecated getheaders() on every request.
    config.addinivalue_line(
        "filterwarnings", "ignore:HTTPResponse.getheaders:DeprecationWarning:elasticsearch"
    )
