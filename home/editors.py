"""Wagtail's "Editors" group keeps the shared tools' records in the admin (snippets). Data
migrations give it the permissions of a new app's models through this helper."""

EDITORS_GROUP = "Editors"


def grant_to_editors(apps, app_label, model_names, actions=("add", "change", "delete", "view")):
    """For a data migration: give the Editors group (created by Wagtail's migrations, absent
    from a bare database) these permissions, creating them first since Django only creates
    permissions after all migrations have run."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # create_permissions skips apps without models
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is None:
        return
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
