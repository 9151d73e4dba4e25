from django.db import migrations

from resources import taxonomy_defaults


def load(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.order_by("pk").first()
    if locale is None:
        return
    tables = [
        ("Theme", taxonomy_defaults.THEMES),
        ("ResourceType", taxonomy_defaults.RESOURCE_TYPES),
        ("Audience", taxonomy_defaults.AUDIENCES),
    ]
    for model_name, rows in tables:
        model = apps.get_model("resources", model_name)
        for order, (slug, name) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug, locale=locale, defaults={"name": name, "sort_order": order}
            )
    Region = apps.get_model("resources", "Region")
    for order, (slug, name, code) in enumerate(taxonomy_defaults.REGIONS):
        Region.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": name, "code": code, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
