"""The Celery application. Configuration comes from Django settings (``CELERY_*``)."""

import logging
import os

from celery import Celery
from celery.signals import beat_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bts_portal.settings")

app = Celery("bts_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)

# One beat only: a second would send every periodic task twice (two retention runs at once,
# two reminders). Beat holds this PostgreSQL advisory lock on its own connection for as long
# as it runs; a second beat finds it taken and stops. The lock goes with the process.
BEAT_LOCK_KEY = 0x6274735F62656174  # "bts_beat"
_beat_lock_connection = None


class AnotherBeatRuns(SystemExit):
    pass


def hold_beat_lock() -> None:
    global _beat_lock_connection
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    lock = psycopg.connect(**params, autocommit=True)
    # The function returns one row, always.
    if not lock.execute("SELECT pg_try_advisory_lock(%s)", [BEAT_LOCK_KEY]).fetchone()[0]:  # type: ignore[index]
        lock.close()
        raise AnotherBeatRuns("Another Celery beat holds the lock: only one may run.")
    _beat_lock_connection = lock


@beat_init.connect
def _only_one_beat(sender=None, **kwargs):
    hold_beat_lock()
