import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks import task
from modelsearch.index import get_indexed_instance

from .backends import search_backend

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY = 3600
_prepared_mappings = set()


def _prepare_engine_index(backend_name, backend, model):
    """Create the engine index (with its French analysis) and the model's mapping, once per
    process, so a first update never lets the engine guess a mapping on its own."""
    key = (backend_name, model._meta.label)
    if key in _prepared_mappings or not hasattr(backend, "es"):
        return
    index = backend.get_index_for_model(model)
    if not index.exists():
        index.put()
    index.add_model(model)
    _prepared_mappings.add(key)


def sync_object(backend_name, model, pk):
    """Bring one object's index entry in line with the database: add it if it exists and is
    indexable, remove it otherwise."""
    backend = search_backend(backend_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = get_indexed_instance(instance) if instance is not None else None
    if indexed is not None:
        _prepare_engine_index(backend_name, backend, type(indexed))
        backend.add(indexed)
    else:
        backend.delete(model(pk=pk))


@task()
def update_index_entry(backend_name, app_label, model_name, pk, attempt=0):
    model = apps.get_model(app_label, model_name)
    try:
        sync_object(backend_name, model, pk)
    except Exception:
        backend = search_backend(backend_name)
        # Database backends fail with the transaction; only external engines are retried.
        if not backend.catch_indexing_errors or not update_index_entry.get_backend().supports_defer:
            raise
        delay = min(settings.SEARCH_INDEX_RETRY_DELAY * 2**attempt, MAX_RETRY_DELAY)
        logger.warning(
            "Search engine %r unreachable while indexing %s #%s; retry %d in %ss",
            backend_name,
            model._meta.label,
            pk,
            attempt + 1,
            delay,
            exc_info=True,
        )
        update_index_entry.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            backend_name, app_label, model_name, pk, attempt=attempt + 1
        )
