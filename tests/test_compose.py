"""docker-compose.yml cannot run here (no Docker engine), so read it as a reviewer would."""

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def load() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_stack_has_database_broker_web_worker_and_beat():
    services = load()["services"]
    assert {"db", "redis", "web", "worker", "beat", "migrate"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_portal_services_share_one_image_and_production_settings():
    services = load()["services"]
    for name in ["web", "worker", "beat", "migrate"]:
        service = services[name]
        assert service["image"] == "bts-portal:latest", name
        env = service["environment"]
        assert env["DJANGO_ENV"] == "production", name
        assert env["DATABASE_URL"].startswith("postgres://"), name
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:"), name


def test_processes_run_gunicorn_and_celery_against_the_project():
    services = load()["services"]
    assert services["web"]["command"][:2] == ["gunicorn", "bts_portal.wsgi:application"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "bts_portal", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "bts_portal", "beat"]


def test_web_waits_for_migrations_and_healthy_stores():
    services = load()["services"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/helse/" in " ".join(services["web"]["healthcheck"]["test"])
