"""The printable one-page summary of a level, rendered by WeasyPrint."""

from django.template.loader import render_to_string
from django.utils.translation import get_language


def level_summary_pdf(request, niva) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only PDFs need

    html = render_to_string(
        "handlingsveileder/level_summary_pdf.html",
        {"niva": niva, "language": get_language()},
        request=request,
    )
    # PDF/UA: tagged, with the page's language, so a screen reader reads it in order.
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        pdf_variant="pdf/ua-1"
    )
