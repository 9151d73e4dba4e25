"""Content a backup must carry beyond the demo: a document with its file in a private group's
collection, and a file kept outside MEDIA_ROOT (a contribution's attachment)."""

from django.core.files.base import ContentFile

from home.demo import load_demo
from home.storage import private_storage
from resources.models import ResourceDocument
from workgroups.models import Contribution, WorkingGroupPage


def build_site():
    load_demo()
    group = WorkingGroupPage.objects.get(slug="rencontres")
    document = ResourceDocument(title="Budget 2027 des rencontres", collection=group.collection)
    document.file.save(
        "budget-2027.txt", ContentFile("Budget prévisionnel 2027 : 4 200 €".encode()), save=False
    )
    document.save()
    # The field's storage was built at import time; a fresh one follows the settings.
    name = private_storage().save("contributions/2027/01/idee.txt", ContentFile(b"Une idee"))
    Contribution.objects.create(
        group=group,
        kind="idea",
        message="Un atelier sur les statuts.",
        name="Hugo Petit",
        email="hugo@example.org",
        attachment=name,
    )
