"""Retention always finishes: each case and concern in its own transaction, files removed only
after the commit, refusals removed with their concern, and the run recorded for the
coordinator. Runs on SQLite and, in CI's second stage, on PostgreSQL through the owner's
functions (stafettlogg migrations 0005 and 0006)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from drift.models import RetentionRun
from stafettlogg import retention, services
from stafettlogg.models import (
    AccessLog,
    DeletionRecord,
    Innslag,
    InsightReport,
    Samtykke,
    Stafettlogg,
    StepReminder,
    Undring,
)
from stafettlogg.tasks import delete_expired_cases

from .case_fixtures import case_files, close_case, evaluate_measure, open_case, open_undring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def _expire(case, settings, *, days_past=1):
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + days_past)
    )


def _full_case(people, case):
    """A case with an evaluation, a correction, a signed consent form and an insight PDF."""
    holder = people["users"]["stafettholder"]
    evaluate_measure(case, people, text="Virket", next_step="Avslutte")
    services.correction_add(
        case=case, user=holder, corrects=case.entries.get(kind=Innslag.Kind.OBSERVATION),
        text="Det var to dager.",
    )  # fmt: skip
    StepReminder.objects.create(stafettlogg=case, step_key="n1-plan", due=timezone.localdate())
    return case_files(case, people)


def test_a_case_with_evaluations_corrections_consents_and_files_leaves_only_its_record(
    people, case, settings, django_capture_on_commit_callbacks, tmp_path
):
    paths = _full_case(people, case)
    close_case(case, people)
    _expire(case, settings)
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired_cases() == 1
    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    assert not Innslag.objects.filter(stafettlogg_id=case.pk).exists()
    assert not Samtykke.objects.filter(stafettlogg_id=case.pk).exists()
    assert not InsightReport.objects.filter(stafettlogg_id=case.pk).exists()
    assert not StepReminder.objects.filter(stafettlogg_id=case.pk).exists()
    assert DeletionRecord.objects.filter(kind="stafettlogg", object_id=case.pk).count() == 1
    assert not any(path.exists() for path in paths)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_the_access_log_outlives_the_case(people, case, settings):
    close_case(case, people)
    _expire(case, settings)
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="x")
    delete_expired_cases()
    assert AccessLog.objects.filter(stafettlogg_id=case.pk).exists()


def test_a_case_that_fails_does_not_stop_the_others_and_keeps_its_files(
    people, case, settings, monkeypatch, django_capture_on_commit_callbacks
):
    paths = _full_case(people, case)
    close_case(case, people)  # closed today: the database refuses to delete it
    expired = open_case(people, child="Ola Testbarn")
    close_case(expired, people)
    _expire(expired, settings)
    # Retention is made to pick the recent case too, as a bug in its selection would.
    monkeypatch.setattr(retention, "expired_cases", lambda: Stafettlogg.objects.order_by("-pk"))
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired_cases() == 1
    assert Stafettlogg.objects.filter(pk=case.pk).exists()
    assert not Stafettlogg.objects.filter(pk=expired.pk).exists()
    assert all(path.exists() for path in paths)
    run = RetentionRun.objects.get()
    assert run.cases_deleted == 1
    assert [(f["kind"], f["id"]) for f in run.failures] == [("stafettlogg", case.pk)]
    assert run.finished_at is not None


def _closed_undring(people, settings, *, days_past=1):
    author = people["users"]["stafettholder"]
    undring = open_undring(people)
    services.refusal_record(
        undring=undring, user=author, given_by="Lise Forelder", services=[people["clinic"]]
    )
    services.undring_close(undring=undring, user=author, reason="Nei fra foreldrene")
    Undring.objects.filter(pk=undring.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + days_past)
    )
    return undring


def test_an_expired_concern_goes_with_its_refusal_and_leaves_a_record(people, settings):
    undring = _closed_undring(people, settings)
    assert delete_expired_cases() == 1
    assert not Undring.objects.filter(pk=undring.pk).exists()
    assert not Samtykke.objects.filter(given_by="Lise Forelder", refused=True).exists()
    record = DeletionRecord.objects.get(kind="undring", object_id=undring.pk)
    assert record.closed_by == people["users"]["stafettholder"]


def test_a_concern_is_kept_while_the_case_it_led_to_lives(people, settings):
    undring = _closed_undring(people, settings)
    case = open_case(people, child="Kari Testbarn")
    Stafettlogg.objects.filter(pk=case.pk).update(undring=undring)
    assert delete_expired_cases() == 0
    assert Undring.objects.filter(pk=undring.pk).exists()
    assert RetentionRun.objects.get().failures == []


def test_a_concern_goes_once_its_case_has_gone(people, settings):
    undring = _closed_undring(people, settings)
    case = open_case(people, child="Kari Testbarn")
    Stafettlogg.objects.filter(pk=case.pk).update(undring=undring)
    close_case(case, people)
    _expire(case, settings)
    assert delete_expired_cases() == 2
    assert not Undring.objects.filter(pk=undring.pk).exists()


def test_the_coordinator_sees_the_last_run_with_its_failures(client, people):
    RetentionRun.objects.create(
        started_at=timezone.now(), finished_at=timezone.now(), cases_deleted=3,
        undringer_deleted=2, failures=[{"kind": "stafettlogg", "id": 41, "error": "X"}],
    )  # fmt: skip
    client.force_login(people["users"]["coordinator"])
    response = client.get(reverse("drift:status"))
    assert response.status_code == 200
    counts = [response.context["run"].cases_deleted, response.context["run"].undringer_deleted]
    assert counts == [3, 2]
    assert b"41" in response.content


def test_only_the_coordinator_sees_the_operations_page(client, people):
    client.force_login(people["users"]["leader"])
    assert client.get(reverse("drift:status")).status_code == 403
