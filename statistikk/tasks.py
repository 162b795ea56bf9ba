"""The annual report as PDF, made in the background with its progress recorded."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bts_portal.content.markdown import render_markdown

from .charts import bars
from .indicators import compute
from .models import Arsrapport, ReportFile

logger = logging.getLogger(__name__)


def render_report(report: ReportFile) -> bytes:
    from weasyprint import HTML  # needs Pango; loaded only when a PDF is made

    tables = [
        {"table": t, "bars": bars(t)[0], "height": bars(t)[1]}
        for t in compute(report.year, report.tjeneste)
    ]
    narrative = Arsrapport.objects.filter(year=report.year).first()
    html = render_to_string("statistikk/report_pdf.html", {
        "report": report, "tables": tables, "narrative": narrative,
        "kommune_navn": settings.KOMMUNE_NAVN,
        "sections": {key: render_markdown(getattr(narrative, key, "") or "")
                     for key in ("assessment", "what_worked", "plan_next_year")},
        "generated_at": timezone.now(),
    })  # fmt: skip
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


@shared_task(name="statistikk.build_annual_report")
def build_annual_report(report_pk: int) -> str:
    report = ReportFile.objects.select_related("tjeneste").get(pk=report_pk)
    ReportFile.objects.filter(pk=report.pk).update(status=ReportFile.Status.RUNNING, progress=20)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            pdf = render_report(report)
    except Exception:
        logger.exception("annual report %s failed", report_pk)
        ReportFile.objects.filter(pk=report.pk).update(status=ReportFile.Status.FAILED)
        raise
    ReportFile.objects.filter(pk=report.pk).update(progress=90)
    report.file.save(f"arsrapport-{report.year}-{report.pk}.pdf", ContentFile(pdf), save=False)
    report.status = ReportFile.Status.DONE
    report.progress = 100
    report.finished_at = timezone.now()
    report.save(update_fields=["file", "status", "progress", "finished_at"])
    return report.status
