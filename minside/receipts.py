"""The receipt each party gets for their answer to a consent request: a tagged PDF (PDF/UA,
``bts_portal.pdf``) in the language they answered in, with the municipality's letterhead."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from bts_portal.pdf import letterhead, write_pdf
from stafettlogg.models import SamtykkeSvar, Stafettlogg


def render(case: Stafettlogg, answer: SamtykkeSvar) -> bytes:
    language = answer.language if answer.language in {"nb", "nn", "en"} else "nb"
    with translation.override(language):
        html = render_to_string("minside/receipt_pdf.html", {
            "case": case, "answer": answer, "request": answer.request,
            "first_name": (case.child_name.split() or [""])[0],
            "proposed": list(answer.request.services.order_by("name", "pk")),
            "kept": list(answer.services.order_by("name", "pk")),
            "samtykke": answer.request.samtykke, "made": timezone.now(), **letterhead(),
        })  # fmt: skip
        return write_pdf(html)
