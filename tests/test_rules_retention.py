"""The retention rule (stafettlogg.retention): what is deleted, when, and what is kept.

The boundary of the period, cases and concerns that are not closed, a delete asked for too
early (nothing changes), everything that belongs to a case, the record left behind, the
archive's receipt, and the failures the run reports.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from arkiv.models import ArchivePackage
from stafettlogg import retention, services
from stafettlogg.models import (
    DeletionRecord,
    Deltaker,
    EvaluationReminder,
    Foresatt,
    Innslag,
    InsightReport,
    MeldingTilBarnevern,
    Overforing,
    Samtykke,
    Stafettlogg,
    Undring,
)

from .case_fixtures import case_files, close_case, open_case, open_undring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def _closed_at(model, obj, settings, delta):
    """Closed ``RETENTION_DAYS`` ago, moved by ``delta`` (negative: longer ago)."""
    closed = timezone.now() - timedelta(days=settings.RETENTION_DAYS) + delta
    model.objects.filter(pk=obj.pk).update(closed_at=closed)
    return closed


def counts(case_pk):
    return {
        "case": Stafettlogg.objects.filter(pk=case_pk).count(),
        "entries": Innslag.objects.filter(stafettlogg_id=case_pk).count(),
        "consents": Samtykke.objects.filter(stafettlogg_id=case_pk).count(),
        "participants": Deltaker.objects.filter(stafettlogg_id=case_pk).count(),
        "guardians": Foresatt.objects.filter(stafettlogg_id=case_pk).count(),
        "records": DeletionRecord.objects.count(),
    }


def test_the_period_is_counted_from_the_closing(people, case, settings):
    settings.RETENTION_DAYS = 30
    before = timezone.now() - timedelta(days=30)
    cutoff = retention.retention_cutoff()
    assert before <= cutoff <= timezone.now() - timedelta(days=30)
    close_case(case, people)
    _closed_at(Stafettlogg, case, settings, timedelta(minutes=5))
    assert list(retention.expired_cases()) == []
    _closed_at(Stafettlogg, case, settings, -timedelta(minutes=5))
    assert list(retention.expired_cases()) == [Stafettlogg.objects.get(pk=case.pk)]


def test_a_case_still_open_is_never_deleted_however_old(people, case, settings):
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 400)
    )
    before = counts(case.pk)
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.failures) == (0, 0, [])
    assert counts(case.pk) == before


def test_expired_cases_go_oldest_first(people, case, settings):
    close_case(case, people)
    other = open_case(people, child="Ola Testbarn")
    close_case(other, people)
    _closed_at(Stafettlogg, case, settings, -timedelta(days=2))
    _closed_at(Stafettlogg, other, settings, -timedelta(days=9))
    assert list(retention.expired_cases().values_list("pk", flat=True)) == [other.pk, case.pk]


@pytest.mark.sqlite_path
def test_a_delete_asked_for_too_early_changes_nothing(people, case, settings):
    close_case(case, people)
    _closed_at(Stafettlogg, case, settings, timedelta(hours=1))
    before = counts(case.pk)
    with pytest.raises(ValueError, match="not closed and past the retention period"):
        retention.case_delete(case=case)
    assert counts(case.pk) == before
    open_one = open_case(people, child="Ola Testbarn")
    Stafettlogg.objects.filter(pk=open_one.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 5)
    )
    before = counts(open_one.pk)
    with pytest.raises(ValueError, match="not closed"):
        retention.case_delete(case=open_one)
    assert counts(open_one.pk) == before


def test_everything_of_a_case_goes_and_its_record_says_when_and_who(people, case, settings):
    holder = people["users"]["stafettholder"]
    measure = case.entries.get(kind=Innslag.Kind.MEASURE)
    EvaluationReminder.objects.create(entry=measure, evaluate_by=timezone.localdate())
    report = services.report_record(user=holder, sent_on=timezone.localdate(), case=case)
    services.handover_request(
        case=case, user=holder, to_user=people["users"]["participant"], to_tjeneste=people["clinic"]
    )
    assert Overforing.objects.filter(stafettlogg=case).exists()
    close_case(case, people)
    closed = _closed_at(Stafettlogg, case, settings, -timedelta(days=1))
    case.refresh_from_db()
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.deleted) == (1, 0, 1)
    assert counts(case.pk) == {
        "case": 0, "entries": 0, "consents": 0, "participants": 0, "guardians": 0, "records": 1,
    }  # fmt: skip
    assert not Overforing.objects.filter(stafettlogg_id=case.pk).exists()
    assert not EvaluationReminder.objects.filter(entry_id=measure.pk).exists()
    # The report that one was sent is kept, without the case.
    report.refresh_from_db()
    assert report.stafettlogg_id is None
    assert MeldingTilBarnevern.objects.filter(pk=report.pk).exists()
    record = DeletionRecord.objects.get()
    assert (record.kind, record.object_id) == ("stafettlogg", case.pk)
    assert record.tjeneste_id == people["kindergarten"].pk
    assert record.opened_at == case.opened_at
    assert record.closed_at == closed
    assert record.closed_by == holder


def _undring(people, settings, *, status="closed", delta=-timedelta(days=1), refused_by=""):
    author = people["users"]["stafettholder"]
    undring = open_undring(people)
    if refused_by:
        services.refusal_record(
            undring=undring, user=author, given_by=refused_by, services=[people["clinic"]]
        )
    if status == "closed":
        services.undring_close(undring=undring, user=author, reason="Ingen grunn")
    else:
        Undring.objects.filter(pk=undring.pk).update(status=status)
    _closed_at(Undring, undring, settings, delta)
    return Undring.objects.get(pk=undring.pk)


def test_closed_and_escalated_concerns_go_after_the_period_and_open_ones_stay(people, settings):
    closed = _undring(people, settings)
    escalated = _undring(people, settings, status=Undring.Status.ESCALATED)
    recent = _undring(people, settings, delta=timedelta(minutes=5))
    still_open = _undring(people, settings, status=Undring.Status.OPEN)
    assert list(retention.expired_undringer()) == [closed, escalated]
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.deleted) == (0, 2, 2)
    assert set(Undring.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    records = DeletionRecord.objects.filter(kind="undring").order_by("object_id")
    assert [r.object_id for r in records] == [closed.pk, escalated.pk]
    record = records[0]
    assert record.tjeneste_id == people["kindergarten"].pk
    assert record.opened_at == closed.created_at
    assert record.closed_at == closed.closed_at
    assert record.closed_by == people["users"]["stafettholder"]


@pytest.mark.sqlite_path
def test_a_concern_whose_case_lives_is_not_deleted_when_asked_directly(people, settings):
    undring = _undring(people, settings)
    case = open_case(people, child="Kari Testbarn")
    Stafettlogg.objects.filter(pk=case.pk).update(undring=undring)
    with pytest.raises(ValueError, match="led to a case log"):
        retention.undring_delete(undring=undring)
    assert Undring.objects.filter(pk=undring.pk).exists()
    assert not DeletionRecord.objects.exists()


def test_a_concerns_refusal_goes_with_it(people, settings):
    undring = _undring(people, settings, refused_by="Per Forelder")
    refusal = Samtykke.objects.get(undring=undring)
    retention.undring_delete(undring=undring)
    assert not Samtykke.objects.filter(pk=refusal.pk).exists()
    assert not Samtykke.services.through.objects.filter(samtykke_id=refusal.pk).exists()


def test_while_the_archive_is_required_a_case_waits_for_its_receipt(people, case, settings):
    settings.ARCHIVE_REQUIRED = True
    close_case(case, people)
    _closed_at(Stafettlogg, case, settings, -timedelta(days=1))
    assert list(retention.expired_cases()) == []
    before = counts(case.pk)
    with pytest.raises(ValueError, match="no receipt from the archive"):
        retention.case_delete(case=case)
    assert counts(case.pk) == before
    settings.ARCHIVE_REQUIRED = False
    assert retention.archive_required() is False
    assert list(retention.expired_cases().values_list("pk", flat=True)) == [case.pk]


@pytest.mark.sqlite_path
def test_a_failure_is_reported_by_kind_id_class_and_first_line(people, case, settings, monkeypatch):
    close_case(case, people)
    _closed_at(Stafettlogg, case, settings, -timedelta(days=1))
    undring = _undring(people, settings)

    def fail(case):
        raise RuntimeError("line one " + "x" * 300 + "\nline two with a name")

    monkeypatch.setattr(retention, "_case_delete_rows", fail)
    monkeypatch.setattr(
        retention, "undring_delete", lambda **kwargs: (_ for _ in ()).throw(KeyError())
    )
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted) == (0, 0)
    [case_failure, undring_failure] = result.failures
    assert case_failure == {
        "kind": "stafettlogg", "id": case.pk, "error": "RuntimeError",
        "message": ("line one " + "x" * 300)[:200],
    }  # fmt: skip
    assert undring_failure == {"kind": "undring", "id": undring.pk, "error": "KeyError",
                               "message": ""}  # fmt: skip
    assert Stafettlogg.objects.filter(pk=case.pk).exists()


def test_a_case_that_fails_is_recorded_and_the_cases_and_concerns_after_it_still_go(
    people, case, settings, monkeypatch
):
    first, last = (open_case(people, child=f"Barn {n}") for n in range(2))
    _expired(people, settings, first, last)
    close_case(case, people)  # closed today: its delete is refused
    undring = _undring(people, settings)
    # Retention is made to pick the recent case too (first: it has the lowest id), as a bug in
    # its selection would.
    monkeypatch.setattr(
        retention,
        "expired_cases",
        lambda: Stafettlogg.objects.filter(status="closed").order_by("pk"),
    )
    before = counts(case.pk)
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.deleted) == (2, 1, 3)
    assert [(f["kind"], f["id"]) for f in result.failures] == [("stafettlogg", case.pk)]
    assert counts(case.pk) == {**before, "records": before["records"] + 3}
    assert not Stafettlogg.objects.filter(pk__in=[first.pk, last.pk]).exists()
    assert not Undring.objects.filter(pk=undring.pk).exists()


def test_each_expired_case_and_concern_is_counted_and_nothing_of_the_others_goes(
    people, case, settings
):
    kept = open_case(people, child="Kari Testbarn")
    kept_counts = counts(kept.pk)
    others = [open_case(people, child=f"Barn {n}") for n in range(2)]
    for other in others:
        close_case(other, people)
        _closed_at(Stafettlogg, other, settings, -timedelta(days=1))
    # A refusal of a concern that is kept, and a consent of a living case, stay.
    kept_undring = _undring(people, settings, status=Undring.Status.OPEN, refused_by="Per Forelder")
    gone = [_undring(people, settings, refused_by="Lise Forelder") for _ in range(2)]
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.deleted) == (2, 2, 4)
    assert counts(kept.pk) == {**kept_counts, "records": 4}
    assert Stafettlogg.objects.filter(pk=case.pk).exists()
    assert Samtykke.objects.filter(undring=kept_undring).count() == 1
    assert not Undring.objects.filter(pk__in=[u.pk for u in gone]).exists()
    assert Samtykke.objects.filter(stafettlogg=kept).exists()


def _expired(people, settings, *cases):
    for each in cases:
        close_case(each, people)
        _closed_at(Stafettlogg, each, settings, -timedelta(days=1))


def _package(case, status):
    return ArchivePackage.objects.create(case_id=case.pk, tjeneste=case.tjeneste, status=status)


def _earlier_record(people, *, pk, kind, object_id):
    """A deletion record from before with a high id: on PostgreSQL above the ones a run makes
    (an explicit id leaves the sequence behind), so the link must pick the case's own record
    by kind and id, not the newest one (SQLite numbers the next row after it)."""
    return DeletionRecord.objects.create(
        pk=pk, kind=kind, object_id=object_id, tjeneste=people["kindergarten"],
        opened_at=timezone.now() - timedelta(days=4000),
    )  # fmt: skip


def test_an_archived_case_goes_and_its_package_names_its_own_deletion_record(
    people, case, settings
):
    settings.ARCHIVE_REQUIRED = True
    waiting = open_case(people, child="Ola Testbarn")
    _expired(people, settings, case, waiting)
    archived = _package(case, ArchivePackage.Status.ARCHIVED)
    received = _package(waiting, ArchivePackage.Status.RECEIVED)
    # A concern's record with the case's id, and another case's record, both with higher ids.
    concern_record = _earlier_record(people, pk=10_000, kind="undring", object_id=case.pk)
    other_record = _earlier_record(people, pk=10_001, kind="stafettlogg", object_id=waiting.pk + 99)
    assert list(retention.expired_cases().values_list("pk", flat=True)) == [case.pk]
    waiting_before = counts(waiting.pk)
    result = retention.retention_run()
    assert (result.cases_deleted, result.undringer_deleted, result.failures) == (1, 0, [])
    assert not Stafettlogg.objects.filter(pk=case.pk).exists()
    record = DeletionRecord.objects.get(kind="stafettlogg", object_id=case.pk)
    archived.refresh_from_db()
    assert archived.deletion_record == record
    # The case still waiting for its receipt stays as it was, its package unlinked.
    received.refresh_from_db()
    assert received.deletion_record is None
    assert counts(waiting.pk) == {**waiting_before, "records": waiting_before["records"] + 1}
    assert not ArchivePackage.objects.filter(
        deletion_record__in=[concern_record, other_record]
    ).exists()


def test_a_package_that_names_a_record_already_keeps_it(people, case, settings):
    _expired(people, settings, case)
    named = _earlier_record(people, pk=10_000, kind="stafettlogg", object_id=case.pk + 99)
    package = _package(case, ArchivePackage.Status.ARCHIVED)
    ArchivePackage.objects.filter(pk=package.pk).update(deletion_record=named)
    result = retention.retention_run()
    assert (result.cases_deleted, result.failures) == (1, [])
    package.refresh_from_db()
    assert package.deletion_record == named
    new_record = DeletionRecord.objects.get(kind="stafettlogg", object_id=case.pk)
    assert not ArchivePackage.objects.filter(deletion_record=new_record).exists()


def test_without_the_setting_the_archive_is_not_required(people, case, settings):
    del settings.ARCHIVE_REQUIRED
    assert retention.archive_required() is False
    _expired(people, settings, case)
    assert list(retention.expired_cases().values_list("pk", flat=True)) == [case.pk]
    result = retention.retention_run()
    assert (result.cases_deleted, result.failures) == (1, [])
    assert not Stafettlogg.objects.filter(pk=case.pk).exists()


def _case_files(case, people):
    """A signed consent form, a finished insight PDF and one still waiting (no file yet)."""
    paths = case_files(case, people)
    InsightReport.objects.create(stafettlogg=case, requested_by=people["users"]["stafettholder"])
    return paths


def test_a_cases_files_go_only_after_the_commit_and_no_other_cases_files(
    people, case, settings, django_capture_on_commit_callbacks
):
    kept = open_case(people, child="Kari Testbarn")
    paths = _case_files(case, people)
    kept_paths = _case_files(kept, people)
    _expired(people, settings, case)
    with django_capture_on_commit_callbacks() as callbacks:
        result = retention.retention_run()
    assert (result.cases_deleted, result.failures) == (1, [])
    assert not InsightReport.objects.filter(stafettlogg_id=case.pk).exists()
    # Until the commit every file is still there.
    assert all(path.exists() for path in paths + kept_paths)
    for callback in callbacks:
        callback()
    assert not any(path.exists() for path in paths)
    assert all(path.exists() for path in kept_paths)
    assert InsightReport.objects.filter(stafettlogg=kept).count() == 2


def _closed_at_and_before_the_cutoff(people, case):
    """``case`` closed exactly at the cutoff and another one second before it (the clock is
    frozen by the caller): the cutoff and that other case."""
    cutoff = retention.retention_cutoff()
    past = open_case(people, child="Ola Testbarn")
    for each, closed_at in ((case, cutoff), (past, cutoff - timedelta(seconds=1))):
        close_case(each, people)
        Stafettlogg.objects.filter(pk=each.pk).update(closed_at=closed_at)
    return cutoff, past


def test_the_period_ends_at_the_cutoff_itself(people, case, settings):
    with time_machine.travel(timezone.now(), tick=False):
        cutoff, past = _closed_at_and_before_the_cutoff(people, case)
        at = _undring(people, settings, delta=timedelta(0))
        before = _undring(people, settings, delta=-timedelta(seconds=1))
        assert cutoff == timezone.now() - timedelta(days=settings.RETENTION_DAYS)
        assert list(retention.expired_cases().values_list("pk", flat=True)) == [past.pk]
        assert list(retention.expired_undringer()) == [before]
        assert Undring.objects.get(pk=at.pk).closed_at == cutoff


@pytest.mark.sqlite_path
def test_a_case_closed_exactly_at_the_cutoff_is_refused_and_one_second_before_goes(
    people, case, settings
):
    with time_machine.travel(timezone.now(), tick=False):
        _cutoff, past = _closed_at_and_before_the_cutoff(people, case)
        before = counts(case.pk)
        with pytest.raises(ValueError, match="not closed and past the retention period"):
            retention.case_delete(case=case)
        assert counts(case.pk) == before
        retention.case_delete(case=past)
        assert not Stafettlogg.objects.filter(pk=past.pk).exists()
        assert list(DeletionRecord.objects.values_list("object_id", flat=True)) == [past.pk]


def test_concerns_go_oldest_closed_first(people, settings):
    newer = _undring(people, settings, delta=-timedelta(days=2))
    older = _undring(people, settings, delta=-timedelta(days=9))
    assert list(retention.expired_undringer()) == [older, newer]
