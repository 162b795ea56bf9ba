"""On PostgreSQL: the database refuses to rewrite the access log and the entries, and two
participants writing at the same moment both keep their entries."""

import threading
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import AccessLog, Innslag, Samtykke

from .services import require_postgresql

pytestmark = pytest.mark.postgresql


@pytest.mark.django_db
def test_update_on_the_access_log_fails(case):
    require_postgresql()
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE stafettlogg_accesslog SET what = 'changed'")


@pytest.mark.django_db
def test_delete_on_the_access_log_fails(case):
    require_postgresql()
    AccessLog.objects.create(stafettlogg_id=case.pk, action="view", what="/x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLog.objects.all()._raw_delete(using="default")


@pytest.mark.django_db
def test_update_on_entries_fails_even_through_the_orm(case):
    require_postgresql()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Innslag.objects.filter(stafettlogg=case).update(text="rewritten")


@pytest.mark.django_db(transaction=True)
def test_two_participants_adding_entries_at_the_same_time_both_persist(people):
    require_postgresql()
    from .case_fixtures import open_case

    case = open_case(people)
    holder, participant = people["users"]["stafettholder"], people["users"]["participant"]
    services.participant_add(case=case, by=holder, user=participant, tjeneste=people["clinic"])
    barrier = threading.Barrier(2)
    errors = []

    def write(user, text):
        try:
            barrier.wait(timeout=10)
            services.entry_add(
                case=case,
                user=user,
                kind=Innslag.Kind.MEASURE,
                title=text,
                goal="g",
                responsible="r",
                starts_on=timezone.localdate(),
                evaluate_by=timezone.localdate() + timedelta(days=7),
            )
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=write, args=(holder, "Fra holder")),
        threading.Thread(target=write, args=(participant, "Fra deltaker")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    titles = set(case.entries.filter(kind="tiltak").values_list("title", flat=True))
    assert titles == {"Fra holder", "Fra deltaker"}
    case.refresh_from_db()
    assert case.next_evaluation == timezone.localdate() + timedelta(days=7)
    assert Samtykke.objects.filter(stafettlogg=case).count() == 1
