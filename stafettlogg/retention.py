"""Retention: closed cases and concerns are deleted when their period has passed.

Each case and each concern is deleted in its own transaction, so one that fails (a constraint,
a lock, a bug) is recorded and reported while the rest are still deleted. Files are removed
only once their rows are gone for good (``transaction.on_commit``): a rolled-back delete never
leaves a case whose documents are missing. What remains of each is a deletion record (ids and
dates, no content) and the access log.

On PostgreSQL the portal's own role may not delete entries, consents or participants: the
owner's functions ``bts_delete_case`` and ``bts_delete_undring`` check the period and delete
(stafettlogg migrations 0005 and 0006). Elsewhere the same deletes run here, in the same order.

A closed case waits for the archive (``arkiv``, issue 22): while ``ARCHIVE_REQUIRED`` is on it
is deleted only once its package has the archive's receipt, and the package is then linked
to the deletion record, which so names where the archived copy went.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from .models import (
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
    StepReminder,
    Undring,
)

logger = logging.getLogger(__name__)


@dataclass
class RetentionResult:
    cases_deleted: int = 0
    undringer_deleted: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def deleted(self) -> int:
        return self.cases_deleted + self.undringer_deleted


def retention_cutoff() -> datetime:
    return timezone.now() - timedelta(days=settings.RETENTION_DAYS)


def expired_cases():
    cases = Stafettlogg.objects.filter(
        status=Stafettlogg.Status.CLOSED, closed_at__lt=retention_cutoff()
    )
    if archive_required():
        from arkiv.models import ArchivePackage

        archived = ArchivePackage.objects.filter(status=ArchivePackage.Status.ARCHIVED)
        cases = cases.filter(pk__in=archived.values("case_id"))
    return cases.order_by("closed_at", "pk")


def archive_required() -> bool:
    return getattr(settings, "ARCHIVE_REQUIRED", False)


def _link_archive(case_pk: int) -> None:
    """The deletion record names the archive's reference through the case's package."""
    if not apps.is_installed("arkiv"):
        return
    from arkiv.models import ArchivePackage

    record = DeletionRecord.objects.filter(kind="stafettlogg", object_id=case_pk).last()
    ArchivePackage.objects.filter(case_id=case_pk, deletion_record=None).update(
        deletion_record=record
    )


def expired_undringer():
    # A concern that led to a case log is kept while that case exists: the case tells where
    # it came from. Retention deletes the case first, and the concern on a later run or this one.
    return Undring.objects.filter(
        status__in=[Undring.Status.CLOSED, Undring.Status.ESCALATED],
        closed_at__lt=retention_cutoff(),
        stafettlogg__isnull=True,
    ).order_by("closed_at", "pk")


def _remove_files_on_commit(names: list[str]) -> None:
    def remove():
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                # The rows are gone; a file left behind is logged for the operator to remove.
                logger.exception("retention: could not remove %s", name)

    transaction.on_commit(remove)


def case_delete(*, case: Stafettlogg) -> None:
    """Delete one expired case with everything that belongs to it, keeping a deletion record."""
    if archive_required():
        from arkiv.services import is_archived

        if not is_archived(case.pk):
            raise ValueError(f"case {case.pk} has no receipt from the archive yet")
    with transaction.atomic():
        files = [
            *InsightReport.objects.filter(stafettlogg=case)
            .exclude(file="")
            .values_list("file", flat=True),
            *Samtykke.objects.filter(stafettlogg=case)
            .exclude(document="")
            .values_list("document", flat=True),
        ]
        # PostgreSQL deletes through its own function, run as its owner (tested on PostgreSQL
        # in tests/test_db_protection.py); `make mutate` runs on SQLite, so these three lines
        # are left unmutated: their mutants could only survive there.
        if connection.vendor == "postgresql":  # pragma: no mutate
            with connection.cursor() as cursor:  # pragma: no mutate
                cursor.execute("SELECT bts_delete_case(%s)", [case.pk])  # pragma: no mutate
        else:
            _case_delete_rows(case)
        _link_archive(case.pk)
        _remove_files_on_commit(files)


def _case_delete_rows(case: Stafettlogg) -> None:
    """What bts_delete_case does, for databases without it."""
    case = Stafettlogg.objects.select_for_update().get(pk=case.pk)
    if (
        case.status != Stafettlogg.Status.CLOSED
        or case.closed_at is None  # a closed case always has its date
        or not case.closed_at < retention_cutoff()
    ):
        raise ValueError(f"case {case.pk} is not closed and past the retention period")
    DeletionRecord.objects.create(
        kind="stafettlogg", object_id=case.pk, tjeneste_id=case.tjeneste_id,
        opened_at=case.opened_at, closed_at=case.closed_at, closed_by_id=case.closed_by_id,
    )  # fmt: skip
    entries = Innslag.objects.filter(stafettlogg=case)
    EvaluationReminder.objects.filter(entry__in=entries).delete()
    # Corrections and evaluations point at other entries of the case (PROTECT, and entries are
    # append-only in the ORM): one statement deletes them all, as in the database function.
    entries._raw_delete(entries.db)
    consents = Samtykke.objects.filter(stafettlogg=case)
    Samtykke.services.through.objects.filter(samtykke__in=consents).delete()
    consents.delete()
    for model in (Deltaker, Foresatt, Overforing, InsightReport, StepReminder):
        model.objects.filter(stafettlogg=case).delete()
    case.done_steps.all().delete()
    MeldingTilBarnevern.objects.filter(stafettlogg=case).update(stafettlogg=None)
    Stafettlogg.objects.filter(pk=case.pk).delete()


def undring_delete(*, undring: Undring) -> None:
    """Delete one expired concern with its refusals (the guardians' names), keeping a record."""
    with transaction.atomic():
        if connection.vendor == "postgresql":  # pragma: no mutate (as in case_delete)
            with connection.cursor() as cursor:  # pragma: no mutate
                cursor.execute("SELECT bts_delete_undring(%s)", [undring.pk])  # pragma: no mutate
            return
        undring = Undring.objects.select_for_update().get(pk=undring.pk)
        if Stafettlogg.objects.filter(undring=undring).exists():
            raise ValueError(f"concern {undring.pk} led to a case log that still exists")
        DeletionRecord.objects.create(
            kind="undring", object_id=undring.pk, tjeneste_id=undring.tjeneste_id,
            opened_at=undring.created_at, closed_at=undring.closed_at,
            closed_by_id=undring.author_id,
        )  # fmt: skip
        refusals = Samtykke.objects.filter(undring=undring, stafettlogg__isnull=True)
        Samtykke.services.through.objects.filter(samtykke__in=refusals).delete()
        refusals.delete()
        undring.delete()


def _failure(kind: str, pk: int, error: Exception) -> dict:
    # The class and the first line only: a database error may quote a row, and this is shown.
    message = str(error).splitlines()[0][:200] if str(error) else ""
    return {"kind": kind, "id": pk, "error": type(error).__name__, "message": message}


def retention_run() -> RetentionResult:
    """Delete every expired case, then every expired concern; never stop at a failure."""
    result = RetentionResult()
    for case_pk in list(expired_cases().values_list("pk", flat=True)):
        try:
            case_delete(case=Stafettlogg(pk=case_pk))
        except SoftTimeLimitExceeded:
            raise  # the run stops here; the next one goes on where it stopped
        except Exception as error:  # each failure is reported; the others still go
            logger.exception("retention: case %s could not be deleted", case_pk)
            result.failures.append(_failure("stafettlogg", case_pk, error))
        else:
            result.cases_deleted += 1
    for undring_pk in list(expired_undringer().values_list("pk", flat=True)):
        try:
            undring_delete(undring=Undring(pk=undring_pk))
        except SoftTimeLimitExceeded:
            raise
        except Exception as error:
            logger.exception("retention: concern %s could not be deleted", undring_pk)
            result.failures.append(_failure("undring", undring_pk, error))
        else:
            result.undringer_deleted += 1
    return result
