"""The printable one-page summary of a level, rendered by WeasyPrint."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from .pdf_checks import assert_tagged
from .services import require_weasyprint

pytestmark = pytest.mark.django_db


def test_level_2_summary_fits_on_one_a4_page(client, employee):
    require_weasyprint()
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(employee)
    response = client.get("/ansatt/veileder/nivaa/2/sammendrag.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    for title in ["Utvid samtykket", "Samarbeidsmøte", "Felles plan", "Evaluer sammen"]:
        assert title in text
    assert "Opplysningsplikt" in text


def test_every_level_summary_is_one_page(client, employee):
    require_weasyprint()
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(employee)
    for number in range(4):
        content = client.get(f"/ansatt/veileder/nivaa/{number}/sammendrag.pdf").content
        assert len(PdfReader(io.BytesIO(content)).pages) == 1, number


def test_level_summaries_are_tagged_with_their_language(client, employee):
    require_weasyprint()
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(employee)
    reader = assert_tagged(client.get("/ansatt/veileder/nivaa/1/sammendrag.pdf").content, "nb")
    # Reading order: the title, the purpose, then the steps in order.
    text = " ".join(reader.pages[0].extract_text().split())
    steps = ["Nivå 1", "Innhent samtykke", "Lag en kort plan", "Gjennomfør tiltakene", "Evaluer"]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    client.post("/i18n/setlang/", {"language": "nn", "next": "/ansatt/"})
    assert_tagged(client.get("/ansatt/veileder/nivaa/1/sammendrag.pdf").content, "nn")
