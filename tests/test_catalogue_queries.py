"""The catalogue's list page costs the same number of queries with 60 and 600 measures."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tiltaksoversikt.models import Tiltak

from .factories import TemaFactory, TjenesteFactory

pytestmark = pytest.mark.django_db

FILTERS = {
    "alder": "8",
    "tema": ["psykisk-helse", "fritid"],
    "nivaa": ["1", "2"],
    "tilgang": ["lavterskel", "henvisning"],
    "q": "samtale",
}


def make_measures(count, start=0):
    services = [TjenesteFactory(name=f"Tjeneste {n}") for n in range(5)]
    themes = [TemaFactory(title=t) for t in ("Psykisk helse", "Fritid", "Skolefravær")]
    created = Tiltak.objects.bulk_create(
        Tiltak(tjeneste=services[n % 5], title=f"Samtale {n}", slug=f"samtale-{n}",
               summary="Samtaletilbud.", age_min=n % 10, age_max=10 + n % 15, status="published",
               access=("lavterskel", "henvisning", "vedtak")[n % 3], level_1=n % 2 == 0,
               level_2=n % 3 == 0)
        for n in range(start, start + count)
    )  # fmt: skip
    Tiltak.themes.through.objects.bulk_create(
        Tiltak.themes.through(tiltak_id=t.pk, tema_id=themes[i % 3].pk)
        for i, t in enumerate(created)
    )


def count_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get("/tiltak/", params).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("params", [{}, FILTERS], ids=["no-filters", "five-filters"])
def test_list_queries_are_the_same_with_60_and_600_measures(client, params):
    make_measures(60)
    client.get("/tiltak/", params)
    small = count_queries(client, params)
    make_measures(540, start=60)
    assert Tiltak.objects.count() == 600
    assert count_queries(client, params) == small


def test_open_data_queries_do_not_grow(client):
    make_measures(60)
    with CaptureQueriesContext(connection) as small:
        client.get("/tiltak/data.json")
    make_measures(540, start=60)
    with CaptureQueriesContext(connection) as large:
        client.get("/tiltak/data.json")
    assert len(large.captured_queries) == len(small.captured_queries)
