"""On PostgreSQL the database refuses what the portal would refuse, also to the portal itself
(README, "Database roles"). 0002 made the access log and the entries append-only with row
triggers; this closes what they left open:

- TRUNCATE skips row triggers. A statement trigger refuses it on the access log, the entries,
  the consents, the services a consent covers and the participants. Only `manage.py flush`
  (which the test suite runs between transactional tests) gets through: it sets ``bts.flush``
  for its own transaction, and the trigger accepts that from the tables' owner alone.
- Any session could ``SET bts.retention = 'on'`` and delete entries of an active case. Entries,
  consents and participants are now deleted only by ``bts_delete_case``, a SECURITY DEFINER
  function owned by the tables' owner. It deletes a case only if it is closed and past the
  retention period in ``bts_retention`` (a table only the owner writes), writes the deletion
  record and keeps the access log. The triggers let a delete through only while the session is
  the tables' owner *and* ``bts.retention`` is on: inside the function ``current_user`` is the
  owner, and the runtime role never is, whatever it sets.
- Consents and participants could be rewritten. A consent's withdrawal is recorded once and is
  never changed or undone, and nothing else in a consent changes; a participation is ended once
  and never reopened, and nothing else in it changes; the services a consent covers are never
  removed. A concern's refusals lose their link to it only when retention deletes the concern.

A later migration that must rewrite these rows (a backfill) runs as the owner and disables the
trigger around its own statements. The owner role and the runtime role, and the grants that
make the difference between them, are in ``bts_portal/db_roles.py``.
"""

from django.conf import settings
from django.db import migrations

# Rows in these tables are kept: TRUNCATE is refused on them.
KEPT = [
    "stafettlogg_accesslog",
    "stafettlogg_innslag",
    "stafettlogg_samtykke",
    "stafettlogg_samtykke_services",
    "stafettlogg_deltaker",
]
# (table, trigger function) for the row triggers added here; 0002 made those of the access
# log and the entries.
GUARDED = [
    ("stafettlogg_samtykke", "bts_guard_consent"),
    ("stafettlogg_samtykke_services", "bts_guard_consent_services"),
    ("stafettlogg_deltaker", "bts_guard_participant"),
]

# The functions refer to tables by name: each is pinned to the portal's schema (and pg_temp
# last), so a session cannot put a table of its own in front of them.
FUNCTIONS = """
CREATE TABLE bts_retention (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    days integer NOT NULL CHECK (days > 0)
);

CREATE FUNCTION bts_is_owner(relation oid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT pg_get_userbyid(relowner) = current_user FROM pg_class WHERE oid = relation
$$;

-- Only bts_delete_case runs with bts.retention on as the owner.
CREATE FUNCTION bts_retention_running(relation oid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT coalesce(current_setting('bts.retention', true), '') = 'on' AND bts_is_owner(relation)
$$;

CREATE OR REPLACE FUNCTION bts_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'stafettlogg_innslag' AND TG_OP = 'DELETE'
       AND bts_retention_running(TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE FUNCTION bts_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF coalesce(current_setting('bts.flush', true), '') = 'on' AND bts_is_owner(TG_RELID) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'TRUNCATE on % is not allowed: its rows are kept', TG_TABLE_NAME;
END;
$$;

CREATE FUNCTION bts_guard_consent() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
DECLARE
    may_change CONSTANT text[] := ARRAY['withdrawn_at', 'withdrawn_reason', 'undring_id'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF bts_retention_running(TG_RELID) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'DELETE on % is not allowed: a consent is kept until retention deletes its case',
            TG_TABLE_NAME;
    END IF;
    IF (to_jsonb(NEW) - may_change) IS DISTINCT FROM (to_jsonb(OLD) - may_change) THEN
        RAISE EXCEPTION 'UPDATE on % is not allowed: a recorded consent does not change', TG_TABLE_NAME;
    END IF;
    IF OLD.withdrawn_at IS NOT NULL THEN
        IF NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
           OR NEW.withdrawn_reason IS DISTINCT FROM OLD.withdrawn_reason THEN
            RAISE EXCEPTION 'UPDATE on % is not allowed: a withdrawal cannot be changed or undone',
                TG_TABLE_NAME;
        END IF;
    ELSIF NEW.withdrawn_at IS NULL AND NEW.withdrawn_reason IS DISTINCT FROM OLD.withdrawn_reason THEN
        RAISE EXCEPTION 'UPDATE on % is not allowed: the reason is recorded with the withdrawal',
            TG_TABLE_NAME;
    END IF;
    -- Retention deletes an expired concern through the ORM, which first unlinks its refusals.
    IF NEW.undring_id IS DISTINCT FROM OLD.undring_id AND (NEW.undring_id IS NOT NULL OR NOT EXISTS (
        SELECT FROM stafettlogg_undring AS undring, bts_retention
         WHERE undring.id = OLD.undring_id AND undring.status IN ('closed', 'escalated')
           AND undring.closed_at < now() - make_interval(days => bts_retention.days)
    )) THEN
        RAISE EXCEPTION 'UPDATE on % is not allowed: a refusal stays with its concern until retention deletes it',
            TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION bts_guard_consent_services() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND bts_retention_running(TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% on % is not allowed: the services a consent covers do not change',
        TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE FUNCTION bts_guard_participant() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF bts_retention_running(TG_RELID) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'DELETE on % is not allowed: a participation is kept until retention deletes its case',
            TG_TABLE_NAME;
    END IF;
    IF (to_jsonb(NEW) - 'removed_at') IS DISTINCT FROM (to_jsonb(OLD) - 'removed_at') THEN
        RAISE EXCEPTION 'UPDATE on % is not allowed: a participation does not change', TG_TABLE_NAME;
    END IF;
    IF OLD.removed_at IS NOT NULL AND NEW.removed_at IS DISTINCT FROM OLD.removed_at THEN
        RAISE EXCEPTION 'UPDATE on % is not allowed: an ended participation cannot be reopened or changed',
            TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END;
$$;

-- Retention: the one way a case's entries, consents and participants leave the database.
CREATE FUNCTION bts_delete_case(case_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp
AS $$
DECLARE
    expired stafettlogg_stafettlogg%ROWTYPE;
    retention_days integer;
    outside text := current_setting('bts.retention', true);
BEGIN
    SELECT days INTO STRICT retention_days FROM bts_retention;
    SELECT * INTO expired FROM stafettlogg_stafettlogg WHERE id = case_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % does not exist', case_id;
    END IF;
    IF expired.status <> 'closed' OR expired.closed_at IS NULL
       OR expired.closed_at >= now() - make_interval(days => retention_days) THEN
        RAISE EXCEPTION 'case % is not deleted: it is not closed and past the retention period of % days',
            case_id, retention_days;
    END IF;
    -- Not a SET clause on the function: only a superuser may give one for a custom setting.
    -- The triggers accept it only from the owner, which current_user is in here.
    PERFORM set_config('bts.retention', 'on', true);
    INSERT INTO stafettlogg_deletionrecord
        (kind, object_id, tjeneste_id, opened_at, closed_at, closed_by_id, deleted_at)
    VALUES ('stafettlogg', expired.id, expired.tjeneste_id, expired.opened_at, expired.closed_at,
            expired.closed_by_id, now());
    DELETE FROM stafettlogg_evaluationreminder
     WHERE entry_id IN (SELECT id FROM stafettlogg_innslag WHERE stafettlogg_id = case_id);
    -- Corrections and evaluations point at other entries of the case (PROTECT): one statement
    -- deletes them all, and the foreign keys (deferred) are checked when the transaction ends.
    DELETE FROM stafettlogg_innslag WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_samtykke_services
     WHERE samtykke_id IN (SELECT id FROM stafettlogg_samtykke WHERE stafettlogg_id = case_id);
    DELETE FROM stafettlogg_samtykke WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_deltaker WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_foresatt WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_overforing WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_casecheckliststep WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_insightreport WHERE stafettlogg_id = case_id;
    -- That a report to child welfare was sent outlives the case (as on_delete=SET_NULL says).
    UPDATE stafettlogg_meldingtilbarnevern SET stafettlogg_id = NULL WHERE stafettlogg_id = case_id;
    DELETE FROM stafettlogg_stafettlogg WHERE id = case_id;
    PERFORM set_config('bts.retention', coalesce(outside, ''), true);
END;
$$;
REVOKE ALL ON FUNCTION bts_delete_case(bigint) FROM PUBLIC;
"""

# 0002's function, for going back.
APPEND_ONLY_0002 = """
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


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(current_schema())")
        schema = cursor.fetchone()[0]
    # params=None: the % in RAISE are not placeholders.
    schema_editor.execute(FUNCTIONS.format(schema=schema), params=None)
    # bts_portal.db_roles brings it up to date with RETENTION_DAYS after every migrate.
    schema_editor.execute(
        "INSERT INTO bts_retention (days) VALUES (%s)", params=[settings.RETENTION_DAYS]
    )
    for table, function in GUARDED:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    for table in KEPT:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION bts_refuse_truncate()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in KEPT:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    for table, function in GUARDED:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_delete_case(bigint)")
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_refuse_truncate()")
    schema_editor.execute(APPEND_ONLY_0002, params=None)
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_retention_running(oid)")
    schema_editor.execute("DROP FUNCTION IF EXISTS bts_is_owner(oid)")
    schema_editor.execute("DROP TABLE IF EXISTS bts_retention")


class Migration(migrations.Migration):
    dependencies = [("stafettlogg", "0004_access_log_codes_and_form_tokens")]

    operations = [migrations.RunPython(create, drop)]
