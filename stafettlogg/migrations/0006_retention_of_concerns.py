"""Retention of concerns (undringer) through the database, as 0005 did for cases.

A deleted concern used to leave its refusal behind: the ORM unlinked the consent rows that
record the guardians' "no" (with their names) and deleted only the concern. The runtime role
may not delete consents (0005), so ``bts_delete_undring``, a SECURITY DEFINER function owned by
the tables' owner, deletes a concern together with its refusals, and writes its deletion
record. It refuses a concern that is open, still inside the retention period, or that led to a
case log that still exists: the concern is kept while its case lives, and retention deletes the
case first.
"""

from django.db import migrations

FUNCTION = """
CREATE FUNCTION bts_delete_undring(concern_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp
AS $$
DECLARE
    expired stafettlogg_undring%ROWTYPE;
    retention_days integer;
    outside text := current_setting('bts.retention', true);
BEGIN
    SELECT days INTO STRICT retention_days FROM bts_retention;
    SELECT * INTO expired FROM stafettlogg_undring WHERE id = concern_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'concern % does not exist', concern_id;
    END IF;
    IF expired.status NOT IN ('closed', 'escalated') OR expired.closed_at IS NULL
       OR expired.closed_at >= now() - make_interval(days => retention_days) THEN
        RAISE EXCEPTION
            'concern % is not deleted: it is not closed and past the retention period of % days',
            concern_id, retention_days;
    END IF;
    IF EXISTS (SELECT FROM stafettlogg_stafettlogg AS c WHERE c.undring_id = expired.id) THEN
        RAISE EXCEPTION 'concern % is not deleted: the case log it led to still exists', concern_id;
    END IF;
    PERFORM set_config('bts.retention', 'on', true);
    INSERT INTO stafettlogg_deletionrecord
        (kind, object_id, tjeneste_id, opened_at, closed_at, closed_by_id, deleted_at)
    VALUES ('undring', expired.id, expired.tjeneste_id, expired.created_at, expired.closed_at,
            expired.author_id, now());
    -- The refusals belong to the concern alone and go with it; a consent that also belongs to
    -- a case stays with that case and only loses its link (0005's trigger allows that now).
    DELETE FROM stafettlogg_samtykke_services WHERE samtykke_id IN (
        SELECT id FROM stafettlogg_samtykke WHERE undring_id = expired.id AND stafettlogg_id IS NULL
    );
    DELETE FROM stafettlogg_samtykke WHERE undring_id = expired.id AND stafettlogg_id IS NULL;
    UPDATE stafettlogg_samtykke SET undring_id = NULL WHERE undring_id = expired.id;
    -- That a report to child welfare was sent outlives the concern (on_delete=SET_NULL).
    UPDATE stafettlogg_meldingtilbarnevern SET undring_id = NULL WHERE undring_id = expired.id;
    DELETE FROM stafettlogg_undring WHERE id = expired.id;
    PERFORM set_config('bts.retention', coalesce(outside, ''), true);
END;
$$;
REVOKE ALL ON FUNCTION bts_delete_undring(bigint) FROM PUBLIC;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(current_schema())")
        schema = cursor.fetchone()[0]
    schema_editor.execute(FUNCTION.format(schema=schema), params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_delete_undring(bigint)")


class Migration(migrations.Migration):
    dependencies = [("stafettlogg", "0005_database_protection")]

    operations = [migrations.RunPython(create, drop)]
