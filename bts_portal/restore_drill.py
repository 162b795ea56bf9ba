"""The restore drill (README, "Operations"): prove that a backup of the database can be restored
and that what comes back is what was dumped, with its protections.

1. ``pg_dump`` (custom format, as the backup takes it) of the configured database, as the
   schema's owner (MIGRATE_DATABASE_URL when set, else DATABASE_URL);
2. ``pg_restore`` into a new, uniquely named database;
3. for every table of the schema, the row count and a checksum of its content, computed in both
   databases; the source side reads the very snapshot pg_dump dumped (``pg_dump --snapshot``),
   so a live portal writing meanwhile is no false alarm;
4. in the restored database: the access log and the entries still refuse UPDATE, DELETE and
   TRUNCATE (tried inside a transaction that is rolled back), the runtime role still lacks
   UPDATE and DELETE on them, and every id sequence is ahead of its table;
5. optionally, every file the restored rows name is in the media archive taken with the dump;
6. the restored database is dropped, whatever happened.

Plain psycopg connections, not Django's: the drill talks to two databases Django does not know,
and to the source inside one exported snapshot.
"""

import re
import shutil
import subprocess
import tarfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from typing import Any

import psycopg
from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from psycopg import sql

from bts_portal.db_roles import APPEND_ONLY, OWNER_KEYS

# The tables whose triggers the drill tries (stafettlogg migrations 0002 and 0005).
TRIGGER_GUARDED = ("stafettlogg_accesslog", "stafettlogg_innslag")
# Both sides print values the same way, whatever the role's or server's defaults.
SESSION_SETTINGS = {
    "TimeZone": "UTC",
    "DateStyle": "ISO, YMD",
    "IntervalStyle": "postgres",
    "extra_float_digits": "3",
    "bytea_output": "hex",
}
# pg_dump can dump servers of its own major version and older ones, never newer.
VERSION = re.compile(r"\(PostgreSQL\) (\d+)(?:\.(\d+))?")


class DrillError(Exception):
    """The drill could not run (a tool missing, a refused connection, a failed restore)."""


@dataclass(frozen=True)
class Database:
    """Where and as whom to connect; ``name`` is the database."""

    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""
    sslmode: str = ""

    def with_name(self, name: str) -> "Database":
        return Database(name, self.user, self.password, self.host, self.port, self.sslmode)

    def connect(self, **kwargs) -> psycopg.Connection:
        params: dict[str, Any] = {"dbname": self.name, "user": self.user, "password": self.password,
                  "host": self.host, "port": self.port, "sslmode": self.sslmode}  # fmt: skip
        return psycopg.connect(**{k: v for k, v in params.items() if v}, **kwargs)

    def tool_arguments(self) -> list[str]:
        arguments = ["--dbname", self.name, "--no-password"]
        for flag, value in [
            ("--host", self.host),
            ("--port", self.port),
            ("--username", self.user),
        ]:
            if value:
                arguments += [flag, str(value)]
        return arguments

    def tool_environment(self) -> dict[str, str]:
        # The password goes in the environment, never on a command line others can read.
        environment = {"PGPASSWORD": self.password} if self.password else {}
        if self.sslmode:
            environment["PGSSLMODE"] = self.sslmode
        return environment

    @classmethod
    def from_settings(cls, params: dict, *, name: str | None = None) -> "Database":
        return cls(
            name=name or params.get("NAME", ""),
            user=params.get("USER") or "",
            password=params.get("PASSWORD") or "",
            host=params.get("HOST") or "",
            port=str(params.get("PORT") or ""),
            sslmode=(params.get("OPTIONS") or {}).get("sslmode", ""),
        )


def owner_database(alias: str = DEFAULT_DB_ALIAS) -> Database:
    """The configured database, as its owner: dump and restore need every table and function.
    As ``db_roles.owner_connection``: MIGRATE_DATABASE_URL gives the role, the connection in
    use gives the database (the test database while tests run)."""
    params = dict(connections[alias].settings_dict)
    if connections[alias].vendor != "postgresql":
        raise DrillError("the restore drill needs PostgreSQL (DATABASE_URL=postgres://...)")
    if settings.MIGRATE_DATABASE is not None and alias == DEFAULT_DB_ALIAS:
        params.update({key: settings.MIGRATE_DATABASE.get(key, "") for key in OWNER_KEYS})
    return Database.from_settings(params)


@dataclass
class TableResult:
    table: str
    source_rows: int | None
    restored_rows: int | None
    source_checksum: str | None
    restored_checksum: str | None

    @property
    def equal(self) -> bool:
        return self.source_rows is not None and (self.source_rows, self.source_checksum) == (
            self.restored_rows,
            self.restored_checksum,
        )

    @property
    def verdict(self) -> str:
        if self.source_rows is None:
            return "only in the restored copy"
        if self.restored_rows is None:
            return "missing after restore"
        if self.source_rows != self.restored_rows:
            return "rows differ"
        return "equal" if self.equal else "content differs"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class DrillReport:
    source: str
    restored: str
    tables: list[TableResult] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    dump_bytes: int = 0

    @property
    def differences(self) -> list[str]:
        found = [f"{t.table}: {t.verdict}" for t in self.tables if not t.equal]
        return found + [f"{c.name}: {c.detail}" for c in self.checks if not c.ok]

    @property
    def passed(self) -> bool:
        return bool(self.tables) and not self.differences


# --- Tools and versions ----------------------------------------------------------------------


def find_tool(name: str, pg_bin: str | None = None) -> str:
    path = str(Path(pg_bin) / name) if pg_bin else shutil.which(name)
    if not path or not Path(path).exists():
        where = f"in {pg_bin}" if pg_bin else "on PATH"
        raise DrillError(f"{name} not found {where} (apt-get install postgresql-client)")
    return path


def tool_major_version(path: str) -> int:
    output = subprocess.run(  # noqa: S603 - our own tool path, no shell
        [path, "--version"], capture_output=True, text=True, check=True
    ).stdout
    if not (match := VERSION.search(output)):
        raise DrillError(f"cannot read the version of {path}: {output.strip()!r}")
    return int(match.group(1))


def check_versions(tools: dict[str, str], server_version_num: int) -> Check:
    server_major = server_version_num // 10000
    majors = {name: tool_major_version(path) for name, path in tools.items()}
    older = {name: major for name, major in majors.items() if major < server_major}
    if older:
        raise DrillError(
            f"the server is PostgreSQL {server_major} but "
            + ", ".join(f"{name} is {major}" for name, major in older.items())
            + ": use client tools of the server's major version or newer (--pg-bin)"
        )
    tools_text = ", ".join(f"{name} {major}" for name, major in majors.items())
    return Check("client tools", True, f"{tools_text}; server {server_major}")


def _run(arguments: list[str], database: Database, what: str) -> None:
    environment = {**_base_environment(), **database.tool_environment()}
    result = subprocess.run(  # noqa: S603 - arguments are a list, no shell
        arguments, capture_output=True, text=True, env=environment, check=False
    )
    if result.returncode != 0:
        raise DrillError(f"{what} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def _base_environment() -> dict[str, str]:
    import os

    # Only what the tools need: no PG* variable of the caller's redirects them elsewhere.
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


# --- Connections -----------------------------------------------------------------------------


def _session(conn: psycopg.Connection) -> psycopg.Connection:
    for name, value in SESSION_SETTINGS.items():
        conn.execute("SELECT set_config(%s, %s, false)", [name, value])
    return conn


def _one(cursor: "psycopg.Cursor[tuple[Any, ...]]") -> tuple[Any, ...]:
    """The row of a query that always returns one (a function, an aggregate, SHOW)."""
    row = cursor.fetchone()
    assert row is not None
    return row


@contextmanager
def exported_snapshot(source: Database) -> Iterator[tuple[psycopg.Connection, str]]:
    """A read-only repeatable-read transaction on the source whose snapshot pg_dump dumps."""
    with closing(source.connect()) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        _session(conn)  # the first statement starts the transaction; the snapshot follows
        snapshot = _one(conn.execute("SELECT pg_export_snapshot()"))[0]
        try:
            yield conn, snapshot
        finally:
            conn.rollback()


def unique_name(source: str, prefix: str | None = None) -> str:
    stamp = time.strftime("%Y%m%d%H%M%S")
    suffix = f"_{stamp}_{uuid.uuid4().hex[:6]}"
    stem = prefix or f"{source}_drill"
    return stem[: 63 - len(suffix)] + suffix  # PostgreSQL's limit for a name


@contextmanager
def scratch_database(admin: Database, name: str, *, owner: str, like: str) -> Iterator[None]:
    """A new database ``name`` owned by ``owner``, with ``like``'s encoding and locale; dropped
    at the end, also after a failure."""
    with closing(admin.connect(autocommit=True)) as conn:
        row = _one(
            conn.execute(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database "
                "WHERE datname = %s",
                [like],
            )
        )
        statement = sql.SQL(
            "CREATE DATABASE {} TEMPLATE template0 ENCODING {} LC_COLLATE {} LC_CTYPE {}"
        ).format(sql.Identifier(name), *map(sql.Literal, row))
        if owner:
            statement += sql.SQL(" OWNER {}").format(sql.Identifier(owner))
        try:
            conn.execute(statement)
        except psycopg.errors.InsufficientPrivilege as error:
            raise DrillError(
                f"{admin.user or 'this role'} may not create databases ({error}); "
                "pass --admin-url for a role that may (the cluster's superuser)"
            ) from error
    try:
        yield
    finally:
        with closing(admin.connect(autocommit=True)) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# --- Tables ----------------------------------------------------------------------------------

TABLES = """
SELECT c.relname,
       coalesce((SELECT array_agg(a.attname ORDER BY array_position(i.indkey::int2[], a.attnum))
                   FROM pg_index AS i
                   JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                  WHERE i.indrelid = c.oid AND i.indisprimary), '{}')
  FROM pg_class AS c
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
 ORDER BY c.relname
"""


def table_keys(conn: psycopg.Connection) -> dict[str, list[str]]:
    return dict(conn.execute(TABLES).fetchall())


def table_checksum(conn: psycopg.Connection, table: str, key: list[str]) -> tuple[int, str]:
    """Rows and an md5 over the md5 of each row's text, in primary-key order. Per-row digests
    keep the aggregate at 32 bytes a row, far below PostgreSQL's 1 GB for one value."""
    order: sql.Composable
    if key:
        order = sql.SQL(", ").join(sql.SQL("t.{}").format(sql.Identifier(c)) for c in key)
    else:
        order = sql.SQL('t::text COLLATE "C"')
    query = sql.SQL(
        "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY {})), '') FROM {} AS t"
    ).format(order, sql.Identifier(table))
    rows, checksum = _one(conn.execute(query))
    return rows, checksum


def compare_tables(source: psycopg.Connection, restored: psycopg.Connection) -> list[TableResult]:
    source_keys, restored_keys = table_keys(source), table_keys(restored)
    results = []
    for table in sorted(source_keys.keys() | restored_keys.keys()):
        left = table_checksum(source, table, source_keys[table]) if table in source_keys else None
        right = (
            table_checksum(restored, table, restored_keys[table])
            if table in restored_keys
            else None
        )
        results.append(TableResult(table, *_pair(left, right)))
    return results


def _pair(left, right):
    (rows_l, sum_l), (rows_r, sum_r) = left or (None, None), right or (None, None)
    return rows_l, rows_r, sum_l, sum_r


# --- Protections in the restored copy --------------------------------------------------------


def check_triggers(conn: psycopg.Connection) -> list[Check]:
    """Try UPDATE, DELETE and TRUNCATE on the append-only tables, in one transaction that is
    rolled back; each must be refused by the trigger. Row triggers only fire on a row: an empty
    table is checked for an enabled trigger instead."""
    checks = []
    with conn.transaction(force_rollback=True):
        for table in TRIGGER_GUARDED:
            name = sql.Identifier(table)
            enabled = conn.execute(
                "SELECT tgenabled FROM pg_trigger WHERE tgrelid = to_regclass(%s) AND tgname = %s",
                [table, f"{table}_append_only"],
            ).fetchone()
            if not enabled or enabled[0] not in ("O", "A"):
                checks.append(Check(f"{table} append-only trigger", False, "missing or disabled"))
                continue
            first = _one(conn.execute(sql.SQL("SELECT min(id) FROM {}").format(name)))[0]
            # CASCADE: without it a table others refer to is refused before its trigger runs.
            attempts: list[tuple[str, sql.Composed, list[Any] | None]] = [
                ("TRUNCATE", sql.SQL("TRUNCATE {} CASCADE").format(name), None)
            ]
            if first is not None:
                attempts = [
                    (
                        "UPDATE",
                        sql.SQL("UPDATE {} SET id = id WHERE id = %s").format(name),
                        [first],
                    ),
                    ("DELETE", sql.SQL("DELETE FROM {} WHERE id = %s").format(name), [first]),
                    *attempts,
                ]
            for verb, statement, params in attempts:
                checks.append(_refused(conn, f"{verb} on {table}", statement, params))
            if first is None:
                checks.append(Check(f"UPDATE/DELETE on {table}", True, "no rows; trigger enabled"))
    return checks


def _refused(conn, name: str, statement, params) -> Check:
    try:
        with conn.transaction():
            conn.execute(statement, params)
    except psycopg.errors.RaiseException as error:
        if "is not allowed" in str(error):
            return Check(name, True, "refused")
        return Check(name, False, f"unexpected error: {error}")
    except psycopg.Error as error:
        return Check(name, False, f"refused, but not by the trigger: {error}")
    return Check(name, False, "allowed")


def check_runtime_grants(conn: psycopg.Connection, role: str) -> list[Check]:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
    if not exists:
        return [Check(f"{role} privileges", False, "the runtime role does not exist")]
    checks = []
    for table in APPEND_ONLY:
        granted = _one(
            conn.execute(
                "SELECT to_regclass(%s) IS NULL OR has_table_privilege(%s, %s, 'UPDATE') "
                "OR has_table_privilege(%s, %s, 'DELETE')",
                [table, role, table, role, table],
            )
        )[0]
        checks.append(
            Check(f"{role} UPDATE/DELETE on {table}", not granted, "granted" if granted else "none")
        )
    return checks


SEQUENCES = """
SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
  FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid
 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
   AND a.attnum > 0 AND NOT a.attisdropped
   AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
"""


def check_sequences(conn: psycopg.Connection) -> Check:
    """A restore that leaves a sequence behind its table fails at the next insert."""
    behind = []
    rows = conn.execute(SEQUENCES).fetchall()
    for table, column, sequence in rows:
        query = sql.SQL("SELECT (SELECT max({}) FROM {}), last_value, is_called FROM {}").format(
            sql.Identifier(column), sql.Identifier(table), sql.SQL(sequence)
        )
        highest, last_value, is_called = _one(conn.execute(query))
        if highest is not None and (
            highest > last_value or (highest == last_value and not is_called)
        ):
            behind.append(f"{sequence} at {last_value}, {table}.{column} at {highest}")
    return Check("id sequences ahead of their tables", not behind,
                 "; ".join(behind) or f"{len(rows)} sequences")  # fmt: skip


# --- Media -----------------------------------------------------------------------------------


def stored_files(conn: psycopg.Connection) -> set[str]:
    """Every file name the rows of the restored copy refer to."""
    names: set[str] = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                query = sql.SQL("SELECT DISTINCT {0} FROM {1} WHERE {0} <> ''").format(
                    # A concrete field always has its column.
                    sql.Identifier(model_field.column),  # type: ignore[arg-type]
                    sql.Identifier(model._meta.db_table),
                )
                names.update(row[0] for row in conn.execute(query))
    return names


def check_media(conn: psycopg.Connection, archive: Path) -> list[Check]:
    """The archive reads to its end (each member's content, so gzip's checksum is checked too),
    and holds every file the restored rows name. Files no row names are counted, not failed:
    an upload written just before the copy whose row never committed is harmless."""
    top = Path(settings.MEDIA_ROOT).name
    members = set()
    try:
        with tarfile.open(archive) as tar:
            for member in tar:
                if member.isfile():
                    file = tar.extractfile(member)
                    assert file is not None  # a regular file's member has content
                    with file as content:
                        while content.read(1 << 20):
                            pass
                    path = PurePosixPath(member.name.removeprefix("./"))
                    if path.parts and path.parts[0] == top and len(path.parts) > 1:
                        path = PurePosixPath(*path.parts[1:])
                    members.add(str(path))
    except (OSError, tarfile.TarError, EOFError) as error:
        return [Check(f"media archive {archive.name}", False, f"unreadable: {error}")]
    named = stored_files(conn)
    missing = sorted(named - members)
    return [
        Check(f"media archive {archive.name}", True, f"{len(members)} files read"),
        Check(
            "files named by rows are in the archive",
            not missing,
            f"{len(missing)} missing: {', '.join(missing[:5])}"
            if missing
            else f"{len(named)} named, all present; {len(members - named)} not named by any row",
        ),
    ]


# --- The drill -------------------------------------------------------------------------------


def run_drill(
    *,
    source: Database,
    admin: Database | None = None,
    target_prefix: str | None = None,
    pg_bin: str | None = None,
    media_archive: Path | None = None,
    runtime_role: str = "",
    tamper: Callable[[psycopg.Connection], None] | None = None,
) -> DrillReport:
    """Dump ``source``, restore it into a new database, compare and check, drop the copy.

    ``admin`` creates and drops the copy (by default the source's role, connected to the
    ``postgres`` database); the copy is owned by the source's role, which restores into it.
    ``tamper`` changes the restored copy before the comparison: the tests' way of showing that
    a damaged restore is caught."""
    admin = admin or source.with_name("postgres")
    tools = {name: find_tool(name, pg_bin) for name in ("pg_dump", "pg_restore")}
    report = DrillReport(source=source.name, restored=unique_name(source.name, target_prefix))
    restored = source.with_name(report.restored)
    with exported_snapshot(source) as (source_conn, snapshot):
        server = _one(source_conn.execute("SHOW server_version_num"))[0]
        report.checks.append(check_versions(tools, int(server)))
        with TemporaryDirectory(prefix="bts-restore-drill-") as workdir:
            dump = Path(workdir) / f"{source.name}.dump"
            started = time.perf_counter()
            _run(
                [tools["pg_dump"], "--format=custom", f"--snapshot={snapshot}",
                 f"--file={dump}", *source.tool_arguments()],
                source, "pg_dump",
            )  # fmt: skip
            report.timings["dump"] = time.perf_counter() - started
            report.dump_bytes = dump.stat().st_size
            with scratch_database(admin, report.restored, owner=source.user, like=source.name):
                started = time.perf_counter()
                # As the owner, so tables, functions and triggers belong to it as in the source
                # (the triggers ask who the tables' owner is); grants to the runtime role come
                # from the dump.
                _run(
                    [tools["pg_restore"], "--exit-on-error", "--single-transaction",
                     "--no-owner", *restored.tool_arguments(), str(dump)],
                    restored, "pg_restore",
                )  # fmt: skip
                report.timings["restore"] = time.perf_counter() - started
                with closing(_session(restored.connect(autocommit=True))) as restored_conn:
                    if tamper is not None:
                        tamper(restored_conn)
                    started = time.perf_counter()
                    report.tables = compare_tables(source_conn, restored_conn)
                    report.timings["compare"] = time.perf_counter() - started
                    report.checks.append(check_sequences(restored_conn))
                    report.checks += check_triggers(restored_conn)
                    if runtime_role and runtime_role != source.user:
                        report.checks += check_runtime_grants(restored_conn, runtime_role)
                    if media_archive is not None:
                        report.checks += check_media(restored_conn, media_archive)
    return report
