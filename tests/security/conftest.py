import pytest

from home.membership import MEMBERS_GROUP
from tests.users import make_user


@pytest.fixture
def member(db, django_user_model):
    """A member of the movement: no admin access."""
    return make_user(django_user_model, "marius", MEMBERS_GROUP)


@pytest.fixture
def editor(db, django_user_model):
    """Wagtail's Editors group: the admin, pages, documents, images, snippets."""
    return make_user(django_user_model, "edith", MEMBERS_GROUP, "Editors")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
