"""Uploading documents as an editor does, and downloading them as readers do."""

import html
import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from resources.models import ExtractionStatus, ResourceDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("chloe", "chloe@example.org", "pw")
    client.force_login(admin)
    return client


def text_of(response):
    return html.unescape(response.content.decode())


def upload(client, name, data, title="Un document"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("note.txt", "rien à voir")
    return buffer.getvalue()


def test_a_text_document_is_extracted_by_the_task_not_by_the_request(editor_client, corpus):
    data = (corpus / "legal" / "CCH_L200-1.md").read_bytes()
    response = upload(editor_client, "CCH_L200-1.md", data, title="Article L200-1")
    assert response.status_code == 302
    document = ResourceDocument.objects.get(title="Article L200-1")
    # Tasks run immediately in tests: the queued extraction has already run.
    assert document.extraction_status == ExtractionStatus.DONE
    assert "démarche citoyenne" in document.extracted_text
    assert document.language == "fr"
    assert document.file_format == "md"
    assert len(document.sha256) == 64


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.pdf", b"", "est vide"),
        ("archive.pdf", zip_bytes(), "ne correspond pas à son extension"),
        ("programme.exe", b"MZ\x90\x00binary", "n'est pas pris en charge"),
    ],
)
def test_bad_uploads_are_refused_with_a_french_message_and_nothing_is_stored(
    editor_client, name, data, message
):
    response = upload(editor_client, name, data)
    assert response.status_code == 200
    assert message in text_of(response)
    assert not ResourceDocument.objects.exists()


def test_an_oversized_upload_is_refused(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(editor_client, "long.txt", b"habitat participatif " * 200)
    assert response.status_code == 200
    assert "trop" in text_of(response)
    assert not ResourceDocument.objects.exists()


def test_a_refused_replacement_keeps_the_earlier_version(editor_client):
    upload(editor_client, "statuts.txt", b"Statuts de l'association, version 1")
    document = ResourceDocument.objects.get()
    original_name = document.file.name
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": SimpleUploadedFile("statuts.pdf", zip_bytes()),
            "collection": document.collection_id,
        },
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.file.name == original_name
    assert document.file.storage.exists(original_name)
    with document.file.open("rb") as stored:
        assert stored.read() == b"Statuts de l'association, version 1"


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Groupe de transition")
    group = Group.objects.create(name="Transition — membres")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = ResourceDocument(title="Compte rendu confidentiel", collection=collection)
    document.file.save("cr.txt", ContentFile(b"Ordre du jour confidentiel"), save=False)
    document.save()
    return document, group


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_IF_NONE_MATCH": '"*"'},
        {"HTTP_IF_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 2099 00:00:00 GMT"},
    ],
)
def test_a_visitor_cannot_download_a_document_of_a_restricted_collection(
    client, private_document, headers
):
    document, _group = private_document
    response = client.get(document.url, **headers)
    assert response.status_code in (302, 403)
    assert b"confidentiel" not in b"".join(
        getattr(response, "streaming_content", [response.content])
    )
    detail = client.get(reverse("resources:document_detail", args=[document.pk]))
    assert detail.status_code == 302
    assert "Compte rendu confidentiel" not in detail.content.decode()


def test_a_member_of_another_group_cannot_download_it_but_a_group_member_can(
    client, django_user_model, private_document
):
    document, group = private_document
    user = django_user_model.objects.create_user("sam", password="pw")
    client.force_login(user)
    assert client.get(document.url).status_code in (302, 403)
    user.groups.add(group)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"confidentiel" in b"".join(response.streaming_content)
    detail = client.get(reverse("resources:document_detail", args=[document.pk]))
    assert detail.status_code == 200
    assert "Ordre du jour confidentiel" in detail.content.decode()


def test_editors_see_failed_extractions_and_retry_them(editor_client, corpus):
    data = (corpus / "broken" / "truncated-half-fnpc-2021.pdf").read_bytes()
    upload(editor_client, "statuts-fnpc.pdf", data, title="Statuts FNPC (incomplet)")
    document = ResourceDocument.objects.get()
    assert document.extraction_status == ExtractionStatus.FAILED
    report = editor_client.get(
        reverse("resources_admin:extraction_report"), {"extraction_status": "failed"}
    )
    text = text_of(report)
    assert "Statuts FNPC (incomplet)" in text and document.extraction_reason in text

    # The editor replaces nothing and retries: the task runs again, with the same outcome.
    response = editor_client.post(reverse("resources_admin:retry_extraction", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extracted_at is not None


def test_members_cannot_retry_extractions(client, django_user_model, corpus):
    document = ResourceDocument(title="Note", file_format="txt")
    document.file.save("note.txt", ContentFile(b"Bonjour"), save=False)
    document.save()
    client.force_login(django_user_model.objects.create_user("lea", password="pw"))
    response = client.post(reverse("resources_admin:retry_extraction", args=[document.pk]))
    assert response.status_code in (302, 403)
    assert "/admin/login/" in response.get("Location", "/admin/login/")
