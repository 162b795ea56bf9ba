"""Every PDF meant for people goes out the same way: WeasyPrint, PDF/UA-1 (tagged, with the
document's language from ``<html lang>``), and the municipality's name and logo at the top."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders


def letterhead() -> dict:
    """The municipality's name and a file URL of its logo, for a PDF's first page."""
    logo = finders.find(settings.KOMMUNE_LOGO)
    return {"kommune_navn": settings.KOMMUNE_NAVN, "logo_url": Path(logo).as_uri() if logo else ""}


def write_pdf(html: str, *, base_url: str | None = None) -> bytes:
    from weasyprint import HTML  # loads Pango, which only PDFs need

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
