"""pytest plugin for `make mutate`: a migrated test database made once, copied for each run.

mutmut runs pytest once per mutant, in a forked process. pytest-django would build the test
database (every migration, including the append-only triggers and the rows data migrations
seed, which tests rely on) for each of those runs: tens of seconds, and still seconds with
--reuse-db, which checks every migration again. Instead tools/mutate.py migrates a template
file once, and every run opens its own copy of it as it is (two mutants run at once, and
SQLite takes one writer at a time).
"""

import os
import shutil
from pathlib import Path

import pytest

TEMPLATE = Path(os.environ.get("MUTATE_TEST_DB", "var/mutate-test.sqlite3")).resolve()


def _open_copy(name: Path):
    """Stands in for django.test.utils.setup_databases when the template exists."""

    def setup_databases(verbosity, interactive, *args, **kwargs):
        from django.conf import settings
        from django.db import connections

        connection = connections["default"]
        connection.close()
        connection.settings_dict["NAME"] = str(name)
        settings.DATABASES["default"]["NAME"] = str(name)
        connection.ensure_connection()
        return []

    return setup_databases


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    import django.test.utils
    from django.contrib.contenttypes.models import ContentType

    # mutmut runs pytest more than once in one process (and forks from it). A transactional
    # test's flush makes the content types again, with new ids, in that run's copy; the next
    # run's fresh copy has the old ids, so the cache of the last run must not answer.
    ContentType.objects.clear_cache()
    if not TEMPLATE.exists():
        raise pytest.UsageError(f"{TEMPLATE} is missing: run `make mutate` (tools/mutate.py)")
    name = TEMPLATE.with_name(f"{TEMPLATE.stem}-{os.getpid()}{TEMPLATE.suffix}")
    shutil.copyfile(TEMPLATE, name)
    config._mutate_copy = name
    django.test.utils.setup_databases = _open_copy(name)


def pytest_unconfigure(config):
    copy = getattr(config, "_mutate_copy", None)
    if copy is not None:
        for path in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
            path.unlink(missing_ok=True)


def _database_rank(item: pytest.Item) -> int:
    """0: no database, 1: in a transaction rolled back, 2: transactional (flushes the tables).
    pytest-django runs the last kind after the second; tests without a database may go first."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return 2
    if marker is not None:
        transaction = marker.kwargs.get("transaction", marker.args[0] if marker.args else False)
        return 2 if transaction or marker.kwargs.get("reset_sequences") else 1
    return 1 if "db" in fixtures else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests most likely to kill the mutant first (mutmut stops at the first failure):
    those without a database, then the mutated module's own rule tests, each in the order
    mutmut gave (fastest first). pytest-django puts tests without a database last, so a
    mutant of a pure rule ran every database test that calls it before the rule's own test."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    module = mutant.rsplit(".", 1)[0].rsplit(".", 1)[-1] if "." in mutant else ""
    own = f"tests/test_rules_{module}" if module else None

    def rank(item: pytest.Item) -> tuple[int, int]:
        return _database_rank(item), 0 if own and item.nodeid.startswith(own) else 1

    items.sort(key=rank)
