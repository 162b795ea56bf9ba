"""The guardians' right to insight: everything stored about the child, including who has
read it, as one PDF (WeasyPrint)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from bts_portal.pdf import write_pdf

from .insight_content import letter_context
from .models import AccessLog, InsightReport


def insight_context(case) -> dict:
    access_log = list(
        AccessLog.objects.filter(stafettlogg_id=case.pk)
        .select_related("user", "tjeneste", "citizen__foresatt")
        .order_by("at", "pk")
    )
    return {
        **letter_context(case, access_log),
        "case": case,
        "guardians": [g for g in case.guardians.all() if not g.is_young_person],
        "consents": list(case.consents.prefetch_related("services").select_related("recorded_by")),
        "participants": list(case.participants.select_related("user", "tjeneste")),
        "entries": list(
            case.entries.select_related(
                "author", "author_tjeneste", "corrects__author", "measure"
            ).order_by("created_at", "pk")
        ),
        "reports": list(case.reports.select_related("sent_by")),
        "access_log": access_log,
        "archive": archived_copy(case),
        "generated_at": timezone.now(),
    }


def archived_copy(case):
    """Where and when the log was archived (issue 22), for the guardians to know."""
    from django.apps import apps

    if not apps.is_installed("arkiv"):
        return None
    from arkiv.selectors import archived_package

    return archived_package(case_id=case.pk)


def render_case(case, *, language: str = "nb") -> bytes:
    """The same PDF for a guardian on My page, in the language of their page."""
    with translation.override(language if language in {"nb", "nn", "en"} else "nb"):
        return write_pdf(render_to_string("stafettlogg/insight_pdf.html", insight_context(case)))


def render(report: InsightReport, progress=lambda percent: None) -> bytes:
    """The PDF's bytes; bts_portal.jobs stores them and records the job's state. A
    citizen's report is in the language of the page they asked from."""
    with translation.override(report.language if report.language in {"nb", "nn", "en"} else "nb"):
        context = insight_context(report.stafettlogg)
        progress(30)
        html = render_to_string("stafettlogg/insight_pdf.html", context)
        progress(60)
        # PDF/UA with the language set, like every PDF meant for people here.
        return write_pdf(html)
