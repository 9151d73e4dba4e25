import pytest
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def french_afterwards():
    """A request under /en/ activates English for the rest of the thread: back to French."""
    yield
    translation.activate("fr")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def german(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def about(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="À propos du mouvement",
        slug="a-propos",
        intro="<p>Le mouvement de l'habitat participatif rassemble des habitants.</p>",
    )


def translate(page, locale, strings, user=None, publish=True):
    """Translate `page` into `locale` as an editor does in wagtail-localize's editor: create the
    translation, give each source string its translation, then publish it.

    strings: {French source string: translation}."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation_ = Translation.objects.get_or_create(source=source, target_locale=locale)[0]
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if text in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[text], "translation_type": "manual"},
            )
    publish_target(translation_, user=user, publish=publish)
    return translation_


def publish_target(translation_, user=None, publish=True):
    """wagtail-localize publishes the new revision once the transaction commits; tests run in
    one that never does, so its commit callbacks are run here."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation_.save_target(user=user, publish=publish)
