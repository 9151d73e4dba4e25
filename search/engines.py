"""Search-engine configuration from the environment.

Imported by the settings, so it must not import Django models. `SEARCH_URL` picks the engine:

- unset: Wagtail's database backend (SQLite FTS5 or PostgreSQL full-text), nothing to install;
- ``opensearch://host:port`` (``opensearchs://`` for TLS): Wagtail's OpenSearch backend;
- ``elasticsearch://host:port`` (``elasticsearchs://`` for TLS): Wagtail's Elasticsearch backend
  matching the installed ``elasticsearch`` client (7.x with the ``elasticsearch`` extra).

Several comma-separated hosts may be given for a cluster:
``opensearch://node1:9200,node2:9200``.
"""

import sys
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    "SEARCH_CONFIG": "intranet_french",
}

# One French analysis chain used by every text field of the engine index (the "default"
# analyzer): elision (l', d', qu'...), lowercase, ASCII folding, French stop words and the
# light French stemmer, so "coopérative d'habitants", "cooperatives habitant" and
# "COOPERATIVE" meet on the same tokens.
FRENCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                },
                "french_stop": {"type": "stop", "stopwords": "_french_"},
                "french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "french_elision",
                        "lowercase",
                        "asciifolding",
                        "french_stop",
                        "french_stemmer",
                    ],
                },
            },
        }
    }
}

_SCHEMES = {
    "opensearch": "http",
    "opensearchs": "https",
    "elasticsearch": "http",
    "elasticsearchs": "https",
}


def import_elasticsearch():
    """The `elasticsearch` client module, importable beside NumPy 2.

    The 7.13 client (7.14+ refuse a 7.10 node whose build flavour is not "default", as the
    embedded test node's is) reads `numpy.float_` at import when NumPy is installed, and NumPy 2
    (pulled in by py3langid) removed it: the import fails with AttributeError. The client only
    uses NumPy to serialise NumPy numbers, which we never send, so it is imported with NumPy
    hidden.
    """
    if "elasticsearch" in sys.modules:
        return sys.modules["elasticsearch"]
    missing = object()
    numpy = sys.modules.get("numpy", missing)
    sys.modules["numpy"] = None  # `import numpy` raises ImportError, which the client expects
    try:
        import elasticsearch
    finally:
        if numpy is missing:
            del sys.modules["numpy"]
        else:
            sys.modules["numpy"] = numpy
    return elasticsearch


def _elasticsearch_backend_module():
    try:
        elasticsearch = import_elasticsearch()
    except ImportError as error:
        raise ImproperlyConfigured(
            "SEARCH_URL names Elasticsearch but the client is not installed: "
            "install the project with its 'elasticsearch' extra."
        ) from error
    major = elasticsearch.VERSION[0]
    if major == 7:
        return "search.backends.elasticsearch7"
    if major not in (8, 9):
        raise ImproperlyConfigured(f"Unsupported elasticsearch client version {major}.")
    return f"wagtail.search.backends.elasticsearch{major}"


def engine_backend(search_url, index_prefix="intranet_"):
    """Return the WAGTAILSEARCH_BACKENDS entry for an engine URL."""
    parts = urlsplit(search_url)
    if parts.scheme not in _SCHEMES:
        raise ImproperlyConfigured(
            f"SEARCH_URL scheme must be one of {', '.join(sorted(_SCHEMES))}, not {parts.scheme!r}."
        )
    if not parts.netloc:
        raise ImproperlyConfigured("SEARCH_URL needs a host, e.g. opensearch://127.0.0.1:9200")
    http = _SCHEMES[parts.scheme]
    credentials, _, hosts = parts.netloc.rpartition("@")
    prefix = f"{credentials}@" if credentials else ""
    urls = [f"{http}://{prefix}{host}{parts.path}" for host in hosts.split(",")]
    if parts.scheme.startswith("opensearch"):
        backend = "search.backends.opensearch"
    else:
        backend = _elasticsearch_backend_module()
    return {
        "BACKEND": backend,
        "URLS": urls,
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": FRENCH_ANALYSIS,
        "OPTIONS": {"max_retries": 0},
    }


def search_backends(search_url, index_prefix="intranet_"):
    """WAGTAILSEARCH_BACKENDS for the given SEARCH_URL (empty: database only).

    With an engine, the database backend is kept as "database" so that search can still
    answer, from the database, while the engine is unreachable.
    """
    if not search_url:
        return {"default": dict(DATABASE_BACKEND)}
    return {
        "default": engine_backend(search_url, index_prefix),
        "database": dict(DATABASE_BACKEND),
    }
