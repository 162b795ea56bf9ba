"""The demo municipality's statistics (issue 15): over the three years of demo history the
interval audit passes, the complementary suppression keeps the municipality's figures (what
the annual report shows) nearly whole, and the annual report renders with the logo, both
years and the follow-up indicators, as a tagged PDF with its language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone, translation

from organisasjon.models import Bruker
from statistikk.disclosure import State, publish
from statistikk.indicators import MUNICIPALITY
from statistikk.models import ReportFile
from statistikk.report import render_report, report_context

from .pdf_checks import assert_tagged
from .services import require_weasyprint

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def demo():
    call_command("load_demo", "--history", stdout=StringIO())


def test_the_demo_release_passes_the_audit_and_keeps_the_municipal_figures(demo, settings):
    limit = settings.STATS_MIN_CELL
    with translation.override("nb"):
        release = publish(YEAR)
    findings = release.audit()
    assert findings, "the demo history has small figures to protect"
    assert [f for f in findings if not f.ok] == []

    model = release.model
    figures = [i for i, published in enumerate(model.published) if published]
    small = [i for i in figures if model.values[i] < limit and i not in model.structural]
    secondary = [i for i in figures if model.values[i] >= limit and model.states[i] != "shown"]
    # Every small figure is suppressed; few others are hidden to protect them, and a small
    # figure reads "–" (no claim about its size) only where "<5" could not be kept.
    assert all(model.states[i] != State.SHOWN for i in small)
    assert len(secondary) <= len([i for i in figures if model.values[i] >= limit]) // 5
    assert sum(model.states[i] == State.WITHHELD for i in small) <= len(small) // 50

    municipal = [i for i in figures if model.keys[i][1] in (MUNICIPALITY, "*")]
    municipal_large = [i for i in municipal if model.values[i] >= limit]
    hidden_there = [i for i in municipal_large if model.states[i] != State.SHOWN]
    assert len(hidden_there) <= len(municipal_large) // 10
    for year in (YEAR, YEAR - 1):
        cases = {t.key: t for t in release.tables(year, MUNICIPALITY)}["stafettlogger"]
        assert all(cell.state == State.SHOWN for cell in cases.cells), (year, cases.cells)


def test_the_demo_annual_report_has_logo_both_years_and_the_follow_up(demo):
    require_weasyprint()
    report = ReportFile.objects.create(
        year=YEAR, generated_by=Bruker.objects.get(username="koordinator")
    )
    with translation.override("nb"):
        pdf = render_report(report)
        html = render_to_string("statistikk/report_pdf.html", report_context(report))
    reader = assert_tagged(pdf, "nb")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "kommunevapen.svg" in html
    assert '<img src="file://' in html
    assert f"{YEAR} {YEAR - 1}" in text
    for heading in ("Stafettlogger", "Leseliste", "Opplæring og orientering",
                    "Ressursgruppe og BTS-forum", "Skriftlige rutiner per tjeneste"):  # fmt: skip
        assert heading in text, heading
    assert text.index("Vurdering av året", text.index("Innhold") + 10) < text.index("Stafettlogger")
