"""A Celery app for the worker fault tests: the portal's app with two slow document kinds.

Started as ``celery -A tests.job_worker worker``; the render functions stand in for a PDF that
takes too long, and write their process id where the test can find it to kill it.
"""

import os
import time
from pathlib import Path

import django

from bts_portal.celery import app  # sets DJANGO_SETTINGS_MODULE

# bts_portal.jobs declares an abstract model (DocumentJob): the apps must be loaded first, as
# the portal's own worker has them before it imports its tasks.
django.setup()

from bts_portal import jobs  # noqa: E402

__all__ = ["app"]


def slow_render(job, progress):
    Path(os.environ["BTS_TEST_PID_FILE"]).write_text(str(os.getpid()))
    progress(50)
    time.sleep(120)
    return b"%PDF-1.4 never"


for name, limits in {"slow": (2, 6), "sleepy": (100, 110)}.items():
    jobs.register(
        name,
        jobs.DocumentKind(
            model="statistikk.ReportFile",
            render="tests.job_worker.slow_render",
            filename="slow-{job.pk}.pdf",
            soft_time_limit=limits[0],
            time_limit=limits[1],
        ),
    )
