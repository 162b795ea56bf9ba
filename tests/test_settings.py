"""Settings come from the environment: each case runs Django in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG_VARS = {
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "CACHE_URL",
    "REDIS_URL",
    "DJANGO_ENV",
    "DEBUG",
    "SECRET_KEY",
    "CITIZEN_ID_SECRET",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for their own process
}
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x7#kQ2!vB9mZ$wL4pR8tN1cF6hJ3sD0gY5uE2aO9iK7eW4qT8zX1bV6nM3lC5r",
    "ALLOWED_HOSTS": "bts.eksempel.kommune.no",
    "CITIZEN_ID_SECRET": "b3Jx9T!kq7Lm2Vz8Rw4Pn6Yc1Hd5Gf0Sa3Ju9Ei2Ko7Qx4Wb",
}


def run_django(code: str, **env_vars: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env["LOG_LEVEL"] = "WARNING"
    env.update(env_vars)
    env["DJANGO_SETTINGS_MODULE"] = "bts_portal.settings"
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


SHOW_DB = "from django.conf import settings; import json; print(json.dumps({k: str(v) for k, v in settings.DATABASES['default'].items()}))"  # noqa: E501


def test_default_database_is_sqlite_file_under_var():
    result = run_django(SHOW_DB)
    assert result.returncode == 0, result.stderr
    db = json.loads(result.stdout)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(ROOT / "var" / "db.sqlite3")


def test_database_url_selects_postgresql_with_checked_persistent_connections():
    result = run_django(SHOW_DB, DATABASE_URL="postgres://bts:secret@db.internal:5432/bts")
    assert result.returncode == 0, result.stderr
    db = json.loads(result.stdout)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["NAME"], db["USER"]) == ("db.internal", "bts", "bts")
    assert db["CONN_MAX_AGE"] == "60"
    assert db["CONN_HEALTH_CHECKS"] == "True"


def test_without_broker_celery_runs_tasks_in_process():
    result = run_django(
        "from bts_portal.tasks import ping; from django.conf import settings;"
        "print(settings.CELERY_TASK_ALWAYS_EAGER, ping.delay().get())"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["True", "pong"]


def test_with_broker_celery_sends_tasks_to_workers():
    result = run_django(
        "from bts_portal.celery import app;"
        "print(app.conf.task_always_eager, app.conf.broker_url, repr(app.conf.result_backend))",
        CELERY_BROKER_URL="redis://broker.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    # No result backend unless one is asked for (issue 16): nothing reads task results.
    assert result.stdout.split() == ["False", "redis://broker.internal:6379/0", "''"]


def test_redis_url_selects_django_redis_cache():
    result = run_django(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        REDIS_URL="redis://cache.internal:6379/1",
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_production_refuses_to_start_without_secret_key():
    result = run_django("print('started')", DJANGO_ENV="production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_off_in_development_also_needs_secret_key():
    result = run_django("print('started')", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_check_deploy_silently():
    result = run_django(
        "from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_production_turns_on_secure_cookies_hsts_and_short_sessions():
    result = run_django(
        "from django.conf import settings as s; import json; print(json.dumps(["
        "s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        "s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.SESSION_COOKIE_AGE, s.SESSION_SAVE_EVERY_REQUEST,"
        "s.X_FRAME_OPTIONS]))",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, True, True, 31536000, True, 1800, True, "DENY"]


def test_production_refuses_to_start_without_the_citizen_id_secret():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CITIZEN_ID_SECRET"}
    result = run_django("pass", **env)
    assert result.returncode != 0
    assert "CITIZEN_ID_SECRET must be set in production" in result.stderr
