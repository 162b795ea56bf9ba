"""Background work for the case logs: insight PDFs, evaluation reminders, retention."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bts_portal import mail
from bts_portal.jobs import build_document

from . import retention
from .models import (
    EvaluationReminder,
    Stafettlogg,
)

logger = logging.getLogger(__name__)


@shared_task(name="stafettlogg.build_insight_report")
def build_insight_report(report_pk: int) -> str:
    """Kept for messages queued before the shared pipeline (bts_portal.jobs) took over."""
    return build_document.run("insight", report_pk)


@shared_task(name="stafettlogg.send_evaluation_reminders")
def send_evaluation_reminders() -> int:
    """E-mail the baton holder when a case's next evaluation is due, once per date. The date
    is the one the case shows (``services.next_evaluation_date``: a pending measure, or what
    the latest evaluation set). The e-mail holds no child data, only a link."""
    from .services import entry_setting_next_evaluation

    today = timezone.localdate()
    cases = Stafettlogg.objects.filter(
        status=Stafettlogg.Status.ACTIVE, next_evaluation__lte=today
    ).select_related("stafettholder")
    sent = 0
    for case in cases.order_by("next_evaluation", "pk"):
        entry = entry_setting_next_evaluation(case)
        if entry is None:
            continue
        holder = case.stafettholder
        if not holder.email or not holder.is_active:
            continue
        try:
            with transaction.atomic():
                EvaluationReminder.objects.create(entry=entry, evaluate_by=case.next_evaluation)
                url = settings.PORTAL_BASE_URL + reverse("stafettlogg:case", kwargs={"pk": case.pk})
                # Sent by its own task, retried there; a failed send does not stop the
                # others, and the reminder row is written once the send is handed over.
                with translation.override(settings.LANGUAGE_CODE):
                    mail.send_later(
                        subject=_("A measure is due for evaluation"),
                        body=_(
                            "A measure in a case log where you hold the baton is due for "
                            "evaluation. Log in to see it:\n%(url)s\n"
                        )
                        % {"url": url},
                        to=[holder.email],
                    )
        except IntegrityError:
            continue
        sent += 1
    return sent


@shared_task(name="stafettlogg.delete_expired_cases", soft_time_limit=3600, time_limit=3700)
def delete_expired_cases() -> int:
    """Delete closed cases and concerns older than the retention period, each in its own
    transaction, keeping a record of each (ids, dates, who closed it; no content). The run
    itself is recorded for the BTS coordinator, with what could not be deleted."""
    from drift.models import RetentionRun

    run = RetentionRun.objects.create(started_at=timezone.now())
    result = retention.retention_run()
    run.cases_deleted = result.cases_deleted
    run.undringer_deleted = result.undringer_deleted
    run.failures = result.failures
    run.finished_at = timezone.now()
    run.save()
    if result.failures:
        logger.error("retention: %d could not be deleted", len(result.failures))
    return result.deleted
