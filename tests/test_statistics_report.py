"""The annual report looks finished: logo, both years in every table, the assessment first,
readable headers, PDF/UA with /Lang; the leader at municipal level may make it, and others
are told whom to ask."""

import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from statistikk.models import Arsrapport, ReportFile
from statistikk.report import render_report, report_context

from .case_fixtures import open_case
from .factories import BrukerFactory
from .services import require_weasyprint

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def municipal_leader(db):
    return BrukerFactory(username="kommunedirektor", is_municipal_leader=True)


def test_the_municipal_leader_may_make_the_report_but_not_write_it(client, municipal_leader):
    client.force_login(municipal_leader)
    page = client.get(reverse("statistikk:annual_report", kwargs={"year": YEAR}))
    assert page.status_code == 200
    assert 'name="assessment"' not in page.content.decode()
    response = client.post(reverse("statistikk:annual_report", kwargs={"year": YEAR}),
                           {"assessment": "x"})  # fmt: skip
    assert response.status_code == 403
    listing = client.get(reverse("statistikk:reports")).content.decode()
    assert reverse("statistikk:annual_report", kwargs={"year": YEAR}) in listing


def test_the_coordinator_opens_the_report_page_with_its_form_and_saves_the_text(client, people):
    from statistikk.models import Arsrapport

    client.force_login(people["users"]["coordinator"])
    url = reverse("statistikk:annual_report", kwargs={"year": YEAR})
    page = client.get(url)
    assert page.status_code == 200  # a plain visit is no submitted form
    html = page.content.decode()
    assert 'name="assessment"' in html
    assert "error-summary" not in html
    response = client.post(url, {"assessment": "Et godt år.", "what_worked": "",
                                 "plan_next_year": ""})  # fmt: skip
    assert response.status_code == 302
    assert Arsrapport.objects.get(year=YEAR).assessment == "Et godt år."


def test_a_service_leader_is_told_whom_to_ask_for_the_report(client, people):
    people["users"]["coordinator"].first_name = "Maria"
    people["users"]["coordinator"].last_name = "Eide"
    people["users"]["coordinator"].save()
    client.force_login(people["users"]["leader"])
    listing = client.get(reverse("statistikk:reports")).content.decode()
    assert "Maria Eide" in listing


def test_the_dashboard_shows_both_years_and_hides_charts_on_narrow_screens(client, people):
    open_case(people)
    client.force_login(people["users"]["coordinator"])
    page = client.get(reverse("statistikk:dashboard"), {"aar": YEAR}).content.decode()
    assert "css/statistikk.css" in page
    assert 'class="stats-chart"' in page
    assert f">{YEAR - 1}</th>" in page
    assert ">Rad<" not in page


def test_the_report_has_logo_both_years_and_the_assessment_first(people):
    require_weasyprint()
    open_case(people)
    Arsrapport.objects.create(year=YEAR, assessment="Året var preget av godt samarbeid.")
    report = ReportFile.objects.create(year=YEAR, generated_by=people["users"]["coordinator"])
    pdf = PdfReader(io.BytesIO(render_report(report)))
    assert pdf.trailer["/Root"]["/Lang"] == "nb"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assessment = text.index("Året var preget av godt samarbeid.")
    indicators = text.index("Stafettlogger")
    # New headings may not be translated yet: either language will do.
    appendix = max(text.find("Vedlegg B"), text.find("Appendix B"))
    assert assessment < indicators < appendix
    assert f"{YEAR} {YEAR - 1}" in text  # both years head every table
    assert "Ressursgruppe" in text or "Resource group" in text
    html = render_to_string("statistikk/report_pdf.html", report_context(report))
    assert '<img src="file://' in html  # the municipal logo on the cover (SVG, drawn as vectors)
    assert "kommunevapen.svg" in html


def test_the_report_goes_out_as_every_pdf_does_tagged_with_its_language(people, monkeypatch):
    require_weasyprint()
    from bts_portal import pdf as shared

    open_case(people)
    made = []

    def spy(html, **kwargs):
        made.append(html)
        return shared.write_pdf(html, **kwargs)

    monkeypatch.setattr("statistikk.report.write_pdf", spy)
    report = ReportFile.objects.create(year=YEAR, generated_by=people["users"]["coordinator"])
    root = PdfReader(io.BytesIO(render_report(report))).trailer["/Root"]
    assert len(made) == 1  # through bts_portal.pdf.write_pdf, not WeasyPrint directly
    assert root["/Lang"] == "nb"
    assert root["/MarkInfo"]["/Marked"]  # PDF/UA: tagged, with a structure tree
    assert "/StructTreeRoot" in root


def test_a_worker_loads_weasyprint_once_before_its_pool_forks(monkeypatch):
    import sys

    from celery.signals import worker_init

    from statistikk.tasks import load_pdf_libraries  # the worker imports every tasks module

    require_weasyprint()
    connected = [ref() for _key, ref in worker_init.receivers]
    assert load_pdf_libraries in connected  # run in the worker's main process, before forking
    monkeypatch.delitem(sys.modules, "weasyprint")
    load_pdf_libraries()
    assert "weasyprint" in sys.modules
