"""Read queries compiled to SQL once per database connection, then run with new values.

Building a query through the ORM (filters, joins, the compiler) costs 0.3–3 ms of Python
for a query that SQLite or PostgreSQL answers in a few dozen microseconds; on the pages
staff use all day (a case, My work) that was most of each request (issue 19). A prepared
query is still written as a QuerySet, by a function of its parameters::

    @prepared(case_id=int, user_id=int)
    def participation(case_id, user_id):
        return Deltaker.objects.filter(stafettlogg_id=case_id, user_id=user_id).values(...)

    participation.fetch(case_id=case.pk, user_id=user.pk)   # what list(queryset) gives
    participation.first(case_id=case.pk, user_id=user.pk)   # the first row, or None
    participation.queryset(case_id=..., user_id=...)        # the ORM's own, for tests

The first ``fetch`` on a connection calls the function with a stand-in value for each
parameter (a number, text or day no real row has), compiles the QuerySet and finds the
stand-ins among the SQL's parameters; later calls put the real values in their places and
read the rows through the compiler's own converters, into the same models, dicts or tuples
the QuerySet would give. Nothing but the SQL text and its shape is kept: never a row.

The function must describe the query's shape only: every value that changes between calls
is a declared parameter (``int``, ``str``, ``date`` or an aware ``datetime``), never read
from the clock, the request or a global inside it. Compiling refuses what would not survive
that (a stand-in the ORM rewrote, such as a ``contains`` pattern, or none found at all), and
what it cannot rebuild (prefetches, row locks, related managers' known objects).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)

Builder = Callable[..., QuerySet]
PLANS = "_bts_prepared_plans"  # on each DatabaseWrapper: {Prepared: _Plan}


_KEY_RANGE = range(-(2**63), 2**63)  # what a database integer column holds


def fits_a_key(value: int) -> bool:
    """Can ``value`` (say from an address) be a row's key at all? A number beyond any
    integer column must not reach the driver, which would refuse it with an error."""
    return value in _KEY_RANGE


class PreparedQueryError(Exception):
    """The function's QuerySet cannot be prepared (see the module's docstring)."""


def _stand_in(kind: type, number: int) -> Any:
    if kind is int:
        return -(8_100_000_000_000 + 7_919 * number + 17)
    if kind is str:
        return f"\x1eprepared-{number}\x1e"
    if kind is datetime:
        return datetime(1001 + number, 2, 3, 4, 5, 6, tzinfo=UTC)
    if kind is date:
        return date(1001 + number, 2, 3)
    raise PreparedQueryError(f"a parameter must be int, str, date or datetime, not {kind!r}")


def _adapter(kind: type, connection) -> Callable[[Any], Any]:
    """How a value of ``kind`` reaches the database driver (what the ORM would pass)."""
    if kind is datetime:
        return connection.ops.adapt_datetimefield_value  # an aware time, as the ORM passes it
    if kind is date:
        return connection.ops.adapt_datefield_value
    return lambda value: value


@dataclass(frozen=True, slots=True)
class _Plan:
    sql: str
    params: tuple  # the compiled parameters, the stand-ins' places to be filled
    slots: tuple  # (index, name, adapt) for each place of a declared parameter
    make: Callable[[list], list]  # rows -> what the QuerySet would have given


class Prepared:
    def __init__(self, build: Builder, kinds: dict[str, type]):
        self.build = build
        self.kinds = dict(kinds)
        self.__name__ = getattr(build, "__name__", "prepared")
        self.__doc__ = build.__doc__
        self._alias: str | None = None  # the database the QuerySet reads (its ``db``)

    def __repr__(self) -> str:
        return f"<prepared {self.__name__}({', '.join(self.kinds)})>"

    def queryset(self, **values: Any) -> QuerySet:
        """The QuerySet itself, built by the ORM for these values (what ``fetch`` must equal)."""
        self._check_names(values)
        return self.build(**values)

    def fetch(self, **values: Any) -> list:
        self._check_names(values)
        if self._alias is None:
            self._alias = self._stand_in_queryset().db
        connection = connections[self._alias]
        plans = connection.__dict__.setdefault(PLANS, {})
        plan = plans.get(self)
        if plan is None:
            plan = plans[self] = self._compile(connection)
        params = list(plan.params)
        for index, name, adapt in plan.slots:
            params[index] = adapt(values[name])
        with connection.cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        return plan.make(rows)

    def first(self, **values: Any):
        rows = self.fetch(**values)
        return rows[0] if rows else None

    # --- Compiling --------------------------------------------------------------------------

    def _check_names(self, values: dict) -> None:
        if values.keys() != self.kinds.keys():
            raise TypeError(f"{self!r} takes {sorted(self.kinds)}, not {sorted(values)}")
        for name, kind in self.kinds.items():
            if kind is int and not fits_a_key(values[name]):
                raise ValueError(f"{self!r}: {name} is beyond any integer column")

    def _stand_ins(self) -> dict[str, Any]:
        return {name: _stand_in(kind, n) for n, (name, kind) in enumerate(self.kinds.items())}

    def _stand_in_queryset(self) -> QuerySet:
        """A new QuerySet for the stand-ins (compiling may change a query: one per compile)."""
        queryset = self.build(**self._stand_ins())
        if not isinstance(queryset, QuerySet):
            raise PreparedQueryError(f"{self!r} must return a QuerySet")
        return queryset

    def _compile(self, connection) -> _Plan:
        stand_ins = self._stand_ins()
        queryset = self._stand_in_queryset()
        if queryset._prefetch_related_lookups or queryset._known_related_objects:  # type: ignore[attr-defined]
            raise PreparedQueryError(f"{self!r}: no prefetches or related managers")
        if queryset.query.select_for_update:
            raise PreparedQueryError(f"{self!r}: reads only, no row locks")
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        if not sql:
            raise PreparedQueryError(f"{self!r} compiles to no query at all")
        matches = {}
        for name, kind in self.kinds.items():
            adapted = _adapter(kind, connection)(stand_ins[name])
            matches[name] = (stand_ins[name], adapted)
        slots = []
        found = set()
        for index, param in enumerate(params):
            slot = next(
                (n for n, (raw, adapted) in matches.items() if _same(param, raw, adapted)), None
            )
            if slot is not None:
                slots.append((index, slot, _adapter(self.kinds[slot], connection)))
                found.add(slot)
            elif _mentions(param, matches.values()):
                raise PreparedQueryError(f"{self!r}: the ORM rewrote a parameter ({param!r})")
        if missing := set(self.kinds) - found:
            raise PreparedQueryError(f"{self!r}: {sorted(missing)} not among the SQL's values")
        if _mentions(sql, matches.values()):
            raise PreparedQueryError(f"{self!r}: a parameter was written into the SQL text")
        return _Plan(sql, tuple(params), tuple(slots), _maker(queryset, compiler))


def _same(param: Any, raw: Any, adapted: Any) -> bool:
    return any(type(param) is type(value) and param == value for value in (raw, adapted))


def _mentions(value: Any, stand_ins: Iterable[tuple[Any, Any]]) -> bool:
    text = str(value)
    return any(str(raw) in text or str(adapted) in text for raw, adapted in stand_ins)


def _maker(queryset: QuerySet, compiler) -> Callable[[list], list]:
    """Rows -> what iterating ``queryset`` gives, by its iterable class (as Django's own)."""
    col_count = compiler.col_count
    # What ``compiler.results_iter`` works out on every call, once: the columns' converters.
    converters = compiler.get_converters([column[0] for column in compiler.select[:col_count]])
    if compiler.has_composite_fields([column[0] for column in compiler.select[:col_count]]):
        raise PreparedQueryError("composite primary keys are not supported")

    def rows(fetched: list, tuples: bool = False):
        if compiler.has_extra_select:
            fetched = [row[:col_count] for row in fetched]
        if converters:
            fetched = compiler.apply_converters(fetched, converters)
        return map(tuple, fetched) if tuples else fetched

    iterable = queryset._iterable_class
    if iterable is ValuesIterable:
        query = queryset.query
        names = list(query.selected) if query.selected else [
            *query.extra_select, *query.values_select, *query.annotation_select,
        ]  # fmt: skip
        return lambda fetched: [dict(zip(names, row, strict=True)) for row in rows(fetched)]
    if iterable is ValuesListIterable:
        return lambda fetched: list(rows(fetched, tuples=True))
    if iterable is FlatValuesListIterable:
        return lambda fetched: [row[0] for row in rows(fetched)]
    if iterable is not ModelIterable:
        raise PreparedQueryError(f"{iterable.__name__} results are not supported")
    db = queryset.db
    select, klass_info = compiler.select, compiler.klass_info
    annotations = list(compiler.annotation_col_map.items())
    model = klass_info["model"]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    # django-stubs describe a later Django's signature (with fetch_mode); 5.2 takes three.
    populators = get_related_populators(klass_info, select, db)  # type: ignore[call-arg]

    def models(fetched: list) -> list:
        objects = []
        for row in rows(fetched):
            obj = model.from_db(db, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    return models


def prepared(**kinds: type) -> Callable[[Builder], Prepared]:
    """Declare a prepared query: ``@prepared(name=int, ...)`` over a function of those names."""

    def decorator(build: Builder) -> Prepared:
        return Prepared(build, kinds)

    return decorator
