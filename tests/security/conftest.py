import pytest
from django.contrib.auth.models import Group

from home.membership import MEMBERS_GROUP


def make_user(django_user_model, name, *group_names):
    user = django_user_model.objects.create_user(
        name, email=f"{name}@example.org", password="pw", first_name=name.title()
    )
    for group_name in group_names:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


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
