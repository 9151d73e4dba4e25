"""Index updates go through the task queue, one task per object and search backend.

Wagtail's own handlers enqueue updates too, but when an engine is unreachable they log the
error and drop the update. Ours enqueue in the same transaction as the edit (the queue lives
in the database) and the task retries until the engine answers, so no update is lost.
"""

from django.db.models.signals import post_delete, post_save
from modelsearch import signal_handlers as stock_handlers
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_models

from .tasks import update_index_entry


def queue_index_update(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures being loaded: `update_index` builds the index afterwards
        return
    for backend_name, _backend in get_search_backends_with_name(with_auto_update=True):
        update_index_entry.enqueue(
            backend_name, instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def route_index_updates_through_tasks():
    for model in get_indexed_models():
        post_save.disconnect(stock_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(stock_handlers.post_delete_signal_handler, sender=model)
        if getattr(model, "search_auto_update", True):
            post_save.connect(queue_index_update, sender=model)
            post_delete.connect(queue_index_update, sender=model)
