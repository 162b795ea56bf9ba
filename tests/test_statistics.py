"""Statistics: known cases give known figures in the dashboard, the CSV and the PDF; small
cells are suppressed and cannot be worked out from totals; only leaders see them."""

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from stafettlogg import services
from stafettlogg.models import Undring
from statistikk.indicators import compute
from statistikk.models import ReportFile
from statistikk.suppression import suppress

from .case_fixtures import open_case
from .services import require_weasyprint

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def cells(values, total=None):
    shown, total_cell = suppress(values, total)
    return [str(c) for c in shown], (None if total_cell is None else str(total_cell))


def test_cells_under_five_are_shown_as_less_than_five():
    assert cells([12, 3, 0]) == (["12", "<5", "<5"], None)


def test_a_single_suppressed_cell_cannot_be_recovered_from_the_total():
    shown, total = cells([6, 2, 5], total=13)
    assert shown == ["6", "<5", "<5"]
    assert total == "13"


def test_two_suppressed_cells_whose_sum_is_small_hide_one_more():
    shown, _total = cells([20, 1, 2, 9], total=32)
    assert shown.count("<5") == 3
    assert shown[0] == "20"


def test_a_small_total_is_suppressed():
    assert cells([2, 1], total=3) == (["<5", "<5"], "<5")


def test_if_nothing_else_can_hide_it_the_total_is_hidden():
    assert cells([3], total=3) == (["<5"], "<5")
    assert cells([3, 8], total=11) == (["<5", "<5"], "11")


@pytest.fixture
def year_data(people):
    users, kindergarten = people["users"], people["kindergarten"]
    for status, count in [("closed", 6), ("escalated", 2), ("open", 5)]:
        for _ in range(count):
            Undring.objects.create(
                tjeneste=kindergarten, author=users["stafettholder"], observation="x", status=status
            )
    cases = [open_case(people, child=f"Barn {n}") for n in range(8)]
    for case in cases[:5]:
        services.level_change(case=case, user=users["stafettholder"], to_level=2, reason="r")
    for case in cases[:2]:
        services.level_change(case=case, user=users["stafettholder"], to_level=3, reason="r")
    for case in cases[:6]:
        services.case_close(
            case=case, user=users["stafettholder"], reason="r", final_evaluation="f"
        )
    services.report_record(
        user=users["stafettholder"],
        undring=Undring.objects.filter(status="open").first(),
        sent_on=timezone.localdate(),
    )
    return people


def table(tables, key):
    return next(t for t in tables if t.key == key)


def test_known_cases_give_known_figures(year_data):
    tables = compute(YEAR)
    undringer = table(tables, "undringer")
    assert [str(c) for c in undringer.cells] == ["6", "<5", "<5"]
    assert str(undringer.total_cell) == "13"
    cases = table(tables, "stafettlogger")
    assert [str(c) for c in cases.cells] == ["8", "6", "<5"]
    flow = dict(
        zip(
            [label for label, _ in table(tables, "flyt").rows],
            [str(c) for c in table(tables, "flyt").cells],
            strict=True,
        )
    )
    assert flow == {"1 → 2": "5", "2 → 3": "<5"}
    assert [str(c) for c in table(tables, "meldinger").cells] == ["<5"]


def test_figures_are_the_same_in_dashboard_and_csv(client, year_data, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("statistikk:dashboard"), {"aar": YEAR}).content.decode()
    assert ">13</td>" in page
    assert ">&lt;5</td>" in page
    csv_text = client.get(reverse("statistikk:csv"), {"aar": YEAR}).content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert any(line.endswith(";Totalt;13") for line in lines)
    assert any("1 → 2;5" in line for line in lines)
    assert any("2 → 3;<5" in line for line in lines)
    for name in ["Barn 0", "Emma", "Testbarn"]:
        assert name not in page
        assert name not in csv_text


def test_the_pdf_has_the_same_figures(client, year_data, coordinator, settings, tmp_path):
    require_weasyprint()
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    client.post(
        reverse("statistikk:annual_report", kwargs={"year": YEAR}),
        {
            "assessment": "Et godt år.",
            "what_worked": "Forebyggende forum.",
            "plan_next_year": "Mer opplæring.",
        },
    )
    response = client.post(reverse("statistikk:generate", kwargs={"year": YEAR}))
    report = ReportFile.objects.get()
    assert report.status == "done"
    download = client.get(reverse("statistikk:report_download", kwargs={"pk": report.pk}))
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) >= 3
    assert "Et godt år." in text
    for expected in ["13", "1 → 2", "<5"]:
        assert expected in text, expected
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["stafettholder", "participant", "local_admin"])
def test_employees_without_leader_rights_get_403(client, year_data, who):
    client.force_login(year_data["users"][who])
    for url in [
        reverse("statistikk:dashboard"),
        reverse("statistikk:csv"),
        reverse("statistikk:annual_report", kwargs={"year": YEAR}),
        reverse("statistikk:reports"),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("statistikk:generate", kwargs={"year": YEAR})).status_code == 403


def test_leader_sees_own_service_but_not_another(client, year_data):
    client.force_login(year_data["users"]["leader"])
    own = client.get(reverse("statistikk:dashboard"))
    assert own.status_code == 200
    assert "Solbakken barnehage" in own.content.decode()
    other = client.get(reverse("statistikk:dashboard"), {"tjeneste": "sentrum-skole"})
    assert other.status_code == 403
    assert client.post(reverse("statistikk:generate", kwargs={"year": YEAR})).status_code == 403


def test_leader_cannot_download_the_municipal_report(client, year_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = ReportFile.objects.create(
        year=YEAR, generated_by=year_data["users"]["coordinator"], status="done"
    )
    client.force_login(year_data["users"]["leader"])
    url = reverse("statistikk:report_download", kwargs={"pk": report.pk})
    assert client.get(url).status_code == 403
    client.force_login(year_data["users"]["stafettholder"])
    assert client.get(url).status_code == 403


def test_unknown_year_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("statistikk:dashboard"), {"aar": "abc"}).status_code == 404
    assert client.get(reverse("statistikk:dashboard"), {"aar": YEAR + 5}).status_code == 404


def test_statistics_use_a_bounded_number_of_queries(people):
    for n in range(5):
        open_case(people, child=f"A {n}")
    with CaptureQueriesContext(connection) as small:
        compute(YEAR)
    for n in range(5, 40):
        case = open_case(people, child=f"A {n}")
        services.level_change(
            case=case, user=people["users"]["stafettholder"], to_level=2, reason="r"
        )
    with CaptureQueriesContext(connection) as large:
        compute(YEAR)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(small.captured_queries) <= 30


def test_last_years_figures_are_shown_beside(client, people, coordinator):
    case = open_case(people, child="Gammel")
    from stafettlogg.models import Stafettlogg

    Stafettlogg.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=400))
    client.force_login(coordinator)
    content = client.get(reverse("statistikk:dashboard"), {"aar": YEAR}).content.decode()
    assert f">{YEAR - 1}</th>" in content


def test_a_report_for_one_service_is_downloadable_by_its_leader(
    client, year_data, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(year_data["users"]["coordinator"])
    client.post(
        reverse("statistikk:generate", kwargs={"year": YEAR}), {"tjeneste": "solbakken-barnehage"}
    )
    report = ReportFile.objects.get()
    assert report.tjeneste == year_data["kindergarten"]
    client.force_login(year_data["users"]["leader"])
    listing = client.get(reverse("statistikk:reports")).content.decode()
    assert "Solbakken barnehage" in listing
    assert client.get(reverse("statistikk:report", kwargs={"pk": report.pk})).status_code == 200
