"""Statistics: known cases give known figures in the dashboard, the CSV and the PDF; small
cells are suppressed and cannot be worked out from totals; only leaders see them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from stafettlogg import services
from stafettlogg.models import Undring
from statistikk.disclosure import publish
from statistikk.indicators import compute, compute_all
from statistikk.models import ReportFile
from statistikk.suppression import suppress

from .case_fixtures import open_case

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def cells(values, total=None):
    shown, total_cell = suppress(values, total)
    return [str(c) for c in shown], (None if total_cell is None else str(total_cell))


def test_cells_under_five_are_shown_as_less_than_five():
    assert cells([12, 3, 0]) == (["12", "<5", "<5"], None)


def test_a_cell_hidden_to_protect_another_reads_dash_not_less_than_five():
    shown, total = cells([3, 8], total=11)
    assert shown == ["<5", "–"]
    assert total == "11"


def test_a_hidden_cell_is_at_least_five_so_the_total_hides_too_when_needed():
    # "6, <5, –, total 13" would say the hidden 5 is at least 5, so the small cell at most 2.
    shown, total = cells([6, 2, 5], total=13)
    assert shown.count("<5") == 1
    assert total == "–"


def test_a_small_total_is_suppressed():
    assert cells([2, 1], total=3) == (["<5", "<5"], "<5")


def test_a_single_small_cell_and_its_total_are_both_small():
    assert cells([3], total=3) == (["<5"], "<5")


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
    raw = {t.key: t for t in compute_all(YEAR)[None]}
    assert [v for _label, v in raw["undringer"].rows] == [6, 2, 5]
    assert raw["undringer"].total == 13
    assert [v for _label, v in raw["stafettlogger"].rows] == [8, 6, 2]
    assert dict(zip(raw["flyt"].row_keys, [v for _l, v in raw["flyt"].rows], strict=True)) == {
        (1, 2): 5,
        (2, 3): 2,
    }
    assert [v for _label, v in raw["meldinger"].rows] == [1]


def test_small_figures_are_suppressed_and_the_audit_passes(year_data):
    release = publish(YEAR)
    tables = {t.key: t for t in release.tables(YEAR, None)}
    assert [str(c) for c in tables["meldinger"].cells] == ["<5"]
    assert str(tables["stafettlogger"].cells[2]) == "<5"
    assert all(finding.ok for finding in release.audit())


def _published_strings(release, scope):
    result = []
    for table in release.tables(YEAR, scope):
        result += [
            (table.title, label, str(c))
            for (label, _v), c in zip(table.rows, table.cells, strict=True)
        ]
        if table.total_cell is not None:
            result.append((table.title, "Totalt", str(table.total_cell)))
    return result


def test_figures_are_the_same_in_dashboard_and_csv(client, year_data, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("statistikk:dashboard"), {"aar": YEAR}).content.decode()
    csv_text = client.get(reverse("statistikk:csv"), {"aar": YEAR}).content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    for title, label, cell in _published_strings(publish(YEAR), None):
        assert any(line.startswith(f"{title};{label};{cell};") for line in lines), label
        assert f">{escape(cell)}</td>" in page
    assert ">&lt;5</td>" in page
    assert ">–</td>" in page
    for name in ["Barn 0", "Emma", "Testbarn"]:
        assert name not in page
        assert name not in csv_text


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
    assert len(small.captured_queries) <= 60  # both years, every scope, the follow-up


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


def test_every_service_shows_the_municipalitys_rows_so_a_small_row_may_be_zero(year_data):
    # A row shown for a service only where it occurred would say its "<5" is at least 1.
    release = publish(YEAR)
    municipal = {t.key: t for t in release.tables(YEAR, None)}
    school = {t.key: t for t in release.tables(YEAR, year_data["school"].pk)}
    for key in ("flyt", "tiltak_tema", "tiltak_tjeneste"):
        assert school[key].row_keys == municipal[key].row_keys, key
    assert municipal["flyt"].row_keys  # the kindergarten's cases moved between levels
    assert all(str(cell) == "<5" for cell in school["flyt"].cells)  # zeros, read as small
