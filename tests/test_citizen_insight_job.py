"""The citizen's insight report goes through the document pipeline (bts_portal.jobs), as the
staff's does (issue 20): My page asks for it, shows it being prepared, ready or failed, and
only the linked person who asked downloads it; each download is an access-log row naming
them. Works without JavaScript (a refresh and a "check again" link)."""

import pytest
from django.test import Client
from django.urls import reverse

from minside.insight_views import insight_request_create
from stafettlogg import insight
from stafettlogg.models import AccessLog, InsightReport

from . import test_minside_log as log_flow
from .pdf_checks import assert_tagged
from .services import require_weasyprint
from .test_minside import PID_FATHER, PID_MOTHER
from .test_minside_consent import link

family, linked = log_flow.family, log_flow.linked
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def url(case, tail=""):
    return f"/min-side/sak/{case.pk}/innsyn/{tail}"


def ask(client, linked, capture, *, language="nb"):
    log_flow.log_in(client, PID_MOTHER)
    with capture(execute=True):
        response = client.post(url(linked["case"]) + f"?sprak={language}")
    assert response.status_code == 302
    return InsightReport.objects.get(citizen=linked["link"])


def test_asking_makes_the_report_in_the_background_and_the_person_downloads_it(
    client, linked, django_capture_on_commit_callbacks
):
    require_weasyprint()
    report = ask(client, linked, django_capture_on_commit_callbacks, language="nn")
    assert (report.status, report.requested_by, report.language) == ("done", None, "nn")
    status = client.get(url(linked["case"], f"{report.pk}/"))
    assert status.status_code == 200
    download_url = url(linked["case"], f"{report.pk}/last-ned/")
    assert download_url in status.content.decode()
    assert 'http-equiv="refresh"' not in status.content.decode()
    response = client.get(download_url)
    assert response.status_code == 200
    assert_tagged(b"".join(response.streaming_content), "nn")
    row = AccessLog.objects.filter(event="citizen.insight").latest("pk")
    assert (row.citizen, row.user, row.action, row.object_id) == (
        linked["link"], None, AccessLog.Action.EXPORT, report.pk,
    )  # fmt: skip
    # The case page offers the ready report too.
    assert download_url in client.get(f"/min-side/sak/{linked['case'].pk}/").content.decode()


def test_while_being_prepared_the_page_refreshes_itself_and_has_a_check_again_link(client, linked):
    # No on-commit run: the job stays pending, as while the worker has not taken it.
    log_flow.log_in(client, PID_MOTHER)
    response = client.post(url(linked["case"]))
    report = InsightReport.objects.get()
    assert response["Location"] == url(linked["case"], f"{report.pk}/")
    page = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page
    assert f'href="{url(linked["case"], f"{report.pk}/")}"' in page
    assert client.get(url(linked["case"], f"{report.pk}/last-ned/")).status_code == 404
    # A second ask while it is being made leads to the same job.
    client.post(url(linked["case"]))
    assert InsightReport.objects.count() == 1


def test_a_failed_report_says_so_and_offers_to_try_again(
    client, linked, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(report, progress=lambda percent: None):
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(insight, "render", broken)
    report = ask(client, linked, django_capture_on_commit_callbacks)
    assert report.status == "failed"
    page = client.get(url(linked["case"], f"{report.pk}/")).content.decode()
    assert f'action="{url(linked["case"])}"' in page
    assert 'http-equiv="refresh"' not in page
    assert client.get(url(linked["case"], f"{report.pk}/last-ned/")).status_code == 404
    monkeypatch.undo()
    require_weasyprint()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(linked["case"]))
    assert InsightReport.objects.latest("pk").status == "done"


def test_another_party_of_the_case_cannot_see_or_download_it(
    client, linked, django_capture_on_commit_callbacks
):
    report = InsightReport.objects.create(
        stafettlogg=linked["case"], citizen=linked["link"], status="done", file="innsyn/x.pdf"
    )
    link(linked["father"], PID_FATHER)
    other = Client()
    log_flow.log_in(other, PID_FATHER)
    assert other.get(url(linked["case"], f"{report.pk}/")).status_code == 404
    assert other.get(url(linked["case"], f"{report.pk}/last-ned/")).status_code == 404


def test_the_staff_insight_pages_do_not_serve_a_citizens_report(client, linked):
    report = InsightReport.objects.create(
        stafettlogg=linked["case"], citizen=linked["link"], status="done", file="innsyn/x.pdf"
    )
    client.force_login(linked["users"]["stafettholder"])
    kwargs = {"pk": linked["case"].pk, "report_pk": report.pk}
    assert client.get(reverse("stafettlogg:insight", kwargs=kwargs)).status_code == 404
    assert client.get(reverse("stafettlogg:insight_download", kwargs=kwargs)).status_code == 404
    # Nor does the holder's own ask reuse the citizen's unfinished job.
    InsightReport.objects.filter(pk=report.pk).update(status="pending")
    client.post(reverse("stafettlogg:insight_request", kwargs={"pk": linked["case"].pk}))
    assert InsightReport.objects.filter(citizen__isnull=True).count() == 1


def test_another_family_gets_404_and_nothing_is_made(client, linked, people):
    from .case_fixtures import open_case

    other = open_case(people, child="Jonas Annenfamilie")
    log_flow.log_in(client, PID_MOTHER)
    assert client.post(url(other)).status_code == 404
    assert not InsightReport.objects.exists()


def test_a_revoked_link_downloads_nothing(client, linked):
    from minside import services

    report = insight_request_create(case=linked["case"], link=linked["link"])
    services.revoke(foresatt=linked["mother"], by=None)
    log_flow.log_in(client, PID_MOTHER)
    assert client.get(url(linked["case"], f"{report.pk}/")).status_code == 404
