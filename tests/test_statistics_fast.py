"""The statistics made fast give the figures the plain computation gives: the median time at
each level (timestamps read as microseconds by the database) against a straightforward
oracle over random histories, the evaluations' three outcomes, and a release whose number of
queries does not grow with the number of cases."""

import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from organisasjon.models import Tjeneste
from stafettlogg import services
from stafettlogg.models import Innslag, Stafettlogg
from statistikk.epoch import EpochMicroseconds, epoch_us
from statistikk.indicators import MUNICIPALITY, Period, _median_days, compute_all
from statistikk.release_cache import cached_release

from .case_fixtures import open_case

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
# The two years the release shows, with a month on either side.
FIRST = datetime(YEAR - 1, 1, 1, tzinfo=UTC) - timedelta(days=30)
SPAN_SECONDS = int(timedelta(days=2 * 365 + 60).total_seconds())


def test_the_epoch_column_is_exact_to_the_microsecond(people):
    case = open_case(people)
    for moment in (
        datetime(YEAR, 3, 4, 5, 6, 7, tzinfo=UTC),  # stored without a fraction
        datetime(YEAR, 3, 4, 5, 6, 7, 1, tzinfo=UTC),
        datetime(YEAR - 1, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
    ):
        Stafettlogg.objects.filter(pk=case.pk).update(closed_at=moment)
        read = Stafettlogg.objects.filter(pk=case.pk).values_list(
            EpochMicroseconds("closed_at"), flat=True
        )
        assert (
            read.get() == epoch_us(moment) == int(moment.timestamp()) * 10**6 + moment.microsecond
        )
    Stafettlogg.objects.filter(pk=case.pk).update(closed_at=None)
    assert Stafettlogg.objects.values_list(EpochMicroseconds("closed_at"), flat=True).get() is None


def _moment(seconds: int, microsecond: int) -> datetime:
    return FIRST + timedelta(seconds=seconds, microseconds=microsecond)


moments = st.builds(_moment, st.integers(0, SPAN_SECONDS), st.sampled_from([0, 1, 500_000]))


@st.composite
def histories(draw):
    """A few cases in two services: opened, moved between levels at distinct moments,
    perhaps closed; any of it may fall outside the two years."""
    cases = []
    for _ in range(draw(st.integers(1, 10))):
        opened = draw(moments)
        offsets = draw(st.lists(st.integers(1, 400 * 86400), max_size=4, unique=True))
        changes = [
            (opened + timedelta(seconds=o, microseconds=draw(st.sampled_from([0, 7]))),
             draw(st.integers(0, 3)))
            for o in sorted(offsets)
        ]  # fmt: skip
        closed = draw(st.none() | st.integers(1, 500 * 86400))
        cases.append({
            "service": draw(st.integers(0, 1)), "opened": opened, "changes": changes,
            "closed": None if closed is None else opened + timedelta(seconds=closed),
            "level": draw(st.integers(1, 3)),
        })  # fmt: skip
    return cases


def _oracle(cases, year, service_ids):
    """Counts and medians of the periods at each level that ended in ``year``, per case from
    its own history: each level change ends the period at the level it left, closing ends the
    last one."""
    period = Period.of(year)
    durations = defaultdict(list)  # (scope, level) -> days
    for case in cases:
        if case["opened"] >= period.end:
            continue
        scope = service_ids[case["service"]]
        began = case["opened"]
        for at, from_level in case["changes"]:
            if at >= period.end:
                break
            if at >= period.start and from_level in (1, 2, 3):
                for where in (scope, MUNICIPALITY):
                    durations[(where, from_level)].append((at - began).total_seconds() / 86400)
            began = at
        closed = case["closed"]
        if closed and period.start <= closed < period.end:
            for where in (scope, MUNICIPALITY):
                durations[(where, case["level"])].append((closed - began).total_seconds() / 86400)
    return durations


@hsettings(
    max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(histories())
def test_the_median_days_are_those_of_a_plain_oracle(people, settings, cases):
    settings.STATS_MIN_CELL = 2  # so that small random histories have medians to compare
    holder = people["users"]["stafettholder"]
    service_ids = [people["kindergarten"].pk, people["clinic"].pk]
    with transaction.atomic():
        for case in cases:
            log = Stafettlogg.objects.create(
                child_name="Barn", child_birth_date=date(2015, 1, 1), level=case["level"],
                stafettholder=holder, tjeneste_id=service_ids[case["service"]],
                closed_at=case["closed"],
            )  # fmt: skip
            Stafettlogg.objects.filter(pk=log.pk).update(opened_at=case["opened"])
            Innslag.objects.bulk_create(
                Innslag(stafettlogg=log, kind=Innslag.Kind.LEVEL, author=holder, created_at=at,
                        from_level=from_level, to_level=1 + from_level % 3)
                for at, from_level in case["changes"]
            )  # fmt: skip
        every_service = list(Tjeneste.objects.order_by("pk").values_list("pk", flat=True))
        for year in (YEAR - 1, YEAR):
            expected = _oracle(cases, year, service_ids)
            tables = _median_days(Period.of(year), every_service)
            for scope in (MUNICIPALITY, *service_ids):
                table = tables[scope]
                counts = [value for _label, value in table.rows]
                assert counts == [len(expected[(scope, level)]) for level in (1, 2, 3)]
                assert table.medians == {
                    level: round(statistics.median(values))
                    if len(values := expected[(scope, level)]) >= 2 else None
                    for level in (1, 2, 3)
                }  # fmt: skip
        transaction.set_rollback(True)


def _evaluations(tables, scope):
    table = next(t for t in tables[scope] if t.key == "evalueringer")
    return dict(zip(table.row_keys, [value for _label, value in table.rows], strict=True)), table


def test_evaluations_are_on_time_late_or_not_done(people):
    holder = people["users"]["stafettholder"]
    case = open_case(people)
    today = timezone.localdate()
    due = today.replace(month=1, day=1) + timedelta(days=10)
    measures = [
        services.entry_add(case=case, user=holder, kind=Innslag.Kind.MEASURE, title=f"T{n}",
                           starts_on=due - timedelta(days=5), evaluate_by=due)
        for n in range(3)
    ]  # fmt: skip
    on_time, late, _missing = measures
    noon = timezone.get_current_timezone()
    for measure, when in ((on_time, due), (late, due + timedelta(days=3)), (on_time, today)):
        # The second evaluation of the measure evaluated on time leaves it on time.
        Innslag.objects.create(
            stafettlogg=case, kind=Innslag.Kind.EVALUATION, author=holder, measure=measure,
            text="e", created_at=datetime(when.year, when.month, when.day, 12, tzinfo=noon),
        )  # fmt: skip
    figures, table = _evaluations(compute_all(today.year), people["kindergarten"].pk)
    assert figures == {"on_time": 1, "late": 1, "missing": 1}
    assert table.total == 3


def _release_queries(people, n_cases):
    holder = people["users"]["stafettholder"]
    for n in range(n_cases):
        case = open_case(people, child=f"B {Stafettlogg.objects.count()} {n}")
        services.level_change(case=case, user=holder, to_level=2, reason="r")
        today = timezone.localdate()
        services.entry_add(case=case, user=holder, kind=Innslag.Kind.MEASURE, title="T",
                           starts_on=today, evaluate_by=today)  # fmt: skip
        if n % 2:
            services.case_close(case=case, user=holder, reason="r", final_evaluation="f")
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        release = cached_release(YEAR)
    return len(queries), release


def test_the_release_takes_the_same_queries_for_1x_and_10x_cases(people):
    few, _release = _release_queries(people, 3)
    many, release = _release_queries(people, 27)
    assert many == few
    cases = {t.key: t for t in release.tables(YEAR, MUNICIPALITY)}["stafettlogger"]
    assert dict(zip(cases.row_keys, [v for _label, v in cases.rows], strict=True))["opened"] == 30
