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
