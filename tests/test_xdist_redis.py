"""Under pytest-xdist each worker has Redis databases of its own (tests/conftest.py)."""

import os

import pytest
from django.conf import settings

from .services import worker_redis_url, xdist_worker_index


@pytest.mark.parametrize(
    ("worker", "url", "expected"),
    [
        (None, "redis://127.0.0.1:6379/13", "redis://127.0.0.1:6379/13"),
        ("gw0", "redis://127.0.0.1:6379/15", "redis://127.0.0.1:6379/15"),
        ("gw1", "redis://127.0.0.1:6379/13", "redis://127.0.0.1:6379/10"),
        ("gw2", "redis://:secret@cache:6380/14", "redis://:secret@cache:6380/8"),
        ("gw1", "locmemcache://", "locmemcache://"),
        ("gw1", "", ""),
    ],
)
def test_a_worker_moves_its_redis_databases_down_three_per_worker_before_it(
    monkeypatch, worker, url, expected
):
    if worker is None:
        monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    else:
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
    assert worker_redis_url(url) == expected


def test_more_workers_than_databases_is_an_error_not_a_shared_database(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw5")
    with pytest.raises(RuntimeError, match="too many pytest-xdist workers"):
        worker_redis_url("redis://127.0.0.1:6379/13")


def test_this_process_uses_the_databases_of_its_worker():
    location = settings.CACHES["default"].get("LOCATION")
    if not (isinstance(location, str) and location.startswith("redis://")):
        pytest.skip("the cache is not Redis in this run (CI's second stage sets CACHE_URL)")
    assert location.rsplit("/", 1)[1] == str(13 - 3 * xdist_worker_index())
    assert os.environ["CACHE_URL"] == location
    from bts_portal.celery import app

    if settings.CELERY_BROKER_URL:
        assert app.conf.broker_url == settings.CELERY_BROKER_URL == os.environ["CELERY_BROKER_URL"]
        assert settings.CELERY_BROKER_URL.rsplit("/", 1)[1] == str(14 - 3 * xdist_worker_index())
