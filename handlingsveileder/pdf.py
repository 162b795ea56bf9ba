"""The printable one-page summary of a level, rendered by WeasyPrint."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from bts_portal.pdf import write_pdf


def level_summary_pdf(request, niva) -> bytes:
    html = render_to_string(
        "handlingsveileder/level_summary_pdf.html",
        {"niva": niva, "language": get_language()},
        request=request,
    )
    # PDF/UA: tagged, with the page's language, so a screen reader reads it in order.
    return write_pdf(html, base_url=request.build_absolute_uri("/"))
