"""The WSGI application gunicorn serves for ``make bench``: the portal with the benchmark's
settings, and ``/_raw/``, an answer that never reaches Django. The raw answer's rate is the
ceiling of the server and the load generator together: when it is far above the floor, the
floor measures Django's own cost and not the client's."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.server.settings"

from django.core.wsgi import get_wsgi_application

portal = get_wsgi_application()
RAW = b"ok"


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/_raw/":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [RAW]
    return portal(environ, start_response)
