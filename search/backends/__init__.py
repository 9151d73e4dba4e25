"""Wagtail's engine backends with the intranet's query tuning (see `fuzzy.py`)."""

from django.conf import settings
from modelsearch.backends import get_search_backend

_INSTANCES = {}


def search_backend(name="default"):
    """The backend `name`, built once per process and configuration. Wagtail builds a new
    backend, and with it a new engine client and connection, on every call: each search then
    paid a TCP connection to the engine. A kept client reuses its keep-alive connections."""
    # By the configuration object itself (the backend mutates its nested options, so its
    # value is no key); kept referenced, so its id is never reused by another one.
    config = settings.WAGTAILSEARCH_BACKENDS.get(name)
    key = (name, id(config))
    if key not in _INSTANCES:
        _INSTANCES[key] = (config, get_search_backend(name))
    return _INSTANCES[key][1]
