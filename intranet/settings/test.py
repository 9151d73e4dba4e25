"""Test settings: fast hashing, local caches, tasks run immediately.

The database comes from DATABASE_URL (PostgreSQL in `make test` and CI). The search engine
tests use SEARCH_URL through the `search_engine` fixture; everything else indexes into the
database backend only, which keeps the suite fast.
"""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The rate-limit cache stays in the database: each test's transaction rolls its counts back.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests change content and look at it again at once: the whole-page cache would hand back the
# page as it was. tests/perf/ turns it on and tests it.
PAGE_CACHE_SECONDS = 0
READER_CACHE_SECONDS = 0
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".services" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".services" / "test-private-media"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILSEARCH_BACKENDS = search_backends("")  # noqa: F405
# The engine under test, if any; tests point Wagtail at it explicitly.
TEST_SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX_RETRY_DELAY = 0
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
