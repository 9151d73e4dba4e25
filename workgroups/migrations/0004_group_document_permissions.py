"""Spaces provisioned before this fix were given permissions on the resources app's document
model, which Wagtail never checks (it checks wagtaildocs' own): their members could not add a
document to their group's collection. Grant the ones Wagtail checks."""

from django.db import migrations

WAGTAIL_CODENAMES = ("add_document", "change_document", "choose_document")
UNUSED_CODENAMES = ("add_resourcedocument", "change_resourcedocument")


def grant_wagtail_document_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    WorkingGroupPage = apps.get_model("workgroups", "WorkingGroupPage")
    wanted = list(
        Permission.objects.filter(
            content_type__app_label="wagtaildocs", codename__in=WAGTAIL_CODENAMES
        )
    )
    for space in WorkingGroupPage.objects.exclude(collection=None):
        for group_id in (space.members_group_id, space.coordinators_group_id):
            if group_id is None:
                continue
            GroupCollectionPermission.objects.filter(
                group_id=group_id,
                collection_id=space.collection_id,
                permission__content_type__app_label="resources",
                permission__codename__in=UNUSED_CODENAMES,
            ).delete()
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group_id=group_id, collection_id=space.collection_id, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0003_group_content_membership_contributions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(grant_wagtail_document_permissions, migrations.RunPython.noop),
    ]
