"""The portal's own settings, with the benchmark's URLs and query counter added.

Everything else (DJANGO_ENV=production, the middleware, the cache, the database) comes from
``bts_portal.settings`` and the environment the harness (bench/pages.py) sets.
"""

import os
from pathlib import Path

from bts_portal.settings import *  # noqa: F403
from bts_portal.settings import MIDDLEWARE, STATIC_ROOT, STORAGES

ROOT_URLCONF = "bench.server.urls"
# Outermost, so that a request's count includes every query the other middleware make. It
# counts only when the request asks (X-Bench-Queries), so load runs pay one header lookup.
MIDDLEWARE = ["bench.server.middleware.QueryCountMiddleware", *MIDDLEWARE]

# The harness collects the static files into a directory of its own (never the repository's
# staticfiles/, which another checkout's build may be using).
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT))
if os.environ.get("BENCH_PLAIN_STATIC") == "1":
    # The smoke run only: no collectstatic (45 s), so no hashed names; pages still render.
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
