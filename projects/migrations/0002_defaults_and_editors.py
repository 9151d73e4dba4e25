from django.db import migrations


def load(apps, schema_editor):
    from home.editors import grant_to_editors
    from projects.taxonomy_defaults import ECOLOGICAL_FEATURES, PUBLICS

    for model_name, terms in (("Public", PUBLICS), ("EcologicalFeature", ECOLOGICAL_FEATURES)):
        model = apps.get_model("projects", model_name)
        for order, (slug, name) in enumerate(terms):
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    grant_to_editors(apps, "projects", ["project", "public", "ecologicalfeature"])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
