"""The portal's search on PostgreSQL: a trigram index (pg_trgm) on the folded text, so that the
resolutions holding a rare word are found from the index instead of by reading every row
(core.search.newest_matching). Nothing on SQLite, where the same search reads the rows."""

from django.db import migrations

INDEX = "resolutions_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON resolutions_resolution USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0003_report_index"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
