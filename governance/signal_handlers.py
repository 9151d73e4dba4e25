from django.db.models.signals import post_save

from .visibility import apply_visibility


def sync_visibility(sender, instance, raw=False, update_fields=None, **kwargs):
    # Saving a draft revision updates a few bookkeeping columns only: the live page keeps its
    # restriction until the new visibility is published.
    if raw or not instance.path or (update_fields and "visibility" not in update_fields):
        return
    apply_visibility(instance)


def register():
    from .models import BodyPage, MeetingPage, StatutesPage

    for model in (BodyPage, MeetingPage, StatutesPage):
        post_save.connect(
            sync_visibility, sender=model, dispatch_uid=f"governance-{model.__name__}"
        )
