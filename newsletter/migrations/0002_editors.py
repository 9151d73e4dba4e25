"""The Editors group (created by Wagtail's initial data) composes and sends the newsletter and
keeps its list of subscribers (an address is removed on request)."""

from django.db import migrations


def grant(apps, schema_editor):
    from home.editors import grant_to_editors

    grant_to_editors(apps, "newsletter", ["newsletterissue"])
    grant_to_editors(apps, "newsletter", ["newsletterissue"], actions=("send",))
    grant_to_editors(apps, "newsletter", ["subscriber"], actions=("change", "delete", "view"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
