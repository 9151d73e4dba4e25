from django.db import migrations


def grant(apps, schema_editor):
    from home.editors import grant_to_editors

    grant_to_editors(apps, "partners", ["partner", "recommendation"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
