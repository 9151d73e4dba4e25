"""Settings shared by every environment. Anything that differs between machines comes from
the environment (DATABASE_URL, SEARCH_URL, SECRET_KEY, ALLOWED_HOSTS...)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from search.engines import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "workgroups",
    "resources",
    "advocacy",
    "governance",
    "matching",
    "projects",
    "partners",
    "agenda",
    "classifieds",
    "newsletter",
    "members",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Failed logins counted per account and address (members/auth.py).
    "axes",
    # After wagtail.search: its ready() replaces Wagtail's indexing signal handlers.
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: an oversized request gets the French 413 page.
    "intranet.security.RequestBodyLimitMiddleware",
    "intranet.security.ContentSecurityPolicyMiddleware",
    "intranet.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A French page, not a traceback, when the database is unreachable or the disk full.
    "home.faults.FaultPagesMiddleware",
    # Public pages for anonymous visitors, served from a short-lived cache before sessions and
    # views run (home/page_cache.py says what is never cached).
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL prefix (/en/, /de/; none for French), never from the
    # browser's preferences: a French address always answers in French.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members' pages shared by audience (same groups and permissions), with the reader's own
    # header and buttons rendered for each request (home/page_cache.py, home/personal.py).
    "home.page_cache.MemberPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "workgroups.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "intranet.wsgi.application"

# Database: SQLite by default so a fresh machine needs nothing; PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Members log in on the site itself, not only in the admin.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/compte/connexion/"
# The rate limiter first (it refuses locked-out logins), then the usual accounts.
AUTHENTICATION_BACKENDS = [
    "members.auth.LoginRateLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login rate limiting (django-axes): after AXES_FAILURE_LIMIT failures for one account from one
# address, logins are refused for LOGIN_LOCKOUT_MINUTES. Attempts live in the database (reset
# with `manage.py axes_reset`, and rolled back with each test).
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "members.auth.lockout_response"
AXES_VERBOSE = False
# Accounts and memberships (members/): how long a confirmation link works, how long an
# account whose address was never confirmed is kept, sign-up forms accepted per address and
# hour, and how many days before its end a membership's renewal reminder is sent.
ACCOUNT_LINK_MAX_AGE = int(os.environ.get("ACCOUNT_LINK_MAX_AGE", 3 * 24 * 3600))
UNVERIFIED_ACCOUNT_RETENTION_DAYS = int(os.environ.get("UNVERIFIED_ACCOUNT_RETENTION_DAYS", "7"))
SIGNUP_RATE_LIMIT = int(os.environ.get("SIGNUP_RATE_LIMIT", "5"))
MEMBERSHIP_RENEWAL_NOTICE_DAYS = int(os.environ.get("MEMBERSHIP_RENEWAL_NOTICE_DAYS", "30"))

# Internationalisation: French is the source language; editors translate pages and snippets
# into the other content languages with wagtail-localize. Adding a language here is enough: its
# Wagtail locale is created on the next `migrate` (home.locales), its URLs get a /<code>/ prefix
# (French URLs keep none) and the language switcher offers it. Each name is written in its own
# language, as a switcher shows it.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("de", "Deutsch")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static and media files. WhiteNoise serves static files: no CDN, nothing else to run.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Leaflet, installed from the npm registry by `make install` (package-lock.json).
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files only views hand out (contribution attachments); never under MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    # A failed write (a full disk) leaves no partial file.
    "default": {"BACKEND": "home.storage.SafeFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Upload limits: forms stay small, files have their own caps.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # Wagtail's StreamField forms post many fields.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
# Any request body (files included) above this is refused with a 413 before it is read: the
# largest upload (a document) and the form around it.
REQUEST_BODY_MAX_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = "Espace contributeurs"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# No Gravatar avatars in the admin: editors' address hashes stay here, and the admin's CSP
# loads no image from a third party over plain HTTP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# How long a working-group invitation link stays valid (seconds).
GROUP_INVITATION_MAX_AGE = int(os.environ.get("GROUP_INVITATION_MAX_AGE", 14 * 24 * 3600))
# Contributions accepted from one sender per hour, before the form asks them to wait.
CONTRIBUTION_RATE_LIMIT = int(os.environ.get("CONTRIBUTION_RATE_LIMIT", "5"))
CONTRIBUTION_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Contact requests one member may send per 24 hours through the matching tool.
MATCHING_REQUESTS_PER_DAY = int(os.environ.get("MATCHING_REQUESTS_PER_DAY", "10"))
# Classified ads: days an ad stays published, days before the end its author is emailed a
# renewal link, replies or reports accepted from one sender per hour.
CLASSIFIED_AD_LIFETIME_DAYS = int(os.environ.get("CLASSIFIED_AD_LIFETIME_DAYS", "60"))
CLASSIFIED_AD_RENEWAL_NOTICE_DAYS = int(os.environ.get("CLASSIFIED_AD_RENEWAL_NOTICE_DAYS", "7"))
CLASSIFIED_CONTACT_RATE_LIMIT = int(os.environ.get("CLASSIFIED_CONTACT_RATE_LIMIT", "5"))
# Documents are always served through Django so that privacy is checked on every request.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ResourceDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.forms.ResourceDocumentForm"
# No shared passwords: privacy follows accounts and groups only.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILSEARCH_BACKENDS = search_backends(os.environ.get("SEARCH_URL", ""))

# Caches: the default one is per process (map data); rate limits (home.ratelimit) must be
# counted across every worker process, so they live in a database table, created by the
# migration home 0002 (like `manage.py createcachetable`).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rate_limit_cache",
    },
    # The same table, for the few values every process must agree on at once.
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rate_limit_cache",
    },
}
RATE_LIMIT_CACHE = "ratelimit"
# The version that retires members' cached pages and what is kept about each reader (groups,
# permissions, hidden pages): read from the shared cache on each member's request, so that a
# change of groups, permissions or restrictions reaches every worker and server at once.
PAGE_CACHE_VERSION_ALIAS = "shared"
# Whole-page cache of anonymous public pages (home/page_cache.py); 0 turns it off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# A member's groups, permissions and hidden pages, kept for their next pages (retired with the
# cached pages by any change of groups, permissions or restrictions).
READER_CACHE_SECONDS = int(os.environ.get("READER_CACHE_SECONDS", "60"))
# Pages whose query string only selects public content (search, facets): cached per query.
# Paths without the language prefix.
PAGE_CACHE_QUERY_PATHS = ["/search/", "/ressources/"]
# Never cached, whatever the response says (paths without the language prefix).
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/compte/", "/documents/", "/sante/"]
# Submissions of members (observatory questions, events, classified ads, partner proposals)
# accepted from one account per hour.
SUBMISSION_RATE_LIMIT = int(os.environ.get("SUBMISSION_RATE_LIMIT", "10"))

# Background tasks (search indexing, later extraction and emails) are stored in the database
# and run by `manage.py db_worker`, so an engine outage delays work but never loses it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds before an index update that met an unreachable engine is tried again.
SEARCH_INDEX_RETRY_DELAY = int(os.environ.get("SEARCH_INDEX_RETRY_DELAY", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One line per task run is noise; failures and retries are logged as warnings.
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Maps of the projects database and the partner directory. The tile server is optional: without
# one the map shows its markers on a plain background (as in the tests). For example
# MAP_TILE_URL="https://tile.openstreetmap.org/{z}/{x}/{y}.png" with
# MAP_TILE_ATTRIBUTION="© OpenStreetMap contributors" (check the tile server's usage policy).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
# Messages to a project through its contact form, per sender and hour.
PROJECT_CONTACT_RATE_LIMIT = int(os.environ.get("PROJECT_CONTACT_RATE_LIMIT", "5"))

# Newsletter: subscribers per sending task, subscription forms accepted from one sender per
# hour, and how long a confirmation link stays valid (seconds).
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
NEWSLETTER_SUBSCRIBE_RATE_LIMIT = int(os.environ.get("NEWSLETTER_SUBSCRIBE_RATE_LIMIT", "5"))
NEWSLETTER_CONFIRMATION_MAX_AGE = int(
    os.environ.get("NEWSLETTER_CONFIRMATION_MAX_AGE", 3 * 24 * 3600)
)

# Text extraction of uploaded documents runs in a child process with these limits.
EXTRACTION_TIMEOUT = int(os.environ.get("EXTRACTION_TIMEOUT", "180"))
EXTRACTION_MEMORY_MB = int(os.environ.get("EXTRACTION_MEMORY_MB", "1024"))
EXTRACTION_OCR_MAX_PAGES = int(os.environ.get("EXTRACTION_OCR_MAX_PAGES", "30"))

# HTTP security headers (intranet/security.py). Django's SecurityMiddleware sends nosniff,
# Referrer-Policy and Cross-Origin-Opener-Policy; clickjacking is refused by X-Frame-Options
# and the CSP's frame-ancestors (Wagtail's preview views send SAMEORIGIN themselves).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# Content-Security-Policy (django-csp). The site's templates have no inline script or style, so
# neither 'unsafe-inline' nor nonces: pages can be cached whole. The map's tile server (host of
# MAP_TILE_URL) is added to img-src by the middleware; frames may come from the video hosts that
# embeds use (EMBED_FRAME_SOURCES, space-separated).
EMBED_FRAME_SOURCES = os.environ.get(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com "
    "https://www.dailymotion.com https://geo.dailymotion.com https://framatube.org",
).split()
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin renders inline scripts and styles, images and embeds from elsewhere (oEmbed
# thumbnails), and frames its own previews: a looser policy, for paths under ADMIN_PATH_PREFIX
# only (intranet.security.ContentSecurityPolicyMiddleware).
ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
    }
}
