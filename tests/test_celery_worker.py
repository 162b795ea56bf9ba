"""A real task through a real Redis broker to a real Celery worker process, and back."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from celery import Celery

from bts_portal.tasks import ping

from .services import require_redis

ROOT = Path(__file__).resolve().parent.parent


def test_task_runs_in_process_when_eager():
    from bts_portal.celery import app

    # Through the portal's own app: other tests make Celery clients of their own, and a
    # shared task follows whichever app was made last.
    result = app.tasks[ping.name].delay()
    assert result.get(timeout=5) == "pong"
    assert result.successful()


@pytest.mark.redis
def test_worker_process_takes_a_task_from_redis_and_returns_its_result(monkeypatch):
    redis_url = require_redis()
    # Celery lets CELERY_BROKER_URL in the environment win over the URL given to the client.
    monkeypatch.setenv("CELERY_BROKER_URL", redis_url)
    queue = f"bts-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "CELERY_BROKER_URL": redis_url, "CELERY_RESULT_BACKEND": redis_url}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bts_portal",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    client = Celery(broker=redis_url, backend=redis_url)
    try:
        result = client.send_task("bts_portal.ping", queue=queue)
        assert result.get(timeout=60) == "pong"
        assert result.successful()
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode(errors="replace")
        client.close()
    assert worker.returncode in (0, -15), output
