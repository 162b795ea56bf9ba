"""The guardians' right to insight: everything stored about the child, including who has
read it, as one PDF (WeasyPrint)."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import AccessLog, InsightReport


def insight_context(case) -> dict:
    return {
        "case": case,
        "guardians": list(case.guardians.all()),
        "consents": list(case.consents.prefetch_related("services").select_related("recorded_by")),
        "participants": list(case.participants.select_related("user", "tjeneste")),
        "entries": list(
            case.entries.select_related(
                "author", "author_tjeneste", "corrects", "measure"
            ).order_by("created_at", "pk")
        ),
        "reports": list(case.reports.select_related("sent_by")),
        "access_log": list(
            AccessLog.objects.filter(stafettlogg_id=case.pk)
            .select_related("user", "tjeneste")
            .order_by("at", "pk")
        ),
        "generated_at": timezone.now(),
    }


def build(report: InsightReport, *, progress=lambda percent: None) -> None:
    from weasyprint import HTML  # needs Pango; loaded only when a PDF is made

    case = report.stafettlogg
    with translation.override("nb"):
        context = insight_context(case)
        progress(30)
        html = render_to_string("stafettlogg/insight_pdf.html", context)
        progress(60)
        pdf = HTML(string=html).write_pdf()
    progress(90)
    report.file.save(f"innsyn-{case.pk}-{report.pk}.pdf", ContentFile(pdf), save=False)
