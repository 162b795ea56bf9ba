"""/helse/ reports the database and the broker, for the load balancer."""

import pytest

pytestmark = pytest.mark.django_db


def test_health_is_ok_with_database_and_broker(client, settings):
    response = client.get("/helse/")
    assert response.status_code == 200
    # Without a broker tasks run in-process; with one (CI's second stage) it must answer.
    broker = "ok" if settings.CELERY_BROKER_URL else "in-process"
    assert response.json() == {"status": "ok", "database": "ok", "broker": broker}


def test_health_reports_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/helse/")
    assert response.status_code == 503
    assert response.json()["broker"] == "unreachable"


def test_health_is_not_cached(client):
    assert "no-cache" in client.get("/helse/")["Cache-Control"]
