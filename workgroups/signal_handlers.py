from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .models import GroupMeetingPage, GroupNewsPage, WorkingDocumentPage, WorkingGroupPage
from .notifications import notify_document_followers, notify_page_followers
from .provisioning import apply_moderation, apply_visibility, provision_space


def sync_space(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.members_group_id is None:
        provision_space(instance)
    else:
        apply_visibility(instance)
        apply_moderation(instance)


def page_published_in_group(sender, instance, **kwargs):
    # Through the task queue: a group with many followers must not slow the editor down.
    page_id = instance.pk
    transaction.on_commit(lambda: notify_page_followers.enqueue(page_id))


def document_added(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    if WorkingGroupPage.objects.filter(collection=instance.collection_id).exists():
        document_id = instance.pk
        transaction.on_commit(lambda: notify_document_followers.enqueue(document_id))


def register():
    post_save.connect(sync_space, sender=WorkingGroupPage)
    for model in (GroupNewsPage, GroupMeetingPage, WorkingDocumentPage):
        page_published.connect(page_published_in_group, sender=model)
    post_save.connect(document_added, sender=get_document_model())
