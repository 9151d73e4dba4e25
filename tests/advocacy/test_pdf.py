"""The PDF of an advocacy kit: rendered on the server, cached per published revision."""

import shutil
import subprocess
from pathlib import Path

import pytest
from wagtail.models import PageViewRestriction

from advocacy.factories import kit_body
from advocacy.pdf import pdf_name, stored_pdfs
from home.storage import private_storage

pytestmark = pytest.mark.django_db


def pdf_text(tmp_path, data):
    path = tmp_path / "kit.pdf"
    path.write_bytes(data)
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is installed by scripts/system-packages.sh"
    result = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def download(client, kit):
    response = client.get(kit.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="kit-maires.pdf"' in response["Content-Disposition"]
    return b"".join(response.streaming_content)


def test_a_visitor_downloads_the_kit_as_a_pdf_with_its_key_message(client, kit, tmp_path):
    data = download(client, kit)
    assert data.startswith(b"%PDF-")
    text = pdf_text(tmp_path, data)
    assert "L'habitat participatif, une chance pour votre commune." in text
    assert "Kit pour les maires" in text
    assert "13 %" in text and "chiffres du mouvement" in text
    assert "Réserver un terrain dans le PLU." in text
    # The print layout leaves the site's navigation out.
    assert "Groupes de travail" not in text and "Se connecter" not in text


def test_the_pdf_is_rendered_once_per_published_revision(client, kit, settings):
    first = download(client, kit)
    name = pdf_name(kit)
    assert stored_pdfs(kit) == [name]
    # Kept out of MEDIA_ROOT, which a web server may serve: a members-only kit's PDF would leak.
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / name).exists()
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    modified = private_storage().get_modified_time(name)
    assert download(client, kit) == first
    assert private_storage().get_modified_time(name) == modified


def test_republishing_the_kit_regenerates_its_pdf(client, kit, tmp_path):
    download(client, kit)
    old_name = pdf_name(kit)
    kit.body = kit_body("Un nouveau message clé pour les élus.")
    kit.save_revision().publish()
    kit.refresh_from_db()
    assert not private_storage().exists(old_name)  # the older revision's file is gone
    text = pdf_text(tmp_path, download(client, kit))
    assert "Un nouveau message clé pour les élus." in text
    assert "une chance pour votre commune" not in text
    assert stored_pdfs(kit) == [pdf_name(kit)]


def test_a_draft_does_not_change_the_pdf(client, kit, tmp_path):
    kit.body = kit_body("Brouillon pas encore relu.")
    kit.save_revision()
    text = pdf_text(tmp_path, download(client, kit))
    assert "Brouillon" not in text
    assert "une chance pour votre commune" in text


def test_unpublishing_removes_the_stored_pdfs(client, kit):
    download(client, kit)
    kit.unpublish()
    assert stored_pdfs(kit) == []
    assert client.get(kit.url + "pdf/").status_code == 404


def test_the_pdf_of_a_members_only_kit_is_for_members(client, kit, member):
    restriction = PageViewRestriction.objects.create(
        page=kit, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    response = client.get(kit.url + "pdf/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/")
    assert stored_pdfs(kit) == []
    client.force_login(member)
    assert download(client, kit).startswith(b"%PDF-")


def test_the_kit_page_links_its_print_stylesheet_and_pdf(client, kit):
    html = client.get(kit.url).content.decode()
    assert 'href="/static/css/kit-print.css" media="print"' in html
    assert f'href="{kit.url}pdf/"' in html
