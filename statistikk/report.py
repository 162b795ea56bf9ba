"""The annual report (årsrapport BTS) as PDF: the coordinator's assessment first, then the
indicators with last year beside this year, then the appendices about the figures.

The one renderer: the shared PDF pipeline (``statistikk.tasks``), the benchmark and the tests
all call ``render_report``, on the cached release the dashboard and the CSV show. The PDF goes
out as every other PDF does (``bts_portal.pdf``): PDF/UA-1, tagged, with ``<html lang>``.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from bts_portal.content.markdown import render_markdown
from bts_portal.pdf import letterhead, write_pdf

from .charts import bars
from .models import Arsrapport, ReportFile
from .release_cache import cached_release


def report_context(report: ReportFile) -> dict:
    release = cached_release(report.year)
    scope = report.tjeneste_id
    tables = [
        {"table": t, "bars": bars(t)[0], "height": bars(t)[1]}
        for t in release.tables(report.year, scope)
    ]
    narrative = Arsrapport.objects.filter(year=report.year).first()
    return {
        "report": report, "tables": tables, "narrative": narrative, **letterhead(),
        "sections": {key: render_markdown(getattr(narrative, key, "") or "")
                     for key in ("assessment", "what_worked", "plan_next_year")},
        "generated_at": timezone.now(),
    }  # fmt: skip


def render_report(report: ReportFile) -> bytes:
    return write_pdf(render_to_string("statistikk/report_pdf.html", report_context(report)))
