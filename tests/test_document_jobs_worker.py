"""Faults with a real Redis and a real Celery worker on PostgreSQL: a job over its time limit
and a worker killed mid-job both end failed, never stuck at "running"."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection

from statistikk.models import ReportFile

from .services import require_postgresql, require_redis

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker(tmp_path, monkeypatch):
    require_postgresql()
    redis_url = require_redis()
    monkeypatch.setenv("CELERY_BROKER_URL", redis_url)
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    database_url = (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )
    queue = f"bts-test-{uuid.uuid4().hex[:8]}"
    pid_file = tmp_path / "render.pid"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": redis_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BTS_TEST_PID_FILE": str(pid_file),
    }
    env.pop("CELERY_RESULT_BACKEND", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.job_worker", "worker",
         "--pool=prefork", "--concurrency=1", "-Q", queue, "--without-gossip",
         "--without-mingle", "--loglevel=WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    client = Celery(broker=redis_url)

    def send(kind: str, pk: int) -> None:
        # The limits of tests/job_worker.py's kinds, sent as bts_portal.jobs.enqueue sends them.
        soft, hard = {"slow": (2, 6), "sleepy": (100, 110)}[kind]
        client.send_task(
            "bts_portal.build_document", args=[kind, pk], queue=queue,
            soft_time_limit=soft, time_limit=hard,
        )  # fmt: skip

    try:
        yield {"send": send, "pid_file": pid_file, "media": tmp_path / "media"}
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        client.close()


def _wait_for(report, statuses, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in statuses:
            return report
        time.sleep(0.25)
    pytest.fail(f"job still {report.status} ({report.progress} %) after {timeout} s")


def test_a_job_over_its_time_limit_ends_failed_in_a_real_worker(worker, coordinator):
    report = ReportFile.objects.create(year=2025, generated_by=coordinator)
    started = time.monotonic()
    worker["send"]("slow", report.pk)
    assert _wait_for(report, {"failed", "done"}).status == "failed"
    assert time.monotonic() - started < 60
    assert not any(p.is_file() for p in worker["media"].rglob("*"))


def test_a_worker_process_killed_mid_job_leaves_the_job_failed_not_running(worker, coordinator):
    report = ReportFile.objects.create(year=2025, generated_by=coordinator)
    worker["send"]("sleepy", report.pk)
    _wait_for(report, {"running"})
    deadline = time.monotonic() + 30
    while not worker["pid_file"].exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(int(worker["pid_file"].read_text()), signal.SIGKILL)
    # The message goes back to the queue (reject_on_worker_lost); the new process finds the
    # job running and ends it failed instead of building it again.
    assert _wait_for(report, {"failed", "done"}).status == "failed"
