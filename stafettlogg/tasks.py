"""Background work for the case logs: insight PDFs, reminders of evaluations and of the
guide's steps, retention."""

import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bts_portal import mail
from bts_portal.jobs import build_document

from . import checklist, retention
from .due import DAY
from .models import (
    EvaluationReminder,
    Stafettlogg,
    StepReminder,
)

logger = logging.getLogger(__name__)


# --- Reminders: one row per reminder ever (a unique constraint), its e-mail handed over in the
# same transaction, so a second run or a second beat reminds no one twice ---------------------


def _case_link(name: str, pk: int) -> str:
    """The portal's address of one case page: the only thing about a case a reminder holds."""
    return settings.PORTAL_BASE_URL + reverse(name, kwargs={"pk": pk})


if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


def _remind_once(
    record: Callable[[], object], *, subject: "str | StrPromise", body, to: list[str]
) -> bool:
    """Write the reminder's row (``record``) and hand over its e-mail (``body``: the text, or
    a function that makes it) in one transaction, in the portal's language. False when the
    row exists already: another run has sent it. The e-mail is sent by its own task and
    retried there, so a failed send does not stop the others."""
    try:
        with transaction.atomic():
            record()
            if to:
                with translation.override(settings.LANGUAGE_CODE):
                    text = body() if callable(body) else body
                    mail.send_later(subject=str(subject), body=text, to=to)
    except IntegrityError:
        return False
    return True


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
        url = _case_link("stafettlogg:case", case.pk)
        if _remind_once(
            # The defaults bind this turn's values (mypy infers no type for such a lambda).
            lambda entry=entry, case=case: EvaluationReminder.objects.create(  # type: ignore[misc]
                entry=entry, evaluate_by=case.next_evaluation
            ),
            subject=gettext_lazy("A measure is due for evaluation"),
            body=lambda url=url: (
                _(
                    "A measure in a case log where you hold the baton is due for "
                    "evaluation. Log in to see it:\n%(url)s\n"
                )
                % {"url": url}
            ),
            to=[holder.email],
        ):
            sent += 1
    return sent


@shared_task(name="stafettlogg.send_step_reminders", soft_time_limit=600, time_limit=660)
def send_step_reminders() -> int:
    """E-mail each baton holder the steps of the guide that are due within
    ``STEP_REMINDER_DAYS`` (or overdue and never reminded) in their open cases: one e-mail per
    holder per run, one reminder per step and due date ever. The e-mail names the steps in the
    guide's words and links to the cases; it holds no child data."""
    today = timezone.localdate()
    until = today + timedelta(days=settings.STEP_REMINDER_DAYS)
    cases = list(
        Stafettlogg.objects.filter(
            status=Stafettlogg.Status.ACTIVE,
            stafettholder__is_active=True,
        )
        .exclude(stafettholder__email="")
        .select_related("stafettholder")
        .order_by("pk")
    )
    steps, done = checklist.load(cases)
    reminded = set(
        StepReminder.objects.filter(stafettlogg__in=cases).values_list(
            "stafettlogg_id", "step_key", "due"
        )
    )
    due_by_holder: dict = defaultdict(list)
    for case in cases:
        for item in checklist.pending(steps, done, case):
            assert item.due is not None  # pending() leaves only the steps with a due date
            if item.due > until:
                break
            if (case.pk, item.step.key, item.due) not in reminded:
                due_by_holder[case.stafettholder].append((case, item))
    sent = 0
    for holder, due in due_by_holder.items():
        if _remind_once(
            lambda due=due: StepReminder.objects.bulk_create(  # type: ignore[misc]  # as above
                [
                    StepReminder(stafettlogg=case, step_key=item.step.key, due=item.due)
                    for case, item in due
                ]
            ),
            subject=gettext_lazy("Steps in the guide are due in your case logs"),
            body=lambda due=due: _step_reminder_body(due, today),
            to=[holder.email],
        ):
            sent += len(due)
    return sent


def _step_reminder_body(due, today) -> str:
    lines = [_("Steps of the BTI guide in case logs where you hold the baton:"), ""]
    for case, item in due:
        url = _case_link("stafettlogg:case", case.pk)
        when = date_format(item.due, "d.m.Y")
        text = _("was due %(date)s") if item.due < today else _("due %(date)s")
        lines.append(f"- {item.step.title} ({text % {'date': when}}): {url}")
    return "\n".join([*lines, ""])


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


@shared_task(name="stafettlogg.send_consent_renewals")
def send_consent_renewals() -> int:
    """Ask the guardians on My page to renew every active consent that ends within
    ``CONSENT_RENEWAL_DAYS`` (a renewal request with one confirmation), and tell the baton
    holder: once per consent and end date (``ConsentRenewalReminder``'s unique constraint, so
    a second run, or a second beat, asks no one twice). The e-mails hold no child data."""
    from . import digital_consent
    from .consent import consents_ending
    from .models import ConsentRenewalReminder

    due = consents_ending(within_days=settings.CONSENT_RENEWAL_DAYS).select_related(
        "stafettlogg__stafettholder"
    )
    sent = 0
    for samtykke in due.order_by("valid_until", "pk"):

        def record(samtykke=samtykke) -> None:
            ConsentRenewalReminder.objects.create(
                samtykke=samtykke, valid_until=samtykke.valid_until
            )
            digital_consent.renewal_request(samtykke=samtykke)

        case = samtykke.stafettlogg
        assert case is not None  # consents_ending() gives consents of active cases only
        holder = case.stafettholder
        url = _case_link("stafettlogg:consent", case.pk)
        if _remind_once(
            record,
            subject=gettext_lazy("A consent is about to end"),
            body=lambda samtykke=samtykke, url=url: (
                _(
                    "A consent in a case log where you hold the baton ends on "
                    "%(date)s. The guardians on My page have been asked to renew "
                    "it; the others renew it with you. Log in to see it:\n%(url)s\n"
                )
                % {"date": samtykke.valid_until.strftime(DAY), "url": url}
            ),
            to=[holder.email] if holder.email and holder.is_active else [],
        ):
            sent += 1
    return sent
