"""What an editor does in the admin with wagtail-localize: submit a page or a snippet for
translation, hand a PO file to an outside translator and import it back, publish, and
synchronise the translation after the French source changes."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from resources.models import Theme

from .conftest import publish_target

pytestmark = pytest.mark.django_db

ABOUT_IN_ENGLISH = {
    "À propos du mouvement": "About the movement",
    "Le mouvement de l'habitat participatif rassemble des habitants.": (
        "The participatory housing movement brings residents together."
    ),
}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("traductrice", "t@example.org", "pw")
    client.force_login(user)
    return user


def submit(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale=locale)


def download_po(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    return polib.pofile(response.content.decode())


def upload_po(client, translation, po):
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("en.po", str(po).encode(), "text/x-gettext-translation"),
            "next": "/admin/",
        },
    )
    assert response.status_code == 302


def fill(po, translations):
    """What the outside translator does: a msgstr for each msgid they know."""
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return po


def publish(client, translation):
    """The "Publish in English" button of wagtail-localize's editor. The revision is published
    when the transaction commits: tests never commit, so the callbacks are run here."""
    page = translation.get_target_instance()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_po_export_import_round_trip_publishes_the_translation(client, editor, about, english):
    translation = submit(client, about, english)
    po = download_po(client, translation)
    assert set(ABOUT_IN_ENGLISH) <= {entry.msgid for entry in po}
    assert all(entry.msgstr == "" for entry in po)

    upload_po(client, translation, fill(po, ABOUT_IN_ENGLISH))
    # The import is kept: a new export carries the translations back.
    again = {entry.msgid: entry.msgstr for entry in download_po(client, translation)}
    assert again["À propos du mouvement"] == "About the movement"

    publish(client, translation)
    html = client.get("/en/a-propos/").content.decode()
    assert "About the movement" in html
    assert "The participatory housing movement brings residents together." in html


def test_a_po_file_for_another_translation_is_refused(client, editor, about, english, german):
    english_translation = submit(client, about, english)
    german_translation = submit(client, about, german)
    po = fill(download_po(client, english_translation), ABOUT_IN_ENGLISH)
    upload_po(client, german_translation, po)
    assert "About the movement" not in {
        entry.msgstr for entry in download_po(client, german_translation)
    }


def test_sync_after_the_french_source_changes(client, editor, about, english):
    translation = submit(client, about, english)
    upload_po(client, translation, fill(download_po(client, translation), ABOUT_IN_ENGLISH))
    publish(client, translation)

    # The French page changes and is published again.
    about.intro = "<p>Le mouvement rassemble des habitants et des collectivités.</p>"
    about.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(about)
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302

    # The new sentence waits for its translation; the unchanged title keeps its own.
    po = download_po(client, translation)
    waiting = {entry.msgid: entry.msgstr for entry in po}
    assert waiting["Le mouvement rassemble des habitants et des collectivités."] == ""
    assert waiting["À propos du mouvement"] == "About the movement"
    new = "The movement brings residents and local authorities together."
    upload_po(
        client,
        translation,
        fill(po, {"Le mouvement rassemble des habitants et des collectivités.": new}),
    )
    publish(client, translation)
    html = client.get("/en/a-propos/").content.decode()
    assert new in html
    assert "About the movement" in html
    assert "brings residents together." not in html


def test_resource_taxonomies_are_translated_like_pages(client, editor, english):
    theme = Theme.objects.create(name="Jardins partagés", slug="jardins-partages")
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=["resources", "theme", theme.pk]
        ),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(theme), target_locale=english
    )
    po = fill(download_po(client, translation), {"Jardins partagés": "Shared gardens"})
    upload_po(client, translation, po)
    publish_target(translation)
    translated = theme.get_translation(english)
    assert translated.name == "Shared gardens"
    assert translated.translation_key == theme.translation_key
    assert Page.objects.filter(locale=english).count() == 0
