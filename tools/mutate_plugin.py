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
