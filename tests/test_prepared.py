"""Prepared queries (bts_portal.prepared) give exactly what the ORM's own QuerySet gives, in
one query, compiled once per connection, and refuse the shapes they could not rebuild.
The oracle is the QuerySet itself (``Prepared.queryset``), run by the ORM."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bts_portal.prepared import PLANS, PreparedQueryError, prepared
from organisasjon.models import Medlemskap
from stafettlogg.models import Deltaker, Innslag, Samtykke, Stafettlogg

pytestmark = pytest.mark.django_db


def fields(obj) -> dict:
    """A model instance's loaded values (not its state or caches)."""
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


@prepared(case_id=int)
def entries(case_id):
    return (
        Innslag.objects.filter(stafettlogg_id=case_id)
        .select_related("author", "author_tjeneste", "corrects__author", "measure")
        .only("kind", "text", "created_at", "author__username", "author_tjeneste__name",
              "corrects__created_at", "corrects__author__username", "measure__title")
        .order_by("-created_at", "-pk")
    )  # fmt: skip


@prepared(case_id=int, user_id=int, day=date)
def standing(case_id, user_id, day):
    return (
        Deltaker.objects.filter(stafettlogg_id=case_id, user_id=user_id, removed_at__isnull=True)
        .annotate(
            member=Exists(
                Medlemskap.objects.filter(user_id=user_id, tjeneste_id=OuterRef("tjeneste_id"))
            ),
            covered=Exists(
                Samtykke.objects.filter(
                    stafettlogg_id=case_id,
                    refused=False,
                    withdrawn_at__isnull=True,
                    valid_until__gte=day,
                    services=OuterRef("tjeneste_id"),
                )
            ),
        )
        .values("tjeneste_id", "member", "covered")
    )


@prepared(username=str)
def case_ids_of(username):
    return (
        Deltaker.objects.filter(user__username=username)
        .order_by("stafettlogg_id")
        .values_list("stafettlogg_id", flat=True)
    )


@prepared(case_id=int)
def entry_kinds(case_id):
    return (
        Innslag.objects.filter(stafettlogg_id=case_id)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by("kind")
    )


def test_models_with_related_rows_and_deferred_fields_are_the_orms(case, people):
    users = people["users"]
    first = case.entries.order_by("created_at").first()
    Innslag.objects.create(stafettlogg=case, kind="korrigering", author=users["participant"],
                           corrects=first, text="Rettet")  # fmt: skip
    Innslag.objects.create(stafettlogg=case, kind="observasjon", text="Fra systemet")
    got = entries.fetch(case_id=case.pk)
    expected = list(entries.queryset(case_id=case.pk))
    assert [fields(o) for o in got] == [fields(o) for o in expected]
    assert len(got) >= 4
    for mine, theirs in zip(got, expected, strict=True):
        for name in ("author", "author_tjeneste", "corrects", "measure"):
            related, oracle = getattr(mine, name), getattr(theirs, name)
            assert (related is None) == (oracle is None)
            if related is not None:
                assert fields(related) == fields(oracle)
    corrected = next(o for o in got if o.corrects_id)
    assert corrected.corrects.author.username == first.author.username
    assert timezone.is_aware(got[0].created_at)
    # A deferred field still loads on demand, as from the ORM's instance.
    assert got[0].get_deferred_fields() == expected[0].get_deferred_fields()


def test_values_annotations_and_a_day_are_the_orms(case, people):
    users, today = people["users"], timezone.localdate()
    for user in users.values():
        for day in (today, today + timedelta(days=366), today - timedelta(days=400)):
            values = {"case_id": case.pk, "user_id": user.pk, "day": day}
            assert standing.fetch(**values) == list(standing.queryset(**values))
    got = standing.first(case_id=case.pk, user_id=users["participant"].pk, day=today)
    assert got == {"tjeneste_id": people["clinic"].pk, "member": True, "covered": True}
    later = today + timedelta(days=366)
    assert (
        standing.first(case_id=case.pk, user_id=users["participant"].pk, day=later)["covered"]
        is False
    )


def test_flat_and_grouped_lists_and_text_parameters_are_the_orms(case, people):
    for username in ("stafettholder", "participant", "nobody", "o'brien; drop table"):
        assert case_ids_of.fetch(username=username) == list(case_ids_of.queryset(username=username))
    assert case_ids_of.fetch(username="participant") == [case.pk]
    assert entry_kinds.fetch(case_id=case.pk) == list(entry_kinds.queryset(case_id=case.pk))
    assert entry_kinds.first(case_id=-1) is None


def test_one_query_per_fetch_and_one_compile_per_connection(case, people, monkeypatch):
    user = people["users"]["participant"]
    values = {"case_id": case.pk, "user_id": user.pk, "day": timezone.localdate()}
    standing.fetch(**values)
    builds = []
    monkeypatch.setattr(standing, "build", lambda **v: builds.append(v) or standing_build(**v))
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            standing.fetch(**values)
    assert len(queries) == 3
    assert builds == []
    del getattr(connection, PLANS)[standing]  # a new connection compiles again, once
    standing.fetch(**values)
    standing.fetch(**values)
    assert len(builds) == 1


standing_build = standing.build


def test_wrong_names_are_refused(case):
    with pytest.raises(TypeError):
        entries.fetch(pk=case.pk)
    with pytest.raises(TypeError):
        entries.fetch()


@pytest.mark.parametrize(
    ("build", "kinds", "why"),
    [
        (lambda name: Stafettlogg.objects.filter(child_name__contains=name), {"name": str},
         "rewrote"),
        (lambda pk: Stafettlogg.objects.filter(status="active"), {"pk": int}, "not among"),
        (lambda pk: Stafettlogg.objects.filter(pk=pk).prefetch_related("entries"), {"pk": int},
         "prefetch"),
        (lambda pk: Stafettlogg.objects.filter(pk=pk).select_for_update(), {"pk": int},
         "row locks"),
        (lambda pk: Stafettlogg.objects.filter(pk=pk).values_list("pk", named=True),
         {"pk": int}, "not supported"),
        (lambda pk: [pk], {"pk": int}, "QuerySet"),
        (lambda when: Stafettlogg.objects.filter(opened_at__gte=when), {"when": float},
         "int, str, date or datetime"),
    ],
)  # fmt: skip
def test_shapes_it_cannot_rebuild_are_refused(build, kinds, why):
    with pytest.raises(PreparedQueryError, match=why):
        prepared(**kinds)(build).fetch(**{name: kind(1) for name, kind in kinds.items()})


def test_a_related_managers_query_is_refused(case):
    query = prepared(pk=int)(lambda pk: case.entries.filter(pk=pk))
    with pytest.raises(PreparedQueryError, match="related managers"):
        query.fetch(pk=1)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kinds=st.lists(st.sampled_from(["observasjon", "mote", "tiltak", "korrigering"]), max_size=8),
    offsets=st.lists(st.integers(min_value=-900, max_value=900), min_size=1, max_size=4),
    # Any text a form lets through: no NUL, which PostgreSQL cannot store (Django's form
    # fields refuse it before a save).
    texts=st.lists(st.text(st.characters(exclude_characters="\x00"), max_size=12), max_size=3),
)
def test_any_data_and_any_day_give_what_the_orm_gives(case, people, kinds, offsets, texts):
    """Random entries, consents and days (piling up over the examples): the prepared
    results stay the ORM's."""
    users, today = people["users"], timezone.localdate()
    for number, kind in enumerate(kinds):
        Innslag.objects.create(
            stafettlogg=case, kind=kind, text=texts[number % len(texts)] if texts else "",
            author=users["participant"] if number % 2 else None,
            created_at=timezone.now() - timedelta(minutes=number),
        )  # fmt: skip
    consent = Samtykke.objects.create(
        stafettlogg=case, given_by="Lise", method="muntlig", recorded_by=users["stafettholder"],
        valid_until=today + timedelta(days=offsets[0]), refused=bool(offsets[0] % 2),
    )  # fmt: skip
    consent.services.set([people["school"]])
    assert [fields(o) for o in entries.fetch(case_id=case.pk)] == [
        fields(o) for o in entries.queryset(case_id=case.pk)
    ]
    assert entry_kinds.fetch(case_id=case.pk) == list(entry_kinds.queryset(case_id=case.pk))
    for offset in offsets:
        for user in (users["participant"], users["other_service"], users["stafettholder"]):
            values = {"case_id": case.pk, "user_id": user.pk, "day": today + timedelta(days=offset)}
            assert standing.fetch(**values) == list(standing.queryset(**values))


def test_q_objects_and_subqueries_keep_their_values_in_order(case, people):
    """A parameter used twice, among constants on both sides of it, fills both places."""
    query = prepared(case_id=int, kind=str)(
        lambda case_id, kind: (
            Innslag.objects.filter(
                Q(stafettlogg_id=case_id, kind=kind) | Q(stafettlogg_id=case_id, kind="tiltak")
            )
            .exclude(text="ikke dette")
            .order_by("pk")
            .values_list("kind", flat=True)
        )
    )
    for kind in ("observasjon", "mote", "tiltak"):
        assert query.fetch(case_id=case.pk, kind=kind) == list(
            query.queryset(case_id=case.pk, kind=kind)
        )
    assert set(query.fetch(case_id=case.pk, kind="observasjon")) == {"observasjon", "tiltak"}
    assert query.fetch(case_id=case.pk + 1000, kind="observasjon") == []


def test_an_aware_time_parameter_is_the_orms(case, people):
    """Sessions are read with the time now (innlogging.session_store): before and after."""
    query = prepared(case_id=int, since=datetime)(
        lambda case_id, since: (
            Innslag.objects.filter(stafettlogg_id=case_id, created_at__gte=since)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    )
    newest = case.entries.order_by("created_at").last().created_at
    for since in (newest - timedelta(days=1), newest, newest + timedelta(microseconds=1)):
        assert query.fetch(case_id=case.pk, since=since) == list(
            query.queryset(case_id=case.pk, since=since)
        )
    assert query.fetch(case_id=case.pk, since=newest)
    assert query.fetch(case_id=case.pk, since=newest + timedelta(microseconds=1)) == []
