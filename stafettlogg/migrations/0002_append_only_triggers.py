"""On PostgreSQL the database itself refuses UPDATE and DELETE on the access log and the
case entries, so that not even a bug or a hand-written query in the app can rewrite them.
(Retention removes whole cases through the one function that is allowed to: it sets
``bts.retention`` for its transaction, which the entry trigger lets through.)"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION bts_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'stafettlogg_innslag' AND TG_OP = 'DELETE'
       AND current_setting('bts.retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
TABLES = ["stafettlogg_accesslog", "stafettlogg_innslag"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)  # the % in RAISE are not placeholders
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION bts_refuse_change()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [("stafettlogg", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
