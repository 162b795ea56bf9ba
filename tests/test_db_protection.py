"""On PostgreSQL the database refuses what the portal would refuse, also to the portal's own
role (stafettlogg migration 0005, bts_portal/db_roles.py).

The suite connects as the tables' owner, as pytest-django needs to create the test database;
its migrate ends by granting the runtime role (DATABASE_RUNTIME_ROLE). These tests open their
own connection as that role, the one the web app and the workers use, so they commit their
data (transactional tests).
"""

import os
import re
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.utils import timezone
from psycopg import sql

from stafettlogg import services
from stafettlogg.models import (
    AccessLog,
    CaseChecklistStep,
    DeletionRecord,
    Deltaker,
    EvaluationReminder,
    Foresatt,
    Innslag,
    InsightReport,
    MeldingTilBarnevern,
    Overforing,
    Samtykke,
    SamtykkeForesporsel,
    SamtykkeSvar,
    Stafettlogg,
    Undring,
)
from stafettlogg.tasks import delete_expired_cases

from .case_fixtures import open_undring
from .services import (
    MISSING_PREFIX,
    portal_as_runtime_role,
    require_postgresql,
    retention_function_source,
    runtime_role,
)

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(__file__).resolve().parent.parent
# Rows in these tables are kept; 0005 refuses TRUNCATE on each.
KEPT = [
    "stafettlogg_accesslog",
    "stafettlogg_innslag",
    "stafettlogg_samtykke",
    "stafettlogg_samtykke_services",
    "stafettlogg_deltaker",
]


def _connect(user: str, *, dbname: str | None = None, password: str | None = None):
    params = connection.settings_dict
    return psycopg.connect(
        dbname=dbname or params["NAME"], user=user, password=password,
        host=params["HOST"] or None, port=params["PORT"] or None, autocommit=True,
    )  # fmt: skip


@pytest.fixture
def runtime():
    """The test database as the runtime role, which the test database's migrate granted."""
    with _connect(runtime_role()) as conn:
        yield conn


def assert_refused(conn, statement: str, params=None, *, match: str, after=()) -> None:
    """``statement`` fails with ``match``; ``after`` are run before it, in its transaction."""

    def run():
        with conn.transaction():
            for earlier in after:
                conn.execute(earlier)
            conn.execute(statement, params)

    with pytest.raises(psycopg.Error, match=match):
        run()


def _long_ago():
    return timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)


def _close(case, people, *, closed_at=None):
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="Ferdig", final_evaluation="Bedre nå")
    if closed_at is not None:
        Stafettlogg.objects.filter(pk=case.pk).update(closed_at=closed_at)


def _withdrawn(case, people):
    holder = people["users"]["stafettholder"]
    services.consent_withdraw(case=case, user=holder, reason="Foreldrene ønsker det ikke")
    return case.consents.get()


def _participant(case, people):
    return case.participants.get(user=people["users"]["participant"])


# --- TRUNCATE ---------------------------------------------------------------------------------


@pytest.mark.parametrize("table", KEPT)
def test_runtime_role_cannot_truncate(runtime, case, table):
    assert_refused(runtime, f"TRUNCATE {table} CASCADE", match="permission denied")


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - one of KEPT
        return cursor.fetchone()[0]


@pytest.mark.parametrize("table", KEPT)
def test_owner_cannot_truncate_either(case, table):
    require_postgresql()
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    before = _count(table)
    with (
        pytest.raises(DatabaseError, match=r"TRUNCATE on \w+ is not allowed"),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"TRUNCATE {table} CASCADE")
    assert _count(table) == before > 0


def test_runtime_role_given_truncate_by_mistake_is_still_refused_by_the_trigger(runtime, case):
    table = "stafettlogg_accesslog"
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT TRUNCATE ON {table} TO {connection.ops.quote_name(runtime_role())}")
    try:
        assert_refused(
            runtime,
            f"TRUNCATE {table}",
            match=r"TRUNCATE on \w+ is not allowed",
            after=["SET LOCAL bts.flush = 'on'"],
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f"REVOKE TRUNCATE ON {table} FROM {connection.ops.quote_name(runtime_role())}"
            )
    assert AccessLog.objects.filter(stafettlogg_id=case.pk).exists()


def test_manage_py_flush_still_empties_the_database_for_the_owner(case):
    require_postgresql()
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    call_command("flush", interactive=False, verbosity=0)
    assert not AccessLog.objects.exists()
    assert not Innslag.objects.exists()


# --- The access log and the entries -----------------------------------------------------------


def test_runtime_role_cannot_update_the_access_log(runtime, case):
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    assert_refused(
        runtime, "UPDATE stafettlogg_accesslog SET what = 'changed'", match="permission denied"
    )


def test_runtime_role_cannot_delete_from_the_access_log(runtime, case):
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    assert_refused(runtime, "DELETE FROM stafettlogg_accesslog", match="permission denied")


def test_runtime_role_cannot_update_entries(runtime, case):
    assert_refused(
        runtime,
        "UPDATE stafettlogg_innslag SET text = 'rewritten' WHERE stafettlogg_id = %s",
        [case.pk],
        match="permission denied",
    )


def test_runtime_role_cannot_delete_entries(runtime, case):
    assert_refused(
        runtime,
        "DELETE FROM stafettlogg_innslag WHERE stafettlogg_id = %s",
        [case.pk],
        match="permission denied",
    )


def test_setting_bts_retention_does_not_let_the_runtime_role_delete_entries(runtime, case):
    assert_refused(
        runtime,
        "DELETE FROM stafettlogg_innslag WHERE stafettlogg_id = %s",
        [case.pk],
        match="permission denied",
        after=["SET LOCAL bts.retention = 'on'"],
    )
    assert case.entries.exists()


def test_runtime_role_given_delete_by_mistake_is_still_refused_by_the_trigger(runtime, case):
    # The trigger asks who is deleting, not only whether bts.retention is on.
    role = connection.ops.quote_name(runtime_role())
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT DELETE ON stafettlogg_innslag TO {role}")
    try:
        assert_refused(
            runtime,
            "DELETE FROM stafettlogg_innslag WHERE stafettlogg_id = %s",
            [case.pk],
            match="append-only",
            after=["SELECT set_config('bts.retention', 'on', true)"],
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"REVOKE DELETE ON stafettlogg_innslag FROM {role}")
    assert case.entries.exists()


# --- Consents ---------------------------------------------------------------------------------


def test_runtime_role_cannot_clear_a_consent_withdrawal(runtime, people, case):
    withdrawn = _withdrawn(case, people)
    assert_refused(
        runtime,
        "UPDATE stafettlogg_samtykke SET withdrawn_at = NULL, withdrawn_reason = '' WHERE id = %s",
        [withdrawn.pk],
        match="a withdrawal cannot be changed or undone",
    )


def test_runtime_role_cannot_reword_a_consent_withdrawal(runtime, people, case):
    withdrawn = _withdrawn(case, people)
    assert_refused(
        runtime,
        "UPDATE stafettlogg_samtykke SET withdrawn_reason = 'Feil' WHERE id = %s",
        [withdrawn.pk],
        match="a withdrawal cannot be changed or undone",
    )


def test_runtime_role_cannot_extend_a_consent(runtime, case):
    consent = case.consents.get()
    assert_refused(
        runtime,
        "UPDATE stafettlogg_samtykke SET valid_until = valid_until + 365 WHERE id = %s",
        [consent.pk],
        match="a recorded consent does not change",
    )


def test_runtime_role_cannot_remove_a_service_from_a_consent(runtime, case):
    consent = case.consents.get()
    assert_refused(
        runtime,
        "DELETE FROM stafettlogg_samtykke_services WHERE samtykke_id = %s",
        [consent.pk],
        match="permission denied",
    )


def test_runtime_role_cannot_delete_a_consent(runtime, case):
    assert_refused(
        runtime,
        "DELETE FROM stafettlogg_samtykke WHERE stafettlogg_id = %s",
        [case.pk],
        match="permission denied",
    )


def test_runtime_role_cannot_detach_a_refusal_from_an_open_concern(runtime, people):
    holder = people["users"]["stafettholder"]
    undring = open_undring(people)
    refusal = services.refusal_record(
        undring=undring, user=holder, given_by="Far", services=[people["clinic"]]
    )
    assert_refused(
        runtime,
        "UPDATE stafettlogg_samtykke SET undring_id = NULL WHERE id = %s",
        [refusal.pk],
        match="a refusal stays with its concern",
    )


def test_the_portal_withdraws_a_consent_as_the_runtime_role(people, case):
    with portal_as_runtime_role():
        withdrawn = _withdrawn(case, people)
    assert withdrawn.withdrawn_at is not None
    assert withdrawn.withdrawn_reason == "Foreldrene ønsker det ikke"


# --- Participants -----------------------------------------------------------------------------


def test_runtime_role_cannot_clear_a_participants_removal(runtime, people, case):
    participant = _participant(case, people)
    holder = people["users"]["stafettholder"]
    services.participant_remove(case=case, by=holder, participant=participant)
    assert_refused(
        runtime,
        "UPDATE stafettlogg_deltaker SET removed_at = NULL WHERE id = %s",
        [participant.pk],
        match="an ended participation cannot be reopened",
    )


def test_runtime_role_cannot_move_a_participation_to_another_service(runtime, people, case):
    participant = _participant(case, people)
    assert_refused(
        runtime,
        "UPDATE stafettlogg_deltaker SET tjeneste_id = %s WHERE id = %s",
        [people["school"].pk, participant.pk],
        match="a participation does not change",
    )


def test_runtime_role_cannot_delete_a_participation(runtime, people, case):
    assert_refused(
        runtime,
        "DELETE FROM stafettlogg_deltaker WHERE id = %s",
        [_participant(case, people).pk],
        match="permission denied",
    )


def test_the_portal_ends_a_participation_as_the_runtime_role(people, case):
    participant = _participant(case, people)
    with portal_as_runtime_role():
        services.participant_remove(
            case=case, by=people["users"]["stafettholder"], participant=participant
        )
    participant.refresh_from_db()
    assert participant.removed_at is not None


# --- The tables themselves --------------------------------------------------------------------


@pytest.mark.parametrize("table", KEPT)
def test_runtime_role_cannot_disable_the_triggers(runtime, table):
    assert_refused(runtime, f"ALTER TABLE {table} DISABLE TRIGGER ALL", match="must be owner")


def test_runtime_role_cannot_drop_a_trigger(runtime):
    assert_refused(
        runtime,
        "DROP TRIGGER stafettlogg_innslag_append_only ON stafettlogg_innslag",
        match="must be owner",
    )


def test_runtime_role_cannot_shorten_the_retention_period(runtime):
    assert_refused(runtime, "UPDATE bts_retention SET days = 1", match="permission denied")


def test_runtime_role_cannot_replace_the_retention_function(runtime):
    assert_refused(
        runtime,
        "CREATE OR REPLACE FUNCTION bts_delete_case(case_id bigint) RETURNS void "
        "LANGUAGE sql AS 'SELECT NULL'",
        match="must be owner|permission denied",
    )


# --- Retention --------------------------------------------------------------------------------


def test_retention_function_refuses_an_active_case(runtime, case):
    assert_refused(
        runtime, "SELECT bts_delete_case(%s)", [case.pk], match="not closed and past the retention"
    )
    assert Stafettlogg.objects.filter(pk=case.pk).exists()


def test_retention_function_refuses_a_case_closed_within_the_retention_period(
    runtime, people, case
):
    _close(case, people)
    assert_refused(
        runtime, "SELECT bts_delete_case(%s)", [case.pk], match="not closed and past the retention"
    )
    assert case.entries.exists()


def _young_person_party(case, holder) -> list:
    """The young person as a party of the case (issue 20) with an invitation, a link, an
    answer to a consent request and their own insight report."""
    from minside.models import Invitasjon, Kobling

    young = Foresatt.objects.create(
        stafettlogg=case, party=Foresatt.Party.YOUNG_PERSON, name=case.child_name,
        parental_responsibility=False, email="ung@example.org",
    )  # fmt: skip
    invitation = Invitasjon.objects.create(
        foresatt=young, token_hash="a" * 64, channel="epost",
        expires_at=timezone.now() + timedelta(days=14), used_at=timezone.now(),
    )  # fmt: skip
    link = Kobling.objects.create(foresatt=young, invitasjon=invitation, pid_hash="b" * 64)
    request = SamtykkeForesporsel.objects.create(
        stafettlogg=case, purpose="p", valid_until=timezone.localdate(), created_by=holder,
        child_basis=Samtykke.ChildBasis.HEALTH, status=SamtykkeForesporsel.Status.CANCELLED,
    )  # fmt: skip
    answer = SamtykkeSvar.objects.create(request=request, foresatt=young, answer="confirmed")
    report = InsightReport.objects.create(stafettlogg=case, citizen=link, language="nn")
    return [young, invitation, link, request, answer, report]


def test_retention_deletes_an_expired_closed_case_through_the_function(runtime, people, case):
    users, today = people["users"], timezone.localdate()
    holder = users["stafettholder"]
    measure = case.entries.get(kind=Innslag.Kind.MEASURE)
    observation = case.entries.get(kind=Innslag.Kind.OBSERVATION)
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.EVALUATION, measure=measure, text="Virket"
    )
    services.correction_add(case=case, user=holder, corrects=observation, text="Sliten om morgenen")
    EvaluationReminder.objects.create(entry=measure, evaluate_by=today)
    services.participant_remove(case=case, by=holder, participant=_participant(case, people))
    report = MeldingTilBarnevern.objects.create(
        stafettlogg=case, tjeneste=people["kindergarten"], sent_on=today, sent_by=holder
    )
    Overforing.objects.create(
        stafettlogg=case, from_user=holder, to_user=users["same_service"],
        to_tjeneste=people["kindergarten"], status=Overforing.Status.DECLINED,
    )  # fmt: skip
    CaseChecklistStep.objects.create(stafettlogg=case, step_key="samtale", done_by=holder)
    InsightReport.objects.create(stafettlogg=case, requested_by=holder)
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    young_rows = _young_person_party(case, holder)
    consent_ids = list(case.consents.values_list("pk", flat=True))
    _close(case, people, closed_at=_long_ago())

    runtime.execute("SELECT bts_delete_case(%s)", [case.pk])

    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    for model in [Innslag, Samtykke, Deltaker, Foresatt, Overforing, CaseChecklistStep]:
        assert not model.objects.filter(stafettlogg_id=case.pk).exists(), model
    assert not InsightReport.objects.filter(stafettlogg_id=case.pk).exists()
    for row in young_rows:  # the young person's party row, link, answer, own insight report
        assert not type(row).objects.filter(pk=row.pk).exists(), row
    assert not EvaluationReminder.objects.exists()
    assert not Samtykke.services.through.objects.filter(samtykke_id__in=consent_ids).exists()
    report.refresh_from_db()
    assert report.stafettlogg_id is None
    assert AccessLog.objects.filter(stafettlogg_id=case.pk).exists()
    record = DeletionRecord.objects.get(kind="stafettlogg", object_id=case.pk)
    assert record.closed_by == holder
    assert record.tjeneste == people["kindergarten"]


def test_the_retention_task_runs_as_the_runtime_role(people, case):
    holder = people["users"]["stafettholder"]
    _close(case, people, closed_at=_long_ago())
    undring = open_undring(people)
    refusal = services.refusal_record(
        undring=undring, user=holder, given_by="Far", services=[people["clinic"]]
    )
    Undring.objects.filter(pk=undring.pk).update(
        status=Undring.Status.CLOSED, closed_at=_long_ago()
    )

    with portal_as_runtime_role():
        assert delete_expired_cases() == 2

    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    assert not Undring.objects.filter(pk=undring.pk).exists()
    # The refusal names the guardians: it goes with its concern (issue 16).
    assert not Samtykke.objects.filter(pk=refusal.pk).exists()
    assert set(DeletionRecord.objects.values_list("kind", flat=True)) == {"stafettlogg", "undring"}


def test_retention_function_deletes_from_every_table_that_references_a_case():
    require_postgresql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT conrelid::regclass::text FROM pg_constraint WHERE contype = 'f' "
            "AND confrelid IN ('stafettlogg_stafettlogg'::regclass, "
            "'stafettlogg_innslag'::regclass, 'stafettlogg_samtykke'::regclass)"
        )
        referencing = {row[0] for row in cursor.fetchall()}
    body = retention_function_source()
    assert {table for table in referencing if not re.search(rf"\b{table}\b", body)} == set()


# --- Migrate as the owner ---------------------------------------------------------------------


def test_migrate_runs_as_the_owner_and_grants_theruntime_role():
    role = runtime_role()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper OR (rolcreaterole AND rolcreatedb) FROM pg_roles "
            "WHERE rolname = current_user"
        )
        if not cursor.fetchone()[0]:
            pytest.skip(f"{MISSING_PREFIX} a PostgreSQL user that may create roles and databases.")
    suffix = uuid.uuid4().hex[:10]
    owner, password, database = f"bts_test_owner_{suffix}", uuid.uuid4().hex, f"bts_roles_{suffix}"
    params = connection.settings_dict
    address = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{database}"
    with _connect(params["USER"], password=params["PASSWORD"] or None) as admin:
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(owner), sql.Literal(password)
            )
        )
        try:
            admin.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(database), sql.Identifier(owner)
                )
            )
            env = {
                key: value for key, value in os.environ.items() if key != "DATABASE_RUNTIME_ROLE"
            }
            env["DATABASE_URL"] = f"postgres://{role}@{address}"
            env["MIGRATE_DATABASE_URL"] = f"postgres://{owner}:{password}@{address}"
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
                cwd=BASE_DIR, env=env, check=True, timeout=600,
            )  # fmt: skip
            with _connect(owner, dbname=database, password=password) as as_owner:
                not_owned = as_owner.execute(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tableowner <> current_user"
                ).fetchone()[0]
            with _connect(role, dbname=database) as as_runtime:
                as_runtime.execute(
                    "INSERT INTO stafettlogg_accesslog (at, action, event, reason, what) "
                    "VALUES (now(), 'view', '', '', '/x')"
                )
                assert_refused(as_runtime, "TRUNCATE stafettlogg_accesslog", match="permission")
            assert not_owned == 0
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(owner)))
