import pytest
from django.db import connection

from .factories import BrukerFactory, TjenesteFactory, grant_role
from .services import MISSING_PREFIX, in_ci


def pytest_collection_modifyitems(config, items):
    # In CI the suite runs twice: on SQLite (the README command) and on PostgreSQL. The first
    # run leaves PostgreSQL-only tests to the second instead of counting them as skipped.
    if not in_ci() or connection.vendor == "postgresql":
        return
    deselected = [item for item in items if item.get_closest_marker("postgresql")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and MISSING_PREFIX in str(report.longrepr):
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, where every service must be present: {report.longrepr}"


@pytest.fixture
def tjeneste(db):
    return TjenesteFactory(name="Solbakken barnehage", slug="solbakken-barnehage")


@pytest.fixture
def other_tjeneste(db):
    return TjenesteFactory(name="Sentrum skole", slug="sentrum-skole")


@pytest.fixture
def employee(tjeneste):
    user = BrukerFactory(username="ansatt")
    grant_role(user, tjeneste, "ansatt")
    return user


@pytest.fixture
def other_employee(other_tjeneste):
    user = BrukerFactory(username="annen.ansatt")
    grant_role(user, other_tjeneste, "ansatt")
    return user


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
