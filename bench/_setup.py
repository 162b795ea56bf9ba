"""Shared set-up for the benchmarks: a fresh database (a temporary SQLite file, or a new
database on the PostgreSQL server DATABASE_URL names), Django configured, a timer."""

import atexit
import os
import secrets
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _throwaway_postgresql(server_url: str) -> str:
    """A new database beside the one ``server_url`` names, dropped when the script ends, so
    that scripts run one after the other (make bench) never meet each other's rows."""
    import psycopg

    name = f"bts_bench_{time.strftime('%Y%m%d%H%M%S')}_{secrets.token_hex(3)}"
    password = os.environ.get("DATABASE_PASSWORD") or None
    with psycopg.connect(server_url, password=password, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(server_url, password=password, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    atexit.register(drop)
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def setup_django() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = _throwaway_postgresql(url)
        os.environ.pop("MIGRATE_DATABASE_URL", None)
    else:
        handle, path = tempfile.mkstemp(prefix="bts-bench-", suffix=".sqlite3")
        os.close(handle)
        atexit.register(lambda: Path(path).unlink(missing_ok=True))
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bts_portal.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def measure(label: str, func, *, repeat: int = 20) -> float:
    """Run ``func`` ``repeat`` times; print median and p95 in milliseconds; return median."""
    func()  # warm caches and templates
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{label:<58} median {median:8.1f} ms   p95 {p95:8.1f} ms")
    return median


def peak_memory(func) -> float:
    """Peak Python memory in MiB while ``func`` runs."""
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024
