import os

import pytest
from django.db import connection

from .factories import BrukerFactory, TjenesteFactory, grant_role
from .services import MISSING_PREFIX, in_ci, worker_redis_url, xdist_worker_index


def _redis_databases_of_this_worker() -> None:
    """Under pytest-xdist every worker after the first moves the Redis databases it was given
    (the cache, Celery's broker, the tests' own) to a set of its own: each test clears the
    cache, and a cached page or release of one worker's database must never answer in
    another's. Subprocesses (a real Celery worker) inherit the moved URLs."""
    if not xdist_worker_index():
        return
    from django.conf import settings
    from django.test.signals import setting_changed

    for name in ("CACHE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        if os.environ.get(name):
            os.environ[name] = worker_redis_url(os.environ[name])
    for cache in settings.CACHES.values():
        if isinstance(cache.get("LOCATION"), str):
            cache["LOCATION"] = worker_redis_url(cache["LOCATION"])
    setting_changed.send(sender=None, setting="CACHES", value=settings.CACHES, enter=True)
    from bts_portal.celery import app

    if settings.CELERY_BROKER_URL:
        settings.CELERY_BROKER_URL = app.conf.broker_url = worker_redis_url(
            settings.CELERY_BROKER_URL
        )
    if settings.CELERY_RESULT_BACKEND:
        settings.CELERY_RESULT_BACKEND = app.conf.result_backend = worker_redis_url(
            settings.CELERY_RESULT_BACKEND
        )


_redis_databases_of_this_worker()


def pytest_collection_modifyitems(config, items):
    # In CI the suite runs twice: on SQLite (the README command) and on PostgreSQL. The first
    # run leaves PostgreSQL-only tests to the second instead of counting them as skipped; on
    # PostgreSQL the tests of the Python path that its triggers and functions replace (they
    # edit append-only rows to set a case up, or expect the Python refusal) are left out.
    if connection.vendor == "postgresql":
        other = "sqlite_path"
    elif in_ci():
        other = "postgresql"
    else:
        return
    deselected = [item for item in items if item.get_closest_marker(other)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker(other)]


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
def media(settings, tmp_path):
    """The files the portal stores go to this test's own folder (returned), never to the real
    MEDIA_ROOT; a module that writes files in every test names it in ``usefixtures``."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


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


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a cached statistics release (or page) from one
    test must never answer in another, whose rows may even have the same keys."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _portal_language():
    """Each test starts in the portal's own language. A request through the test client runs
    in the test's thread and leaves the language it chose active there (``?sprak=en``, an
    English browser), so a later test's ``gettext`` read English: the browser tests looked
    for English button names on bokmål pages after such a test ran first on their worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Tests run tasks at the call, even where a broker is configured (as in CI's second stage).

    The one test that needs a real worker sends its task through its own Celery client.
    """
    from bts_portal.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def coordinator(db):
    return BrukerFactory(username="koordinator", is_bts_coordinator=True)


@pytest.fixture
def racing_coordinators(db):
    """Two coordinators for a real race of content decisions (on PostgreSQL only)."""
    from .services import require_postgresql

    require_postgresql()
    return (
        BrukerFactory(username="koordinator", is_bts_coordinator=True),
        BrukerFactory(username="koordinator2", is_bts_coordinator=True),
    )


@pytest.fixture
def leader(tjeneste):
    user = BrukerFactory(username="leder")
    grant_role(user, tjeneste, "leder")
    return user


@pytest.fixture
def sysadmin(db):
    """A system administrator with the admin rights the demo gives its own."""
    from .admin_forms import system_administrator

    return system_administrator("sysadmin")


@pytest.fixture
def sysadmin_client(client, sysadmin):
    client.force_login(sysadmin)
    return client


from .case_fixtures import case, people  # noqa: E402,F401 - shared fixtures for the case tests


# --- The second factor (innlogging) ---------------------------------------------------------
def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "real_second_factor: force_login gives a password-only session (tests of the gate)",
    )


@pytest.fixture(autouse=True)
def _force_login_gives_second_factor(request, monkeypatch):
    """``client.force_login`` skips the login form, and so the second factor: the suite's tests
    act as a user who gave both. Only the test client's shortcut is changed, never the gate;
    the gate's own tests opt out with ``@pytest.mark.real_second_factor``."""
    if request.node.get_closest_marker("real_second_factor"):
        return
    from django.test import Client

    from innlogging.sessions import VERIFIED

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        session[VERIFIED] = "test"
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
