from django.db.models.signals import post_save

from .models import WorkingGroupPage
from .provisioning import apply_visibility, provision_space


def sync_space(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.members_group_id is None:
        provision_space(instance)
    else:
        apply_visibility(instance)


def register():
    post_save.connect(sync_space, sender=WorkingGroupPage)
