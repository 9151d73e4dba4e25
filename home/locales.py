"""One Wagtail locale per content language of the settings.

Wagtail's own migration creates the French locale only; editors could add the others in the
admin (Settings > Locales), but a language added to WAGTAIL_CONTENT_LANGUAGES should be
translatable at once: after every `migrate` (and test database flush), the missing locales are
created. Locales are never deleted here: pages may still use them.
"""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS


def ensure_content_locales(using=DEFAULT_DB_ALIAS, **kwargs):
    from wagtail.models import Locale

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    existing = set(
        Locale.objects.using(using)
        .filter(language_code__in=codes)
        .values_list("language_code", flat=True)
    )
    Locale.objects.using(using).bulk_create(
        [Locale(language_code=code) for code in codes if code not in existing]
    )
    forget_locales()  # bulk_create sends no post_save; a flushed database renumbers them


# Wagtail reads the active locale from the database on every page (Locale.get_active), and the
# site's root again for each translation lookup. Locales change only through migrate and the
# admin's Locales settings: they are kept in the cache, dropped whenever one is saved or deleted.
LOCALES_KEY = "locales:by_code"


def _locales():
    from django.core.cache import cache
    from wagtail.models import Locale

    locales = cache.get(LOCALES_KEY)
    if locales is None:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cache.set(LOCALES_KEY, locales, None)
    return locales


def forget_locales(**kwargs):
    from django.core.cache import cache

    cache.delete(LOCALES_KEY)


def locale_for(language_code):
    """The Locale of `language_code` (or of its supported variant), or None."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locales().get(code)


def active_locale():
    """Locale.get_active() from the cache: the active language's locale, else the default's."""
    from django.utils import translation

    return locale_for(translation.get_language()) or locale_for(settings.LANGUAGE_CODE)
