"""The annual report as PDF, made in the background by the shared document pipeline."""

from celery import shared_task
from django.conf import settings
from django.utils import translation

from bts_portal.jobs import build_document

from .models import ReportFile
from .report import render_report


def render_annual_report(report: ReportFile, progress=lambda percent: None) -> bytes:
    """The PDF's bytes for the shared pipeline (bts_portal.jobs), which stores them: the same
    renderer as everywhere else, on the cached release the dashboard and the CSV show."""
    progress(20)
    with translation.override(settings.LANGUAGE_CODE):
        return render_report(report)


@shared_task(name="statistikk.build_annual_report")
def build_annual_report(report_pk: int) -> str:
    """Kept for messages queued before the shared pipeline (bts_portal.jobs) took over."""
    return build_document.run("annual_report", report_pk)
