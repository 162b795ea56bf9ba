"""The restore drill (``manage.py restore_drill``, README "Operations") restores an identical copy
of the database, says so table by table, and fails on a copy that differs.

Transactional tests: pg_dump sees only what is committed."""

import functools
import io
import re
import shutil
import tarfile

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bts_portal import restore_drill
from stafettlogg.models import AccessLog, Innslag

from .factories import VerktoyFactory
from .services import MISSING_PREFIX, require_postgresql

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

# "<table>  <source rows>  <restored rows>  <verdict>", as the command prints each table.
TABLE_LINE = re.compile(r"^(\w+)\s+(\d+|-)\s+(\d+|-)\s+(.+)$", re.MULTILINE)


@pytest.fixture
def drill_ready():
    require_postgresql()
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            pytest.skip(f"{MISSING_PREFIX} {tool} (apt-get install postgresql-client).")


@pytest.fixture
def logged_case(drill_ready, case):
    """A case with access-log rows, so that the drill tries the triggers on real rows."""
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/ansatt/stafettlogg/")
    return case


def drill(**options) -> tuple[str, CommandError | None]:
    out = io.StringIO()
    try:
        call_command("restore_drill", stdout=out, **options)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def tables(output: str) -> dict[str, tuple[str, str, str]]:
    return {name: (source, restored, verdict) for name, source, restored, verdict
            in TABLE_LINE.findall(output) if name != "table"}  # fmt: skip


def drill_databases() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [f"{connection.settings_dict['NAME']}_drill_%"],
        )
        return {row[0] for row in cursor.fetchall()}


def tampered(monkeypatch, change):
    """Let the next drill run ``change`` on the restored copy before it compares."""
    monkeypatch.setattr(
        restore_drill, "run_drill", functools.partial(restore_drill.run_drill, tamper=change)
    )


def test_drill_of_the_demo_prints_equal_counts_for_every_table(logged_case, capsys):
    call_command("load_demo")
    output, error = drill()
    assert error is None, output
    counted = tables(output)
    assert len(counted) > 50
    assert all(source == restored for source, restored, _ in counted.values())
    assert {verdict for _, _, verdict in counted.values()} == {"equal"}
    assert counted["stafettlogg_innslag"][0] == str(Innslag.objects.count())
    assert int(counted["tiltaksoversikt_tiltak"][0]) > 0
    assert "Restore drill passed" in output


def test_drill_finds_the_append_only_triggers_refusing_in_the_restored_copy(logged_case):
    output, error = drill()
    assert error is None, output
    for verb in ("UPDATE", "DELETE", "TRUNCATE"):
        for table in ("stafettlogg_accesslog", "stafettlogg_innslag"):
            assert f"ok   {verb} on {table}: refused" in output


def test_drill_fails_when_a_row_is_missing_from_the_restored_copy(logged_case, monkeypatch):
    def delete_a_row(conn: psycopg.Connection):
        conn.execute(
            "DELETE FROM django_migrations WHERE id = (SELECT max(id) FROM django_migrations)"
        )

    tampered(monkeypatch, delete_a_row)
    output, error = drill()
    assert error is not None
    source, restored, verdict = tables(output)["django_migrations"]
    assert int(restored) == int(source) - 1
    assert verdict == "rows differ"
    assert "django_migrations: rows differ" in str(error)
    assert drill_databases() == set(), "the restored copy is dropped also after a failure"


def test_drill_fails_when_a_row_is_changed_in_the_restored_copy(logged_case, monkeypatch):
    def change_a_row(conn: psycopg.Connection):
        conn.execute(
            "UPDATE organisasjon_tjeneste SET name = name || ' (endret)' "
            "WHERE id = (SELECT min(id) FROM organisasjon_tjeneste)"
        )

    tampered(monkeypatch, change_a_row)
    output, error = drill()
    assert error is not None
    source, restored, verdict = tables(output)["organisasjon_tjeneste"]
    assert (source, verdict) == (restored, "content differs")


def test_drill_fails_when_the_append_only_trigger_is_gone(logged_case, monkeypatch):
    tampered(
        monkeypatch,
        lambda conn: conn.execute(
            "ALTER TABLE stafettlogg_accesslog DISABLE TRIGGER stafettlogg_accesslog_append_only"
        ),
    )
    _, error = drill()
    assert error is not None
    assert "stafettlogg_accesslog append-only trigger: missing or disabled" in str(error)


def _media_archive(path, names: list[str]):
    with tarfile.open(path, "w:gz") as tar:
        for name in names:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = 4
            tar.addfile(info, io.BytesIO(b"data"))
    return path


def test_drill_accepts_a_media_archive_with_every_file_the_rows_name(drill_ready, tmp_path):
    VerktoyFactory(file="veileder/mal.docx")
    archive = _media_archive(
        tmp_path / "media.tar.gz", ["veileder/mal.docx", "veileder/gammel.pdf"]
    )
    output, error = drill(media_archive=archive)
    assert error is None, output
    assert "1 named, all present; 1 not named by any row" in output


def media_checks(archive) -> list[restore_drill.Check]:
    """The drill's media check on the test database itself, which a restore copies exactly."""
    with restore_drill.owner_database().connect(autocommit=True) as conn:
        return restore_drill.check_media(conn, archive)


def test_media_check_fails_on_an_archive_that_lacks_a_named_file(drill_ready, tmp_path):
    VerktoyFactory(file="veileder/mal.docx")
    archive = _media_archive(tmp_path / "media.tar.gz", ["veileder/annen.docx"])
    read, named = media_checks(archive)
    assert read.ok
    assert not named.ok
    assert named.detail == "1 missing: veileder/mal.docx"


def test_media_check_fails_on_a_truncated_archive(drill_ready, tmp_path):
    archive = _media_archive(tmp_path / "media.tar.gz", ["veileder/mal.docx"])
    archive.write_bytes(archive.read_bytes()[:20])
    [check] = media_checks(archive)
    assert not check.ok
    assert "unreadable" in check.detail
