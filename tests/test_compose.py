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
        # Production refuses to start without the key of the citizens' identity hashes.
        assert env["CITIZEN_ID_SECRET"].startswith("${CITIZEN_ID_SECRET:?"), name
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
    assert "/helse/klar" in " ".join(services["web"]["healthcheck"]["test"])


def test_web_and_workers_connect_as_the_runtime_role_and_never_see_the_owners_password():
    services = load()["services"]
    for name in ["web", "worker", "beat"]:
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://bts_app@"), name
        assert "MIGRATE_DATABASE_URL" not in env, name
        assert not any("BTS_OWNER_PASSWORD" in str(value) for value in env.values()), name


def test_migrations_connect_as_the_owner_of_the_same_database():
    env = load()["services"]["migrate"]["environment"]
    owner, runtime = env["MIGRATE_DATABASE_URL"], env["DATABASE_URL"]
    assert owner.startswith("postgres://bts_owner@")
    assert "BTS_OWNER_PASSWORD" in env["MIGRATE_DATABASE_PASSWORD"]
    assert owner.rsplit("@", 1)[1] == runtime.rsplit("@", 1)[1] == "db:5432/bts"


def test_database_is_initialised_with_the_owner_and_the_runtime_role():
    db = load()["services"]["db"]
    mounts = [volume.split(":") for volume in db["volumes"]]
    script = next(
        source for source, target, *_ in mounts if target.startswith("/docker-entrypoint-initdb.d/")
    )
    text = (COMPOSE.parent / script).read_text()
    assert "CREATE ROLE bts_owner" in text
    assert "CREATE ROLE bts_app" in text
    assert 'ALTER DATABASE :"db" OWNER TO bts_owner' in text
    assert {"BTS_OWNER_PASSWORD", "BTS_APP_PASSWORD"} <= set(db["environment"])


def test_passwords_travel_apart_from_the_urls_so_any_character_survives():
    services = load()["services"]
    for name in ["web", "worker", "beat", "migrate"]:
        env = services[name]["environment"]
        assert "PASSWORD" not in env["DATABASE_URL"], name
        assert "BTS_APP_PASSWORD" in env["DATABASE_PASSWORD"], name


def test_web_is_published_on_loopback_only_and_stops_gracefully():
    web = load()["services"]["web"]
    assert web["ports"] == ["127.0.0.1:8000:8000"]
    assert "stop_grace_period" in web


def test_worker_and_beat_have_health_checks_limits_and_one_beat():
    services = load()["services"]
    worker, beat = services["worker"], services["beat"]
    assert "inspect ping" in " ".join(worker["healthcheck"]["test"])
    assert "--max-tasks-per-child=50" in worker["command"]
    assert any(arg.startswith("--max-memory-per-child=") for arg in worker["command"])
    assert worker["mem_limit"]
    assert worker["stop_grace_period"] == "6m"
    assert "beat_health" in beat["healthcheck"]["test"]
    assert beat["deploy"]["replicas"] == 1


def test_every_service_rotates_its_logs():
    for name, service in load()["services"].items():
        assert service["logging"]["options"]["max-size"], name


def test_no_result_backend_is_configured():
    for name, service in load()["services"].items():
        assert "CELERY_RESULT_BACKEND" not in service.get("environment", {}), name
