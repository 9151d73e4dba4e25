"""On PostgreSQL, a French text-search configuration that also ignores accents, used by
Wagtail's database search backend (SEARCH_CONFIG "intranet_french")."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'intranet_french') THEN
    CREATE TEXT SEARCH CONFIGURATION intranet_french (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION intranet_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS intranet_french;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
