import pytest

from home.membership import MEMBERS_GROUP
from tests.search.conftest import backend, elasticsearch_engine, search_engine  # noqa: F401
from tests.users import make_user

SECRET_EMAIL = "adele.secrete@example.org"


def pytest_configure(config):
    # The elasticsearch 7.13 client calls urllib3's deprecated getheaders() on every request.
    config.addinivalue_line(
        "filterwarnings", "ignore:HTTPResponse.getheaders:DeprecationWarning:elasticsearch"
    )


@pytest.fixture
def poster(db, django_user_model):
    """A member whose address must never appear anywhere on the site."""
    return make_user(django_user_model, "adele", MEMBERS_GROUP, email=SECRET_EMAIL)


@pytest.fixture
def member(db, django_user_model):
    return make_user(django_user_model, "marius", MEMBERS_GROUP)


@pytest.fixture
def editor(db, django_user_model):
    """A moderator: Wagtail's Editors group, given the ads' permissions by a migration."""
    return make_user(django_user_model, "edith", MEMBERS_GROUP, "Editors")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
