import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from agenda.factories import EventFactory
from agenda.models import EventStatus
from home.factories import StandardPageFactory
from newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from resources.models import ResourceDocument
from tests.users import make_user


def items(*chosen):
    """StreamField data for an issue's items: items(("page", 3), ("event", 5))."""
    return [{"type": kind, "value": pk} for kind, pk in chosen]


@pytest.fixture
def editor(db, django_user_model):
    """Wagtail's Editors group, given the newsletter's permissions by a migration."""
    return make_user(django_user_model, "edith", "Editors")


def _document(title, collection, description):
    document = ResourceDocument(title=title, collection=collection, description=description)
    document.file.save(f"{title[:10]}.txt", ContentFile(b"Contenu du document"), save=False)
    document.save()
    return document


@pytest.fixture
def content(home_page):
    """Public and restricted content of every kind an issue may choose."""
    public_page = StandardPageFactory(
        parent=home_page,
        title="Guide pour créer son groupe-projet",
        slug="guide",
        search_description="Les premières étapes pour réunir des futurs voisins.",
    )
    members_page = StandardPageFactory(
        parent=home_page, title="Compte rendu réservé aux membres", slug="reserve"
    )
    PageViewRestriction.objects.create(
        page=members_page, restriction_type=PageViewRestriction.LOGIN
    )
    draft_page = StandardPageFactory(parent=home_page, title="Brouillon non publié", slug="br")
    draft_page.unpublish()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Collection privée")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return {
        "public_page": public_page,
        "members_page": members_page,
        "draft_page": draft_page,
        "event": EventFactory(
            title="Journée portes ouvertes à Nantes",
            summary="Visitez trois habitats participatifs habités.",
        ),
        "pending_event": EventFactory(
            title="Événement en attente de modération", status=EventStatus.PENDING
        ),
        "document": _document(
            "Modèle de statuts de coopérative", root, "Une trame commentée à adapter."
        ),
        "private_document": _document("Budget confidentiel", private, "Chiffres internes."),
    }


@pytest.fixture
def issue(content):
    """A draft mixing public items with restricted, unpublished and pending ones."""
    return NewsletterIssueFactory(
        title="Lettre de mars",
        intro="Bonjour,\n\nVoici les nouvelles du mois.",
        items=items(
            ("page", content["public_page"].pk),
            ("page", content["members_page"].pk),
            ("page", content["draft_page"].pk),
            ("event", content["event"].pk),
            ("event", content["pending_event"].pk),
            ("document", content["document"].pk),
            ("document", content["private_document"].pk),
        ),
    )


PUBLIC_TITLES = [
    "Guide pour créer son groupe-projet",
    "Journée portes ouvertes à Nantes",
    "Modèle de statuts de coopérative",
]
HIDDEN_TITLES = [
    "Compte rendu réservé aux membres",
    "Brouillon non publié",
    "Événement en attente de modération",
    "Budget confidentiel",
]


@pytest.fixture
def subscribers(db):
    return SubscriberFactory.create_batch(5)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, then what the request's commit runs (emails, enqueued tasks)."""

    def send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(*args, **kwargs)

    return send
