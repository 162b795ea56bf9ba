"""The guardians' right to insight: the PDF holds every entry and every access-log row."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from stafettlogg.access_log import describe
from stafettlogg.models import AccessLog, InsightReport

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
    download_row = AccessLog.objects.filter(stafettlogg_id=case.pk).latest("pk")
    assert (download_row.action, download_row.event) == ("export", "insight.download")


def test_insight_download_is_for_participants_only(client, people, case, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = InsightReport.objects.create(stafettlogg=case, requested_by=case.stafettholder)
    client.force_login(people["users"]["same_service"])
    url = reverse("stafettlogg:insight_download", kwargs={"pk": case.pk, "report_pk": report.pk})
    assert client.get(url).status_code == 404
