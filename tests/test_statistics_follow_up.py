"""The municipality's follow-up: read lists, training and meetings become indicators beside
the case figures, with a number of queries that does not grow with the employees."""

import pytest
from django.contrib.auth import login
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bts_portal.content.models import Status
from oppfolging import services
from oppfolging.models import Lesebekreftelse, Mote
from oppfolging.selectors import read_list
from statistikk.indicators import compute_all

from .factories import BrukerFactory, ElementFactory, grant_role

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def routine(people):
    return ElementFactory(
        title="Rutine for stafettholder", type="rutine", status=Status.PUBLISHED,
        owner_tjeneste=people["kindergarten"],
    )  # fmt: skip


@pytest.fixture
def required(people, routine):
    return services.lesekrav_create(
        by=people["users"]["coordinator"], element=routine, roles=["ansatt"],
        services=[people["kindergarten"]],
    )  # fmt: skip


def _table(scope_tables, key):
    return dict(next(t for t in scope_tables if t.key == key).rows)


def test_required_reading_reaches_the_chosen_role_in_the_chosen_service(people, required):
    users = people["users"]
    assert [item for item, _done in read_list(users["stafettholder"])] == [required]
    assert read_list(users["other_service"]) == []  # another service
    assert read_list(users["leader"]) == []  # another role


def test_an_employee_confirms_reading_once_and_it_is_counted(client, people, required):
    employee = people["users"]["stafettholder"]
    client.force_login(employee)
    url = reverse("statistikk:oppfolging:confirm", kwargs={"pk": required.pk})
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a double click
    assert Lesebekreftelse.objects.count() == 1
    page = client.get(reverse("statistikk:oppfolging:read_list")).content.decode()
    assert "Rutine for stafettholder" in page
    tables = compute_all(YEAR)
    for scope in (None, people["kindergarten"].pk):
        rows = _table(tables[scope], "leseliste")
        assert list(rows.values()) == [2, 1], rows  # two employees in the kindergarten


def test_someone_the_reading_does_not_concern_cannot_confirm_it(people, required):
    with pytest.raises(PermissionDenied):
        services.reading_confirm(user=people["users"]["other_service"], lesekrav=required)


def test_a_new_employee_is_told_of_the_read_list_at_login(people, required):
    newcomer = BrukerFactory(username="ny")
    grant_role(newcomer, people["kindergarten"], "ansatt")
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    login(request, newcomer, backend="django.contrib.auth.backends.ModelBackend")
    notices = [str(m) for m in get_messages(request)]
    assert len(notices) == 1
    assert reverse("statistikk:oppfolging:read_list") in notices[0]


def test_training_and_meetings_become_indicators(people):
    users, kindergarten = people["users"], people["kindergarten"]
    today = timezone.localdate()
    services.training_record(by=users["leader"], user=users["stafettholder"],
                             tjeneste=kindergarten, kind="orientering", title="BTI for nye",
                             held_on=today)  # fmt: skip
    services.training_record(by=users["coordinator"], user=users["same_service"],
                             tjeneste=kindergarten, kind="opplaering", title="Stafettlogg",
                             held_on=today)  # fmt: skip
    services.meeting_record(
        by=users["coordinator"], kind=Mote.Kind.RESOURCE_GROUP, held_on=today,
        attendance={kindergarten: 2, people["school"]: 1},
    )  # fmt: skip
    services.meeting_record(by=users["coordinator"], kind=Mote.Kind.FORUM, held_on=today,
                            attendance={people["school"]: 1})  # fmt: skip
    tables = compute_all(YEAR)
    assert list(_table(tables[kindergarten.pk], "opplaering").values()) == [1, 1, 2]
    assert list(_table(tables[None], "opplaering").values()) == [1, 1, 2]
    assert list(_table(tables[kindergarten.pk], "moter").values()) == [1, 0]
    assert list(_table(tables[None], "moter").values()) == [1, 1]
    last_year = compute_all(YEAR - 1)
    assert list(_table(last_year[None], "moter").values()) == [0, 0]


def test_a_leader_records_training_only_in_their_own_service(people):
    with pytest.raises(PermissionDenied):
        services.training_record(
            by=people["users"]["leader"], user=people["users"]["other_service"],
            tjeneste=people["school"], kind="orientering", title="x",
            held_on=timezone.localdate(),
        )  # fmt: skip


def test_routines_per_service_are_counted(people, routine):
    tables = compute_all(YEAR)
    assert list(_table(tables[people["kindergarten"].pk], "rutiner").values()) == [1]
    assert list(_table(tables[None], "rutiner").values()) == [1, 2, 1]


@pytest.mark.parametrize(("who", "status"), [("stafettholder", 403), ("leader", 200),
                                         ("coordinator", 200)])  # fmt: skip
def test_only_coordinator_and_leaders_open_the_follow_up_page(client, people, who, status):
    client.force_login(people["users"][who])
    assert client.get(reverse("statistikk:oppfolging:follow_up")).status_code == status


def test_the_coordinator_marks_required_reading_in_the_staff_area(client, people, routine):
    client.force_login(people["users"]["coordinator"])
    response = client.post(reverse("statistikk:oppfolging:follow_up"), {
        "form": "lesekrav", "element": routine.pk, "roles": ["ansatt"],
    })  # fmt: skip
    assert response.status_code == 302
    assert read_list(people["users"]["participant"])[0][0].element == routine


def _employees(people, required, n):
    for i in range(n):
        user = BrukerFactory(username=f"e{n}-{i}")
        grant_role(user, people["kindergarten"], "ansatt")
        services.reading_confirm(user=user, lesekrav=required)
        services.training_record(by=people["users"]["coordinator"], user=user,
                                 tjeneste=people["kindergarten"], kind="orientering",
                                 title="x", held_on=timezone.localdate())  # fmt: skip


@pytest.mark.parametrize("employees", [3, 30])
def test_follow_up_indicators_take_the_same_queries_for_1x_and_10x_employees(
    people, required, django_assert_max_num_queries, employees
):
    _employees(people, required, employees)
    # Every table for every scope, both years: the case figures and the follow-up.
    with django_assert_max_num_queries(31):
        compute_all(YEAR)


def _indicator_queries(people, required, n):
    _employees(people, required, n)
    with CaptureQueriesContext(connection) as queries:
        tables = compute_all(YEAR)
    return len(queries), tables


def test_ten_times_the_employees_take_exactly_the_same_queries_and_are_all_counted(
    people, required
):
    def figures(tables, key):  # the rows in order: the labels are translated
        return list(_table(tables[people["kindergarten"].pk], key).values())

    few, tables = _indicator_queries(people, required, 3)
    assert figures(tables, "opplaering") == [3, 0, 3]  # orientations, trainings, people
    many, tables = _indicator_queries(people, required, 27)
    assert many == few
    # Everyone confirmed the reading and was oriented: 30 new employees in the kindergarten.
    due, read = figures(tables, "leseliste")
    assert read == 30
    assert due >= read
    assert figures(tables, "opplaering") == [30, 0, 30]
