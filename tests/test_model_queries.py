"""The model's overview and search cost the same number of queries at 40 and 400 elements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samhandling.models import Element

pytestmark = pytest.mark.django_db


def make_elements(count: int) -> None:
    levels, types = ["kommune", "tjeneste", "individ"], ["plan", "verktoy", "rutine"]
    Element.objects.bulk_create(
        Element(
            nivaa=levels[n % 3], type=types[n % 3], title=f"Rutine for samarbeid {n}",
            slug=f"rutine-{n}", summary="Kort om samarbeid.", body="Samarbeid mellom tjenester.",
            status="published", audience="public", order=n,
        )
        for n in range(count)
    )  # fmt: skip


def queries_for(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("url", "params"),
    [("/modell/", None), ("/sok/", {"q": "samarbeid"}), ("/", None), ("/sitemap.xml", None)],
)
def test_page_queries_do_not_grow_with_the_number_of_elements(client, url, params):
    make_elements(40)
    client.get(url, params or {})  # warm the content-type and session caches
    small = queries_for(client, url, params)
    make_elements_extra = 360
    Element.objects.bulk_create(
        Element(nivaa="individ", type="rutine", title=f"Ekstra samarbeid {n}", slug=f"ekstra-{n}",
                summary="Samarbeid.", body="Samarbeid.", status="published", audience="public")
        for n in range(make_elements_extra)
    )  # fmt: skip
    assert Element.objects.count() == 400
    assert queries_for(client, url, params) == small


def test_overview_stays_within_a_small_fixed_budget(client, django_assert_max_num_queries):
    make_elements(400)
    with django_assert_max_num_queries(5):
        client.get("/modell/")


def test_staff_content_list_does_not_grow_with_elements(client, coordinator):
    make_elements(40)
    client.force_login(coordinator)
    client.get("/ansatt/innhold/element/")  # the first request after login also saves the session
    small = queries_for(client, "/ansatt/innhold/element/")
    make_elements_more = [
        Element(nivaa="kommune", type="plan", title=f"Plan {n}", slug=f"plan-{n}",
                summary="x", status="draft", audience="staff")
        for n in range(360)
    ]  # fmt: skip
    Element.objects.bulk_create(make_elements_more)
    assert queries_for(client, "/ansatt/innhold/element/") == small
