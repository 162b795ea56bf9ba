"""The citizen's own insight report (the right of access, GDPR art. 15) through the same job
pipeline as the staff's (``bts_portal.jobs``): My page asks for it, shows it being prepared,
ready or failed, and the person whose link asked downloads it. Nothing needs JavaScript: the
status page refreshes itself while the job runs and has a "check again" link.

Each report names the link that asked (``InsightReport.citizen``): another citizen, another
party of the same case and the staff's insight pages all get 404 for it. Every request is one
access-log row naming the link (``citizen_case_view``), the download as ``citizen.insight``.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from bts_portal import jobs
from stafettlogg.access_log import citizen_case_view
from stafettlogg.models import InsightReport, Stafettlogg

UNFINISHED = [InsightReport.Status.PENDING, InsightReport.Status.RUNNING]


def insight_request_create(*, case: Stafettlogg, link) -> InsightReport:
    """A report of everything stored about the child for the citizen's link, built in the
    background in the language of their page. A second ask while one is being made leads to
    that one (the case row's lock keeps two clicks to one job)."""
    with transaction.atomic():
        Stafettlogg.objects.select_for_update().get(pk=case.pk)
        report = case.insight_reports.filter(status__in=UNFINISHED, citizen=link).first()
        if report is None:
            report = InsightReport.objects.create(
                stafettlogg=case, citizen=link, language=translation.get_language() or "nb"
            )
            jobs.enqueue(report)  # when the transaction commits
    return report


def _own(case, link, report_pk) -> InsightReport:
    return get_object_or_404(InsightReport, pk=report_pk, stafettlogg=case, citizen=link)


@require_POST
@citizen_case_view(event="citizen.insight_request")
def insight_request(request, case, link):
    report = insight_request_create(case=case, link=link)
    request.audit.object_id = report.pk
    return redirect("minside:insight_status", pk=case.pk, report_pk=report.pk)


@citizen_case_view(event="citizen.insight_status")
def insight_status(request, case, link, report_pk):
    report = _own(case, link, report_pk)
    request.audit.object_id = report.pk
    return render(request, "minside/insight_status.html", {
        "case": case, "report": report, "unfinished": report.status in UNFINISHED,
    })  # fmt: skip


@citizen_case_view(event="citizen.insight")
def insight_download(request, case, link, report_pk):
    """Everything stored about the child, also after a withdrawal: the right of access does
    not end with the consent to share."""
    report = _own(case, link, report_pk)
    request.audit.object_id = report.pk
    return jobs.download(report, f"innsyn-{case.pk}.pdf")
