"""The annual report as PDF, made in the background by the shared document pipeline."""

import logging

from celery import shared_task
from celery.signals import worker_init
from django.conf import settings
from django.utils import translation

from bts_portal.jobs import build_document

from .models import ReportFile
from .report import render_report

logger = logging.getLogger(__name__)


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


@worker_init.connect
def load_pdf_libraries(**kwargs) -> None:
    """Load WeasyPrint, and Pango, HarfBuzz and fontconfig through it, once in the worker's
    main process before its pool forks. Loading takes about a second (most of it finding the
    libraries); done on the first PDF job instead, every pool process paid it again, and a
    process is replaced every ``CELERY_WORKER_MAX_TASKS_PER_CHILD`` tasks. The web processes
    never load it: they make no PDFs."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # the job then fails with the reason; the worker still runs
        logger.warning("WeasyPrint could not be loaded: PDF jobs will fail", exc_info=True)
