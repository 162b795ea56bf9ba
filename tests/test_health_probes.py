"""/helse/live and /helse/klar, beat's health check and the one-beat rule."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from bts_portal import views

from .services import require_postgresql

pytestmark = pytest.mark.django_db


def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/helse/live")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_ready_is_ok_with_the_database(client, settings):
    response = client.get("/helse/klar")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_ready_reports_a_broker_outage_as_degraded_not_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/helse/klar")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "broker": "unreachable"}


def test_ready_is_503_without_the_database(client, monkeypatch):
    monkeypatch.setattr(views, "_database_ok", lambda: False)
    response = client.get("/helse/klar")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_probes_are_not_cached(client):
    for path in ("/helse/live", "/helse/klar"):
        assert "no-cache" in client.get(path)["Cache-Control"]


def _heartbeat(at):
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    every = IntervalSchedule.objects.create(every=60, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name="beat-heartbeat", task="bts_portal.ping", interval=every, last_run_at=at
    )


def test_beat_health_passes_with_a_recent_heartbeat():
    _heartbeat(timezone.now() - timedelta(minutes=2))
    call_command("beat_health")


def test_beat_health_fails_when_the_heartbeat_is_old_or_missing():
    with pytest.raises(CommandError):
        call_command("beat_health")
    _heartbeat(timezone.now() - timedelta(hours=1))
    with pytest.raises(CommandError):
        call_command("beat_health")


def test_beat_runs_the_heartbeat_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["beat-heartbeat"]
    assert (entry["task"], entry["schedule"]) == ("bts_portal.ping", 60.0)


@pytest.mark.postgresql
def test_a_second_beat_is_refused_while_the_first_holds_the_lock(monkeypatch):
    require_postgresql()
    from bts_portal import celery

    monkeypatch.setattr(celery, "_beat_lock_connection", None)
    celery.hold_beat_lock()
    first = celery._beat_lock_connection
    try:
        with pytest.raises(celery.AnotherBeatRuns):
            celery.hold_beat_lock()
    finally:
        first.close()
    celery.hold_beat_lock()  # the lock went with the first beat's connection
    celery._beat_lock_connection.close()
