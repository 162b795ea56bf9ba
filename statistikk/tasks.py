"""The annual report as PDF, made in the background by the shared document pipeline."""

from celery import shared_task
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bts_portal.content.markdown import render_markdown
from bts_portal.jobs import build_document

from .charts import bars
from .indicators import compute
from .models import Arsrapport, ReportFile


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


def render_annual_report(report: ReportFile, progress=lambda percent: None) -> bytes:
    """The PDF's bytes for the shared pipeline (bts_portal.jobs), which stores them."""
    progress(20)
    with translation.override(settings.LANGUAGE_CODE):
        return render_report(report)


@shared_task(name="statistikk.build_annual_report")
def build_annual_report(report_pk: int) -> str:
    """Kept for messages queued before the shared pipeline (bts_portal.jobs) took over."""
    return build_document.run("annual_report", report_pk)
