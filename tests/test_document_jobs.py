"""The document pipeline (bts_portal.jobs): every job ends, done or failed, and its page stops
refreshing; a broker outage is a fast 503 in Norwegian; no half-written file is ever left."""

import errno
import time
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bts_portal import jobs
from bts_portal.celery import app
from bts_portal.middleware import BROKER_DOWN_MESSAGE, DISK_FULL_MESSAGE
from bts_portal.storage import AtomicFileSystemStorage
from stafettlogg.models import InsightReport
from statistikk.models import ReportFile

from .factories import ElementFactory
from .services import require_weasyprint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens there: connection refused at once


def _files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file())


@pytest.fixture
def broker_down(monkeypatch):
    """Tasks go to a broker that refuses connections, as when Redis is down."""
    saved = app.conf.task_always_eager, app.conf.broker_url
    # Celery lets CELERY_BROKER_URL in the environment win (CI's second stage sets it).
    monkeypatch.setenv("CELERY_BROKER_URL", CLOSED_PORT)
    app.conf.task_always_eager = False
    app.conf.broker_url = CLOSED_PORT
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.task_always_eager, app.conf.broker_url = saved
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def disk_full(monkeypatch):
    """Every file the portal's storage writes fails at fsync, as on a full disk."""

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("bts_portal.storage.os.fsync", no_space)


@pytest.fixture
def kind():
    """A document kind whose render function each test chooses."""
    behaviour = {"render": lambda job, progress: b"%PDF-1.4 test"}
    jobs.RENDERERS = behaviour
    remove = jobs.register(
        "test",
        jobs.DocumentKind(
            model="statistikk.ReportFile",
            render="tests.test_document_jobs.render_for_test",
            filename="test-{job.pk}.pdf",
        ),
    )
    yield behaviour
    remove()


def render_for_test(job, progress):
    return jobs.RENDERERS["render"](job, progress)


@pytest.fixture
def report(coordinator):
    return ReportFile.objects.create(year=2025, generated_by=coordinator)


def test_a_job_is_built_and_stored_under_its_name(kind, report, media):
    assert jobs.build_document("test", report.pk) == "done"
    report.refresh_from_db()
    assert (report.status, report.progress) == ("done", 100)
    assert report.file.read() == b"%PDF-1.4 test"
    assert _files(media) == [f"test-{report.pk}.pdf"]


def test_a_job_over_its_time_limit_ends_failed_with_no_file(kind, report, media):
    def too_slow(job, progress):
        progress(50)
        raise SoftTimeLimitExceeded

    kind["render"] = too_slow
    assert jobs.build_document("test", report.pk) == "failed"
    report.refresh_from_db()
    assert report.status == "failed"
    assert _files(media) == []


def test_a_full_disk_while_the_pdf_is_written_fails_the_job_and_leaves_no_file(
    kind, report, media, disk_full
):
    assert jobs.build_document("test", report.pk) == "failed"
    report.refresh_from_db()
    assert (report.status, report.file.name) == ("failed", "")
    assert _files(media) == []


def test_a_job_redelivered_after_its_worker_died_ends_failed_and_is_not_built_again(kind, report):
    ReportFile.objects.filter(pk=report.pk).update(status="running", progress=60)
    kind["render"] = lambda job, progress: pytest.fail("built a second time")
    assert jobs.build_document("test", report.pk) == "failed"
    report.refresh_from_db()
    assert report.status == "failed"


def test_a_finished_job_sent_again_is_left_alone(kind, report):
    jobs.build_document("test", report.pk)
    assert jobs.build_document("test", report.pk) == "done"


def test_the_reaper_fails_jobs_stuck_beyond_their_limit_and_spares_recent_ones(coordinator):
    old = timezone.now() - jobs.KINDS["annual_report"].stale_after - timedelta(minutes=1)
    stuck = [
        ReportFile.objects.create(year=2025, generated_by=coordinator, status=status)
        for status in ("pending", "running")
    ]
    ReportFile.objects.filter(pk__in=[r.pk for r in stuck]).update(created_at=old)
    recent = ReportFile.objects.create(year=2025, generated_by=coordinator, status="running")
    assert jobs.reap_stale_documents() == 2
    statuses = dict(ReportFile.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in stuck] == ["failed", "failed"]
    assert statuses[recent.pk] == "running"


def test_a_job_reaped_while_it_ran_stays_failed_and_its_file_is_removed(kind, report, media):
    def reaped_meanwhile(job, progress):
        ReportFile.objects.filter(pk=job.pk).update(status="failed")
        return b"%PDF-1.4 late"

    kind["render"] = reaped_meanwhile
    assert jobs.build_document("test", report.pk) == "failed"
    report.refresh_from_db()
    assert report.status == "failed"
    assert _files(media) == []


def test_the_beat_schedule_runs_the_reaper(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "bts_portal.reap_stale_documents" in tasks


def test_pdf_tasks_are_acknowledged_late_and_given_back_when_their_worker_is_lost():
    assert jobs.build_document.acks_late
    assert jobs.build_document.reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1
    assert (app.conf.task_serializer, app.conf.accept_content) == ("json", ["json"])
    assert app.conf.worker_max_tasks_per_child > 0
    assert app.conf.worker_max_memory_per_child > 0


# --- Pages ------------------------------------------------------------------------------


def test_the_progress_page_refreshes_while_a_job_runs_and_stops_when_it_failed(
    client, coordinator, report
):
    client.force_login(coordinator)
    url = reverse("statistikk:report", kwargs={"pk": report.pk})
    assert 'http-equiv="refresh"' in client.get(url).content.decode()
    ReportFile.objects.filter(pk=report.pk).update(status="failed")
    page = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "Prøv igjen" in page


def test_the_annual_report_is_made_through_the_pipeline(
    client, coordinator, django_capture_on_commit_callbacks, media
):
    require_weasyprint()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("statistikk:generate", kwargs={"year": 2025}))
    assert response.status_code == 302
    report = ReportFile.objects.get()
    assert report.status == "done"
    assert report.file.read(5) == b"%PDF-"


# Real commits: the task is sent inside the request, as in production.
@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_ordering_a_report_gives_a_fast_503_and_a_failed_job(
    client, coordinator, broker_down
):
    client.force_login(coordinator)
    started = time.monotonic()
    response = client.post(reverse("statistikk:generate", kwargs={"year": 2025}))
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response["Retry-After"]
    assert response.context["message"] == str(BROKER_DOWN_MESSAGE)
    assert ReportFile.objects.get().status == "failed"


# Real commits: the task is sent inside the request, as in production.
@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_ordering_insight_gives_a_503_and_the_access_log_row(
    client, people, case, broker_down
):
    from stafettlogg.models import AccessLog

    client.force_login(people["users"]["stafettholder"])
    url = reverse("stafettlogg:insight_request", kwargs={"pk": case.pk})
    started = time.monotonic()
    response = client.post(url)
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert InsightReport.objects.get(stafettlogg=case).status == "failed"
    assert AccessLog.objects.filter(stafettlogg_id=case.pk, event="insight.request").exists()


# --- Storage ------------------------------------------------------------------------------


class _FailingHalfway(ContentFile):
    def chunks(self, chunk_size=None):
        yield b"%PDF-1.4 first half"
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_that_fails_halfway_leaves_no_file(tmp_path):
    storage = AtomicFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError, match="No space left"):
        storage.save("samtykke/skjema.pdf", _FailingHalfway(b""))
    assert _files(tmp_path) == []


def test_a_full_disk_on_upload_is_a_507_in_norwegian_with_nothing_saved(
    client, coordinator, disk_full, media
):
    element = ElementFactory()
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    )
    response = client.post(
        f"/ansatt/innhold/element/{element.pk}/vedlegg/", {"title": "Plan", "file": upload}
    )
    assert response.status_code == 507
    assert response.context["message"] == str(DISK_FULL_MESSAGE)
    assert not element.attachments.exists()
    assert _files(media) == []
