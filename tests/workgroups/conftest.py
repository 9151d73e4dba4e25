import pytest
from django.core.files.base import ContentFile

from home.factories import StandardPageFactory
from resources.models import ResourceDocument
from tests.users import make_user
from workgroups.models import WorkingGroupIndexPage, WorkingGroupPage


@pytest.fixture
def index(demo):
    return WorkingGroupIndexPage.objects.get()


@pytest.fixture
def spaces(index, django_user_model):
    """The demo's private group with a page and a document, another group, and people in
    each role."""
    private = WorkingGroupPage.objects.get(slug="rencontres")
    other = WorkingGroupPage.objects.get(slug="transition")
    note = StandardPageFactory(parent=private, title="Compte rendu de réunion", slug="cr")
    document = ResourceDocument(title="Budget des rencontres", collection=private.collection)
    document.file.save("budget.txt", ContentFile("Budget prévisionnel".encode()), save=False)
    document.save()
    return {
        "private": private,
        "other": other,
        "note": note,
        "document": document,
        "member": make_user(django_user_model, "marie", private.members_group),
        "coordinator": make_user(django_user_model, "claire", private.coordinators_group),
        "other_member": make_user(django_user_model, "olivier", other.members_group),
    }


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (the emails it sends), as in
    production."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
