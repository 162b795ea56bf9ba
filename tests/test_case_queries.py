"""The case page and 'my work' cost the same number of queries at any size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stafettlogg.models import Innslag

from .case_fixtures import open_case

pytestmark = pytest.mark.django_db


def add_entries(case, user, count):
    now = timezone.now()
    Innslag.objects.bulk_create(
        Innslag(stafettlogg=case, kind="tiltak" if n % 5 == 0 else "observasjon", author=user,
                text=f"Innslag {n}", title=f"Tiltak {n}", created_at=now - timedelta(minutes=n),
                evaluate_by=timezone.localdate() + timedelta(days=n % 30))
        for n in range(count)
    )  # fmt: skip


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def queries_with_10_and_1000_entries(client, people, case, url) -> tuple[int, int]:
    """The page's queries for the baton holder with 10 entries in the case, then with over
    1,000 (after one request to warm the caches)."""
    holder = people["users"]["stafettholder"]
    client.force_login(holder)
    add_entries(case, holder, 10)
    client.get(url)
    small = queries(client, url)
    add_entries(case, holder, 990)
    assert case.entries.count() > 1000
    return small, queries(client, url)


def test_case_page_queries_are_the_same_with_10_and_1000_entries(client, people, case):
    url = reverse("stafettlogg:case", kwargs={"pk": case.pk})
    small, large = queries_with_10_and_1000_entries(client, people, case, url)
    assert large == small


def test_my_work_queries_do_not_grow_with_cases(client, people):
    holder = people["users"]["stafettholder"]
    client.force_login(holder)
    for n in range(3):
        open_case(people, child=f"Barn {n}")
    url = reverse("stafettlogg:my_work")
    client.get(url)
    small = queries(client, url)
    for n in range(3, 30):
        open_case(people, child=f"Barn {n}")
    assert queries(client, url) == small


def test_service_case_list_queries_do_not_grow(client, people):
    client.force_login(people["users"]["leader"])
    for n in range(3):
        open_case(people, child=f"Barn {n}")
    url = reverse("stafettlogg:service_cases", kwargs={"slug": "solbakken-barnehage"})
    client.get(url)
    small = queries(client, url)
    for n in range(3, 25):
        open_case(people, child=f"Barn {n}")
    assert queries(client, url) == small


@pytest.mark.parametrize(
    "url_name", ["stafettlogg:documents", "stafettlogg:document_handlingsplan",
                 "stafettlogg:document_avslutning", "stafettlogg:document_evaluering"],
)  # fmt: skip
def test_documents_cost_the_same_queries_with_10_and_1000_entries(client, people, case, url_name):
    from .services import require_weasyprint

    if url_name != "stafettlogg:documents":
        require_weasyprint()
    url = reverse(url_name, kwargs={"pk": case.pk})
    small, large = queries_with_10_and_1000_entries(client, people, case, url)
    assert large == small


def test_the_case_page_takes_at_most_15_queries_however_big_the_case(
    client, people, case, django_assert_max_num_queries
):
    """1,000 entries, every participant a service may add and a page of measures: the page
    still costs the session, the rule, the case's own rows and the one access-log insert."""
    from stafettlogg import services

    from .factories import BrukerFactory, grant_role

    holder = people["users"]["stafettholder"]
    for n in range(8):
        colleague = BrukerFactory(username=f"kollega{n}")
        grant_role(colleague, people["clinic"], "ansatt")
        services.participant_add(case=case, by=holder, user=colleague, tjeneste=people["clinic"])
    add_entries(case, holder, 1000)
    client.force_login(holder)
    url = reverse("stafettlogg:case", kwargs={"pk": case.pk})
    client.get(url)  # the guide's steps and the catalogue are kept until they change
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
    assert str(colleague) in response.content.decode()  # the last participant is listed


def test_every_kind_of_timeline_entry_is_shown_from_the_one_query(client, people, case):
    """The timeline reads only the columns it shows (``selectors.TIMELINE_COLUMNS``): a
    measure from the catalogue, an evaluation of it, a correction by another author, a
    family entry and a level change cost no query beyond what plain notes cost, and each
    shows what it points to."""
    from .factories import TiltakFactory

    holder = people["users"]["stafettholder"]
    other = people["users"]["participant"]
    url = reverse("stafettlogg:case", kwargs={"pk": case.pk})
    client.force_login(holder)
    add_entries(case, holder, 5)
    client.get(url)
    plain = queries(client, url)

    tiltak = TiltakFactory(tjeneste=people["clinic"])
    now = timezone.now()
    measure = Innslag.objects.create(
        stafettlogg=case, kind="tiltak", author=holder, author_tjeneste=people["clinic"],
        tiltak=tiltak, title="Samtalegruppe", goal="Trygg i klassen", responsible="Kontakt",
        starts_on=timezone.localdate(), created_at=now,
    )  # fmt: skip
    later = [
        {"kind": "evaluering", "author": holder, "measure": measure, "text": "Virker"},
        {"kind": "korrigering", "author": other, "corrects": measure, "text": "Rettet"},
        {"kind": "familie", "family_author": "Mor", "child_view": "Jeg liker skolen"},
        {"kind": "niva", "author": holder, "from_level": 1, "to_level": 2},
    ]
    for seconds, fields in enumerate(later, start=1):
        Innslag.objects.create(
            stafettlogg=case, created_at=now + timedelta(seconds=seconds), **fields
        )

    client.get(url)  # a new catalogue measure renews the kept guide steps once
    assert queries(client, url) == plain
    page = client.get(url).content.decode()
    for shown in ("Samtalegruppe", "Trygg i klassen", tiltak.get_absolute_url(),
                  str(people["clinic"]), "Virker", "Rettet", "Mor", "Jeg liker skolen",
                  str(holder), str(other)):  # fmt: skip
        assert shown in page, shown
