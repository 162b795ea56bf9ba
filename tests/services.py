"""Finding the outside services some tests need: PostgreSQL, Redis and Chromium.

Where one is missing the test skips with a reason that starts with ``MISSING_PREFIX``; under
CI (``CI`` set) such a skip fails the run instead, so CI can never pass without them.
"""

import os
import shutil
import socket
from contextlib import contextmanager
from urllib.parse import urlparse

import pytest
from django.db import connection

MISSING_PREFIX = "needs a real service:"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Redis databases a test process may use, three per pytest-xdist worker (cache, broker, tests)
# counted down from 13-15, so that one worker's flush or queue never reaches another's.
_REDIS_DATABASES_PER_WORKER = 3


def xdist_worker_index() -> int:
    """0 outside pytest-xdist and on its first worker (gw0), 1 on gw1, and so on."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def worker_redis_url(url: str) -> str:
    """``url`` with its database number moved down by three per xdist worker before this one
    (redis://host/13 is /13 on gw0, /10 on gw1, /7 on gw2); other URLs as they are."""
    parsed = urlparse(url)
    if parsed.scheme not in {"redis", "rediss"}:
        return url
    database = int(parsed.path.strip("/") or 0) - _REDIS_DATABASES_PER_WORKER * xdist_worker_index()
    if database < 0:
        raise RuntimeError(
            f"too many pytest-xdist workers for the Redis databases under {url}: run fewer (-n)"
        )
    return parsed._replace(path=f"/{database}").geturl()


REDIS_URL = worker_redis_url(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            f"{MISSING_PREFIX} PostgreSQL. Run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/bts (as .ci/run does)."
        )


def retention_function_source() -> str:
    """The SQL of ``bts_delete_case``, the PostgreSQL function retention deletes a case with
    (skips without PostgreSQL): the tests look in it for every table it must empty."""
    require_postgresql()
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = 'bts_delete_case'")
        return cursor.fetchone()[0]


def runtime_role() -> str:
    """The PostgreSQL role web and workers connect as (not the owner that migrates)."""
    from django.conf import settings

    require_postgresql()
    role = settings.DATABASE_RUNTIME_ROLE
    if not role or role == connection.settings_dict["USER"]:
        pytest.skip(
            f"{MISSING_PREFIX} a PostgreSQL runtime role besides the owner. Create it "
            "(CREATE ROLE bts_app LOGIN) and run with DATABASE_RUNTIME_ROLE=bts_app, "
            "as .ci/run does."
        )
    return role


@contextmanager
def portal_as_runtime_role():
    """The portal's own connection opened as the runtime role, as web and workers open it."""
    role = runtime_role()
    params = connection.settings_dict
    saved = params["USER"], params["PASSWORD"]
    connection.close()
    params["USER"], params["PASSWORD"] = role, ""
    try:
        yield
    finally:
        connection.close()
        params["USER"], params["PASSWORD"] = saved


def require_redis() -> str:
    if not _reachable(REDIS_URL):
        pytest.skip(f"{MISSING_PREFIX} Redis at {REDIS_URL} (set TEST_REDIS_URL).")
    return REDIS_URL


def require_chromium() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"{MISSING_PREFIX} Chromium at {CHROMIUM} (apt-get install chromium).")
    return CHROMIUM


def require_weasyprint() -> None:
    """WeasyPrint needs Debian's Pango; a fresh machine may not have it."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        pytest.skip(
            f"{MISSING_PREFIX} Pango for WeasyPrint ({error}); apt-get install libpango-1.0-0"
        )
