"""The public search (/sok/) on the demo content and on ten times as much, for common words.

Measured without the public page cache, so that each request searches."""

from _setup import measure, setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from samhandling.models import Element, Side  # noqa: E402
from tiltaksoversikt.models import Moteplass, Tiltak  # noqa: E402

QUERIES = ["samarbeid", "barnehage", "mobbing", "helsesøster", "foreldre barn"]


def copy_content(copies: int) -> None:
    """Each published element, page, measure and meeting place ``copies`` more times,
    saved one by one as an editor would (so that any index follows)."""
    for model in (Element, Side, Tiltak, Moteplass):
        originals = list(model.objects.filter(status="published"))
        for n in range(copies):
            for item in originals:
                item.pk = None
                # Each of these models has an ``id`` and a ``slug``; their base declares neither.
                item.id = None  # type: ignore[attr-defined]
                item._state.adding = True
                item.slug = f"{item.slug.split('--')[0]}--{n}"  # type: ignore[attr-defined]
                item.save()


def run() -> None:
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client()
    for scale in ("1x", "10x"):
        if scale == "10x":
            copy_content(9)
        for query in QUERIES:
            reset_queries()  # the copies filled the query log
            with CaptureQueriesContext(connection) as queries:
                response = client.get("/sok/", {"q": query})
            hits = response.content.decode().count('<li>\n        <h2 class="h5')
            label = f"/sok/?q={query} at {scale} ({len(queries)} queries, {hits} on page 1)"
            measure(label, lambda q=query: client.get("/sok/", {"q": q}))


with override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if "page_cache" not in m]):
    run()
