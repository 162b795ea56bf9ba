"""The guardians' right to insight: the PDF holds every entry and every access-log row."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from stafettlogg.access_log import describe
from stafettlogg.insight_content import access_summary
from stafettlogg.models import AccessLog, InsightReport

from .pdf_checks import assert_tagged
from .services import require_weasyprint

pytestmark = pytest.mark.django_db


def test_insight_pdf_contains_every_entry_and_every_access_log_row(
    client, people, case, settings, tmp_path, django_capture_on_commit_callbacks
):
    require_weasyprint()
    settings.MEDIA_ROOT = tmp_path
    holder = people["users"]["stafettholder"]
    client.force_login(people["users"]["participant"])
    client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    client.force_login(people["users"]["other_service"])
    client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))  # refused: logged too
    client.force_login(holder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stafettlogg:insight_request", kwargs={"pk": case.pk}))
    assert response.status_code == 302
    report = InsightReport.objects.get()
    assert report.status == "done"
    assert report.progress == 100
    status_page = client.get(response["Location"])
    assert "Last ned PDF-en" in status_page.content.decode()
    download = client.get(
        reverse("stafettlogg:insight_download", kwargs={"pk": case.pk, "report_pk": report.pk})
    )
    assert download.status_code == 200
    pdf = b"".join(download.streaming_content)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    # Table cells wrap long lines, so compare without any whitespace.
    dense = "".join(text.split())
    for entry in case.entries.all():
        if entry.text:
            assert "".join(entry.text.split()) in dense, entry.text
    logged = AccessLog.objects.filter(stafettlogg_id=case.pk, at__lte=report.created_at)
    assert logged.count() >= 2
    for row in logged:
        assert "".join(describe(row).split()) in dense, describe(row)
        assert row.at.astimezone().strftime("%d.%m.%Y %H:%M:%S") in flat
    # Plain words from the stored codes, never a path.
    assert "/ansatt/" not in flat
    assert "Lestestafettloggen" in dense
    assert "Nektet" in dense
    assert "Emma Testbarn" in flat
    # For the parents: a letter first, then the access log by person and day, each line
    # from the stored rows (compared with the grouping computed here from the same rows).
    assert "Dette har vi lagret om Emma Testbarn" in flat
    assert "Til Lise Forelder" in flat
    for day in access_summary(list(logged.select_related("user", "tjeneste").order_by("at"))):
        for line in day.lines:
            assert "".join(f"{line.who}{line.service}{line.what}{line.count}".split()) in dense
    assert_tagged(pdf, "nb")
    download_row = AccessLog.objects.filter(stafettlogg_id=case.pk).latest("pk")
    assert (download_row.action, download_row.event) == ("export", "insight.download")


def test_insight_download_is_for_participants_only(client, people, case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = InsightReport.objects.create(stafettlogg=case, requested_by=case.stafettholder)
    client.force_login(people["users"]["same_service"])
    url = reverse("stafettlogg:insight_download", kwargs={"pk": case.pk, "report_pk": report.pk})
    assert client.get(url).status_code == 404


def test_the_insight_report_shows_the_level_0_notes_of_a_log_opened_from_an_undring(people):
    from datetime import timedelta

    from django.template.loader import render_to_string
    from django.utils import timezone, translation

    from stafettlogg import services
    from stafettlogg.insight import insight_context

    holder = people["users"]["stafettholder"]
    undring = services.undring_create(
        author=holder, tjeneste=people["kindergarten"], observation="Gråter ved levering.",
        discussed_with="Styreren", conversation_notes="Mor er bekymret hun også.",
    )  # fmt: skip
    today = timezone.localdate()
    case = services.stafettlogg_open(
        user=holder, tjeneste=people["kindergarten"], child_name="Ida Test",
        child_birth_date=today.replace(year=today.year - 3), guardians=[{"name": "Mor Test"}],
        consent_data={"given_by": "Mor Test", "method": "muntlig", "given_on": today,
                      "valid_until": today + timedelta(days=60)},
        services=[people["kindergarten"]], undring=undring,
    )  # fmt: skip
    with translation.override("nb"):
        html = render_to_string("stafettlogg/insight_pdf.html", insight_context(case))
    assert "Før loggen: undringen på nivå 0" in html
    assert "Gråter ved levering." in html
    assert "Styreren" in html
    assert "Mor er bekymret hun også." in html
    assert "/ansatt/" not in html
