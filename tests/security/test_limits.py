"""Request and upload limits: an oversized body gets a French 413 page (never a 500), a form
with too many fields a French 400, and oversized documents and images a form error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def test_a_body_larger_than_any_upload_is_refused_before_it_is_read(client, settings):
    settings.REQUEST_BODY_MAX_SIZE = 10_000
    upload = SimpleUploadedFile("gros.pdf", b"%PDF-1.4 " + b"x" * 20_000)
    response = client.post("/compte/connexion/", {"username": "a", "file": upload})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Envoi trop volumineux" in page
    assert "Rien n'a été enregistré" in page


def test_form_fields_larger_than_the_memory_cap_get_the_413_page(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    response = client.post("/compte/connexion/", {"username": "a" * 5_000, "password": "x"})
    assert response.status_code == 413
    assert "Envoi trop volumineux" in response.content.decode()


def test_too_many_fields_get_a_french_400(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/compte/connexion/", {f"field{n}": "x" for n in range(20)})
    assert response.status_code == 400
    assert "Requête incomprise" in response.content.decode()


def test_the_production_limits_are_set():
    from django.conf import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE < settings.REQUEST_BODY_MAX_SIZE
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE < settings.REQUEST_BODY_MAX_SIZE


def test_an_oversized_document_is_refused_with_a_message(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1_000
    client.force_login(editor)
    upload = SimpleUploadedFile("notes.txt", b"Compte rendu. " * 200, content_type="text/plain")
    response = client.post(
        "/admin/documents/add/", {"title": "Notes", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.filter(title="Notes").exists()


def test_an_oversized_image_is_refused_with_a_message(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    client.force_login(editor)
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35"
        b"\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    upload = SimpleUploadedFile("photo.png", png + b"\x00" * 500, content_type="image/png")
    response = client.post(
        "/admin/images/add/", {"title": "Photo", "file": upload, "collection": 1}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title="Photo").exists()
