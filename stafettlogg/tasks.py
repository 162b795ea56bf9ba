"""Background work for the case logs: insight PDFs, evaluation reminders, retention."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import (
    DeletionRecord,
    EvaluationReminder,
    Innslag,
    InsightReport,
    Stafettlogg,
    Undring,
)

logger = logging.getLogger(__name__)


@shared_task(name="stafettlogg.build_insight_report")
def build_insight_report(report_pk: int) -> str:
    from . import insight

    report = InsightReport.objects.select_related("stafettlogg").get(pk=report_pk)

    def progress(percent: int) -> None:
        InsightReport.objects.filter(pk=report.pk).update(progress=percent)

    InsightReport.objects.filter(pk=report.pk).update(
        status=InsightReport.Status.RUNNING, progress=10
    )
    try:
        insight.build(report, progress=progress)
    except Exception:
        logger.exception("insight report %s failed", report_pk)
        InsightReport.objects.filter(pk=report.pk).update(status=InsightReport.Status.FAILED)
        raise
    report.status = InsightReport.Status.DONE
    report.progress = 100
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "progress", "finished_at"])
    return report.status


@shared_task(name="stafettlogg.send_evaluation_reminders")
def send_evaluation_reminders() -> int:
    """E-mail the baton holder when a measure's evaluation date is reached, once per date.
    The e-mail holds no child data, only a link."""
    today = timezone.localdate()
    due = (
        Innslag.objects.filter(
            kind=Innslag.Kind.MEASURE,
            evaluate_by__lte=today,
            stafettlogg__status=Stafettlogg.Status.ACTIVE,
            evaluations__isnull=True,
        )
        .select_related("stafettlogg__stafettholder")
        .order_by("evaluate_by", "pk")
    )
    sent = 0
    for measure in due:
        holder = measure.stafettlogg.stafettholder
        if not holder.email or not holder.is_active:
            continue
        try:
            with transaction.atomic():
                EvaluationReminder.objects.create(entry=measure, evaluate_by=measure.evaluate_by)
                url = settings.PORTAL_BASE_URL + reverse(
                    "stafettlogg:case", kwargs={"pk": measure.stafettlogg_id}
                )
                with translation.override(settings.LANGUAGE_CODE):
                    send_mail(
                        _("A measure is due for evaluation"),
                        _(
                            "A measure in a case log where you hold the baton is due for "
                            "evaluation. Log in to see it:\n%(url)s\n"
                        )
                        % {"url": url},
                        None,
                        [holder.email],
                    )
        except IntegrityError:
            continue
        sent += 1
    return sent


@shared_task(name="stafettlogg.delete_expired_cases")
def delete_expired_cases() -> int:
    """Delete closed cases and concerns older than the retention period, keeping a record
    of each (ids, dates, who closed it; no content)."""
    cutoff = timezone.now() - timedelta(days=settings.RETENTION_DAYS)
    deleted = 0
    for case in Stafettlogg.objects.filter(status=Stafettlogg.Status.CLOSED, closed_at__lt=cutoff):
        with transaction.atomic():
            for report in case.insight_reports.all():
                report.file.delete(save=False)
            for samtykke in case.consents.all():
                if samtykke.document:
                    samtykke.document.delete(save=False)
            if connection.vendor == "postgresql":
                # The portal's role may not delete entries, consents or participants: the
                # owner's function checks that the case has expired, writes the deletion
                # record and deletes the case (stafettlogg migration 0005).
                with connection.cursor() as cursor:
                    cursor.execute("SELECT bts_delete_case(%s)", [case.pk])
            else:
                DeletionRecord.objects.create(
                    kind="stafettlogg", object_id=case.pk, tjeneste_id=case.tjeneste_id,
                    opened_at=case.opened_at, closed_at=case.closed_at, closed_by=case.closed_by,
                )  # fmt: skip
                Stafettlogg.objects.filter(pk=case.pk).delete()
            deleted += 1
    for undring in Undring.objects.filter(
        status__in=[Undring.Status.CLOSED, Undring.Status.ESCALATED], closed_at__lt=cutoff
    ):
        with transaction.atomic():
            DeletionRecord.objects.create(
                kind="undring", object_id=undring.pk, tjeneste_id=undring.tjeneste_id,
                opened_at=undring.created_at, closed_at=undring.closed_at,
                closed_by=undring.author,
            )  # fmt: skip
            undring.delete()
            deleted += 1
    return deleted
