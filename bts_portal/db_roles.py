"""Two PostgreSQL roles, so that the database refuses what the portal would refuse even when
the portal itself is subverted (README, "Database roles").

The web app and the Celery workers connect as the *runtime* role (``DATABASE_URL``). It owns
nothing: it reads and writes rows, but cannot truncate, alter or drop a table, switch a trigger
off or change the retention period. ``manage.py migrate`` connects as the schema's *owner*
(``MIGRATE_DATABASE_URL``) and, after every run, grants the runtime role what the portal needs,
and no more. Retention deletes a case through ``bts_delete_case``, which runs as the owner
(stafettlogg migration 0005).

Without ``MIGRATE_DATABASE_URL`` one role does both, as in development and on SQLite. With only
``DATABASE_RUNTIME_ROLE`` set, migrate runs as ``DATABASE_URL`` and still grants that role: so the
test suite does in CI, where pytest-django creates the test database as the owner.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

# What MIGRATE_DATABASE_URL changes in the connection; the database stays the one in use (the
# test database while tests run).
OWNER_KEYS = ("USER", "PASSWORD", "HOST", "PORT", "OPTIONS")

# The runtime role may add rows here, never change or remove them. (What remains of a deleted
# case is written by bts_delete_case; no trigger guards it, so the privilege does.)
APPEND_ONLY = ("stafettlogg_accesslog", "stafettlogg_innslag", "stafettlogg_deletionrecord")
# Only retention removes these rows, through bts_delete_case.
RETENTION_DELETES = (
    "stafettlogg_samtykke",
    "stafettlogg_samtykke_services",
    "stafettlogg_deltaker",
)
# Never changed at all: a consent's services are recorded with it.
NEVER_UPDATED = ("stafettlogg_samtykke_services",)
# Read-only to the runtime role: which migrations ran, and the retention period the database
# enforces.
READ_ONLY = ("django_migrations", "bts_retention")


@contextmanager
def owner_connection(alias: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Connect ``alias`` as the schema's owner (MIGRATE_DATABASE_URL) while the block runs."""
    owner = settings.MIGRATE_DATABASE
    if owner is None or alias != DEFAULT_DB_ALIAS:
        yield
        return
    connection = connections[alias]
    runtime = {key: connection.settings_dict.get(key) for key in OWNER_KEYS}
    connection.close()
    connection.settings_dict.update({key: owner.get(key, "") for key in OWNER_KEYS})
    connection.settings_dict["OPTIONS"] = owner.get("OPTIONS") or {}
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(runtime)


def record_retention_period(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Write RETENTION_DAYS where bts_delete_case reads it. Run as the owner: no one else may."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bts_retention') IS NOT NULL")
        if cursor.fetchone()[0]:
            cursor.execute("UPDATE bts_retention SET days = %s", [settings.RETENTION_DAYS])


def grant_runtime_role(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Give DATABASE_RUNTIME_ROLE exactly the privileges the portal needs on every table of the
    schema, taking back any others. Run as the owner after every migrate: new tables get their
    grants here, and default privileges cover tables created in between by hand."""
    connection = connections[alias]
    role = settings.DATABASE_RUNTIME_ROLE
    if connection.vendor != "postgresql" or not role:
        return
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(%s), quote_ident(current_schema()), current_user = %s",
            [role, role],
        )
        runtime, schema, is_owner = cursor.fetchone()
        if is_owner:
            return  # one role does both
        for statement in _grants(cursor, runtime, schema):
            cursor.execute(statement)


def _grants(cursor, runtime: str, schema: str) -> Iterator[str]:
    def existing(tables):
        cursor.execute(
            "SELECT coalesce(string_agg(quote_ident(name), ', '), '') FROM unnest(%s::text[]) "
            "AS name WHERE to_regclass(quote_ident(name)) IS NOT NULL",
            [list(tables)],
        )
        return cursor.fetchone()[0]

    yield f"GRANT USAGE ON SCHEMA {schema} TO {runtime}"
    # Start from nothing, so that a privilege granted by hand (TRUNCATE, say) goes again.
    yield f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {runtime}"
    yield f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {runtime}"
    yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {runtime}"
    yield f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {runtime}"
    for privileges, tables in [
        ("UPDATE, DELETE", APPEND_ONLY),
        ("DELETE", RETENTION_DELETES),
        ("UPDATE", NEVER_UPDATED),
        ("INSERT, UPDATE, DELETE", READ_ONLY),
    ]:
        if names := existing(tables):
            yield f"REVOKE {privileges} ON {names} FROM {runtime}"
    # Retention's functions (stafettlogg migrations 0005 and 0006), where they exist yet.
    for function in ("bts_delete_case(bigint)", "bts_delete_undring(bigint)"):
        cursor.execute("SELECT to_regprocedure(%s) IS NOT NULL", [function])
        if cursor.fetchone()[0]:
            yield f"GRANT EXECUTE ON FUNCTION {function} TO {runtime}"
    yield (
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {runtime}"
    )
    yield f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE ON SEQUENCES TO {runtime}"


@contextmanager
def flush_allowed(alias: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Let ``manage.py flush`` empty the tables whose rows are kept: their TRUNCATE trigger
    accepts ``bts.flush`` from the tables' owner, for this transaction only. The runtime role
    has no TRUNCATE privilege to begin with."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL bts.flush = 'on'")
        yield
