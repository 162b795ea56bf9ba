"""The indicators that BTS/BTI works, for one year, for the municipality and every service.

Every table is computed for all scopes at once (the municipality and each service) from one
grouped query, so the number of queries is fixed whatever the number of cases or services.
All scopes are needed together because small cells are suppressed jointly over everything a
user can see (``statistikk.disclosure``): what is hidden for a service must stay hidden when
the municipality's figure and the other services' figures are put beside it.

The median time at each level is the one figure reduced in Python: SQLite has no median.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from bts_portal.content.models import Status
from bts_portal.content.translation import column, localized_value, translated_fields
from handlingsveileder.models import Trinn
from organisasjon.models import Tjeneste
from samhandling.models import Element, Side
from stafettlogg.models import (
    Innslag,
    MeldingTilBarnevern,
    Overforing,
    Samtykke,
    Stafettlogg,
    Undring,
)
from tiltaksoversikt.models import Moteplass, Tema, Tiltak

from .epoch import EpochMicroseconds, epoch_us

# The scope of the municipality as a whole; services are scoped by their primary key.
MUNICIPALITY = None
# Rows whose service is unknown (a deleted concern behind a consent): counted for the
# municipality, published for no service.
UNASSIGNED = "unassigned"


@dataclass
class Table:
    key: str
    title: str
    rows: list[tuple[str, int]]
    total: int | None = None  # set when the rows add up to it
    sensitive: bool = True  # about children: small cells are suppressed
    note: str = ""
    # How the municipality's figure relates to the services' ones, for the disclosure audit:
    # "sum" (each child counted in one service), "shared" (a row is the same quantity in
    # every scope that shows it, e.g. a hand-over from A to B), or "" (no identity).
    across_scopes: str = "sum"
    row_keys: list = field(default_factory=list)  # identity of each row across scopes
    current_only: bool = False  # a state today, not a figure for the year
    section: str = "cases"  # where the report puts it: cases, follow_up or content
    cells: list = field(default_factory=list)
    total_cell: object = None
    medians: dict | None = None
    withheld: bool = False
    previous: "Table | None" = None  # last year's table, once published
    lines: list = field(default_factory=list)  # (label, this year's cell, last year's cell)

    def __post_init__(self):
        if not self.row_keys:
            self.row_keys = [label for label, _value in self.rows]


@dataclass
class Period:
    year: int
    start: datetime
    end: datetime

    @classmethod
    def of(cls, year: int) -> "Period":
        tz = timezone.get_current_timezone()
        return cls(
            year,
            datetime.combine(date(year, 1, 1), time.min, tz),
            datetime.combine(date(year + 1, 1, 1), time.min, tz),
        )


def _in(period: Period, field_name: str) -> Q:
    return Q(**{f"{field_name}__gte": period.start, f"{field_name}__lt": period.end})


def _dates_in(period: Period, field_name: str) -> Q:
    return Q(**{f"{field_name}__gte": period.start.date(), f"{field_name}__lt": period.end.date()})


def compute_all(year: int) -> dict:
    """All indicator tables for ``year``, unsuppressed, as {scope: [Table]}; the scope is
    ``MUNICIPALITY`` or a service's primary key."""
    period = Period.of(year)
    service_ids = list(Tjeneste.objects.order_by("pk").values_list("pk", flat=True))
    # A scope: MUNICIPALITY (None) or a service's primary key.
    result: dict[int | None, list[Table]] = {scope: [] for scope in [MUNICIPALITY, *service_ids]}
    builders = (
        _undringer, _cases, _flow, _median_days, _consents, _measures_by_theme,
        _measures_by_service, _evaluations, _handovers, _reports, *_extra_builders(),
        _review, _published,
    )  # fmt: skip
    for build in builders:
        for scope, table in build(period, service_ids).items():
            result.setdefault(scope, []).append(table)
    return result


def _extra_builders():
    """Indicators of the municipality's own follow-up (read lists, training, meetings),
    from the app that records them, when it is installed."""
    from django.apps import apps

    if not apps.is_installed("oppfolging"):
        return ()
    from oppfolging.indicators import BUILDERS

    return BUILDERS


def compute(year: int, tjeneste: Tjeneste | None = None) -> list[Table]:
    """The published (suppressed) tables for ``year`` and one scope."""
    from .disclosure import publish

    return publish(year).tables(year, tjeneste.pk if tjeneste else MUNICIPALITY)


# --- Building tables for every scope -------------------------------------------------------


def _service_key(value):
    return UNASSIGNED if value is None else value


def fixed_rows(key, title, labels, by_service, service_ids, *, total=None, **kwargs) -> dict:
    """Tables with the same rows in every scope. ``labels`` pairs a row label with its field
    in ``by_service`` ({service id: {field: count}}); the municipality is the sum."""
    tables = {}
    fields = [f for _label, f in labels]
    everything = [*service_ids, *([UNASSIGNED] if UNASSIGNED in by_service else [])]
    sums: defaultdict[str, int] = defaultdict(int)
    for sid in everything:
        counts = by_service.get(sid, {})
        for name in [f for _label, f in labels] + ([total] if total else []):
            sums[name] += counts.get(name, 0) or 0
        if sid != UNASSIGNED:
            tables[sid] = Table(
                key, title, [(label, counts.get(f, 0) or 0) for label, f in labels],
                total=(counts.get(total, 0) or 0) if total else None, row_keys=fields,
                **kwargs,
            )  # fmt: skip
    tables[MUNICIPALITY] = Table(
        key, title, [(label, sums[f]) for label, f in labels],
        total=sums[total] if total else None, row_keys=fields, **kwargs,
    )  # fmt: skip
    if UNASSIGNED in by_service:
        tables[UNASSIGNED] = Table(
            key, title, [(label, by_service[UNASSIGNED].get(f, 0) or 0) for label, f in labels],
            total=(by_service[UNASSIGNED].get(total, 0) or 0) if total else None,
            row_keys=fields, **kwargs,
        )  # fmt: skip
    return tables


def dynamic_rows(key, title, by_service, service_ids, *, labels, with_total=False, **kwargs):
    """Tables whose rows are what occurred in the municipality: ``by_service`` is {service id:
    {row key: n}}, ``labels`` {row key: label}; every service shows the same rows."""
    order = sorted(labels, key=lambda k: (str(labels[k]), str(k)))
    tables = {}
    sums: defaultdict[Any, int] = defaultdict(int)  # by row key
    for counts in by_service.values():
        for row_key, n in counts.items():
            sums[row_key] += n

    # Every scope shows the municipality's rows, zeros included: a row present in a service
    # only where it occurred would tell that its "<5" is at least 1.
    keys = [k for k in order if sums.get(k)]

    def table(counts):
        return Table(
            key, title, [(labels[k], counts.get(k, 0)) for k in keys],
            total=sum(counts.values()) if with_total else None, row_keys=keys, **kwargs,
        )  # fmt: skip

    for sid in service_ids:
        tables[sid] = table(by_service.get(sid, {}))
    tables[MUNICIPALITY] = table(sums)
    if UNASSIGNED in by_service:
        tables[UNASSIGNED] = table(by_service[UNASSIGNED])
    return tables


def _grouped(queryset, group: str, **aggregates) -> dict:
    return {
        _service_key(row.pop(group)): row
        for row in queryset.values(group).annotate(**aggregates).order_by()
    }


def _grouped_rows(queryset, group: str, *row_fields: str, count="pk", distinct=False) -> dict:
    result: defaultdict[Any, dict[Any, int]] = defaultdict(dict)  # service, row key: count
    for row in (
        queryset.values(group, *row_fields).annotate(n=Count(count, distinct=distinct)).order_by()
    ):
        key = tuple(row[f] for f in row_fields)
        result[_service_key(row[group])][key if len(key) > 1 else key[0]] = row["n"]
    return result


# --- The case figures ----------------------------------------------------------------------


def _undringer(period, service_ids) -> dict:
    counts = _grouped(
        Undring.objects.filter(_in(period, "created_at")), "tjeneste",
        total=Count("pk"),
        closed=Count("pk", filter=Q(status=Undring.Status.CLOSED)),
        escalated=Count("pk", filter=Q(status=Undring.Status.ESCALATED)),
        open=Count("pk", filter=Q(status=Undring.Status.OPEN)),
    )  # fmt: skip
    return fixed_rows("undringer", _("Concerns (level 0) registered, by outcome"), [
        (_("Closed at level 0"), "closed"),
        (_("Became a case log"), "escalated"),
        (_("Still open"), "open"),
    ], counts, service_ids, total="total")  # fmt: skip


def _cases(period, service_ids) -> dict:
    counts = _grouped(
        Stafettlogg.objects.all(), "tjeneste",
        opened=Count("pk", filter=_in(period, "opened_at")),
        closed=Count("pk", filter=_in(period, "closed_at")),
        active=Count("pk", filter=Q(opened_at__lt=period.end)
                     & (Q(closed_at__isnull=True) | Q(closed_at__gte=period.end))),
    )  # fmt: skip
    return fixed_rows("stafettlogger", _("Case logs"), [
        (_("Opened"), "opened"),
        (_("Closed"), "closed"),
        (_("Active at the end of the year"), "active"),
    ], counts, service_ids)  # fmt: skip


def flow_label(from_level, to_level) -> str:
    return f"{from_level} → {to_level}"


def _flow(period, service_ids) -> dict:
    by_service: defaultdict[Any, dict[tuple[int, int], int]] = defaultdict(dict)
    from_zero = _grouped_rows(
        Stafettlogg.objects.filter(_in(period, "opened_at"), undring__isnull=False),
        "tjeneste", "start_level",
    )  # fmt: skip
    for sid, counts in from_zero.items():
        for level, n in counts.items():
            by_service[sid][(0, level)] = n
    changes = _grouped_rows(
        Innslag.objects.filter(_in(period, "created_at"), kind=Innslag.Kind.LEVEL),
        "stafettlogg__tjeneste", "from_level", "to_level",
    )  # fmt: skip
    for sid, counts in changes.items():
        by_service[sid].update(counts)
    labels = {key: flow_label(*key) for counts in by_service.values() for key in counts}
    return dynamic_rows(
        "flyt", _("Movement between levels (up and down)"), by_service, service_ids,
        labels=labels,
    )  # fmt: skip


def _median_days(period, service_ids) -> dict:
    """Median days spent at each level, over the periods at a level that ended in the year.

    The timestamps are read as microseconds (``statistikk.epoch``): the same differences as
    with datetimes, without parsing a hundred thousand of them."""
    start, end = epoch_us(period.start), epoch_us(period.end)
    case_rows = {
        pk: (service, opened, closed, level)
        for pk, service, opened, closed, level in Stafettlogg.objects.filter(
            opened_at__lt=period.end
        ).values_list(
            "pk", "tjeneste_id", EpochMicroseconds("opened_at"), EpochMicroseconds("closed_at"),
            "level",
        )
    }  # fmt: skip
    changes = (
        Innslag.objects.filter(
            kind=Innslag.Kind.LEVEL, stafettlogg__opened_at__lt=period.end,
            created_at__lt=period.end,
        )
        .order_by("stafettlogg_id", "created_at")
        .values_list("stafettlogg_id", EpochMicroseconds("created_at"), "from_level")
    )  # fmt: skip
    durations: defaultdict[Any, dict[int, list[float]]] = defaultdict(lambda: {1: [], 2: [], 3: []})
    started = {pk: row[1] for pk, row in case_rows.items()}
    for case_id, at, from_level in changes:
        if at >= start and from_level in (1, 2, 3):
            sid = case_rows[case_id][0]
            durations[sid][from_level].append(_days(at - started[case_id]))
        started[case_id] = at
    for pk, (sid, _opened, closed, level) in case_rows.items():
        if closed is not None and start <= closed < end and level in (1, 2, 3):
            durations[sid][level].append(_days(closed - started[pk]))
    everything: dict[int, list[float]] = {1: [], 2: [], 3: []}
    for per_level in list(durations.values()):
        for level, values in per_level.items():
            everything[level].extend(values)
    by_service = {
        sid: {level: len(values) for level, values in per_level.items()}
        for sid, per_level in durations.items()
    }
    labels = [(_("Level %(n)s: number of periods") % {"n": n}, n) for n in (1, 2, 3)]
    tables = fixed_rows(
        "median", _("Median days at each level"), labels, by_service, service_ids,
        note=_("The median is shown only where at least five periods ended."),
    )  # fmt: skip
    for scope, table in tables.items():
        per_level = everything if scope is MUNICIPALITY else durations.get(scope, {})
        # A median of fewer periods than the threshold could describe one child: not shown.
        table.medians = {
            level: round(statistics.median(values))
            if len(values := per_level.get(level, [])) >= settings.STATS_MIN_CELL
            else None
            for level in (1, 2, 3)
        }
    return tables


def _days(microseconds: int) -> float:
    # As timedelta.total_seconds() / 86400 computes it, to the last bit.
    return microseconds / 1_000_000 / 86400


def _consents(period, service_ids) -> dict:
    # A refusal belongs to a concern, not a case: it is counted for the concern's service.
    consents = Samtykke.objects.annotate(
        scope_service=Coalesce(F("stafettlogg__tjeneste"), F("undring__tjeneste"))
    )
    counts = _grouped(
        consents, "scope_service",
        n_given=Count("pk", filter=_dates_in(period, "given_on") & Q(refused=False)),
        n_refused=Count("pk", filter=_dates_in(period, "given_on") & Q(refused=True)),
        n_withdrawn=Count("pk", filter=_in(period, "withdrawn_at")),
        n_expired=Count("pk", filter=_dates_in(period, "valid_until")
                        & Q(withdrawn_at__isnull=True, refused=False)
                        & Q(valid_until__lt=timezone.localdate())),
    )  # fmt: skip
    return fixed_rows("samtykker", _("Consents"), [
        (_("Given"), "n_given"), (_("Refused"), "n_refused"),
        (_("Withdrawn"), "n_withdrawn"), (_("Expired"), "n_expired"),
    ], counts, service_ids)  # fmt: skip


def _measures(period):
    return Innslag.objects.filter(kind=Innslag.Kind.MEASURE).filter(_dates_in(period, "starts_on"))


def _in_language(model, field: str, keys) -> dict[str, str]:
    """Row keys that are bokmål texts of ``model.field`` (a unique column), each with its
    text in the report's language, bokmål where it has no translation. The keys stay in
    bokmål, so that a row is the same row in every language and year; only its label is
    translated (plain text: it is in the CSV too)."""
    translated = column(field)
    if translated == field:
        return {}
    texts = model.objects.filter(**{f"{field}__in": [k for k in keys if k]}).values_list(
        field, translated
    )
    return {key: translated or key for key, translated in texts}


def _measures_by_theme(period, service_ids) -> dict:
    by_service = _grouped_rows(
        _measures(period).filter(tiltak__isnull=False), "stafettlogg__tjeneste",
        "tiltak__themes__title", distinct=True,
    )  # fmt: skip
    keys = {key for counts in by_service.values() for key in counts}
    named = _in_language(Tema, "title", keys)
    labels = {key: named.get(key, key) if key else _("No theme") for key in keys}
    return dynamic_rows(
        "tiltak_tema", _("Measures started, by theme"), by_service, service_ids, labels=labels,
        note=_("A measure with several themes counts once under each."),
    )  # fmt: skip


def _measures_by_service(period, service_ids) -> dict:
    by_service = _grouped_rows(_measures(period), "stafettlogg__tjeneste", "tiltak__tjeneste__name")
    keys = {key for counts in by_service.values() for key in counts}
    named = _in_language(Tjeneste, "name", keys)
    labels = {
        key: named.get(key, key) if key else _("Described in the log (not from the catalogue)")
        for key in keys
    }  # fmt: skip
    return dynamic_rows(
        "tiltak_tjeneste", _("Measures started, by providing service"), by_service,
        service_ids, labels=labels, with_total=True,
    )  # fmt: skip


def _evaluations(period, service_ids) -> dict:
    due = Innslag.objects.filter(kind=Innslag.Kind.MEASURE).filter(_dates_in(period, "evaluate_by"))
    evaluated = Innslag.objects.filter(measure=OuterRef("pk"), kind=Innslag.Kind.EVALUATION)
    on_time = evaluated.filter(created_at__date__lte=OuterRef("evaluate_by"))
    # Each condition is a subquery run per measure: "late" is what is left of the total, so
    # that no measure is looked up three times (an evaluation on time is an evaluation).
    counts = _grouped(
        due.annotate(done=Exists(evaluated), timely=Exists(on_time)), "stafettlogg__tjeneste",
        total=Count("pk"),
        on_time=Count("pk", filter=Q(timely=True)),
        missing=Count("pk", filter=Q(done=False)),
    )  # fmt: skip
    for row in counts.values():
        row["late"] = row["total"] - row["on_time"] - row["missing"]
    return fixed_rows("evalueringer", _("Evaluations of measures due in the year"), [
        (_("On time"), "on_time"), (_("Late"), "late"), (_("Not done"), "missing"),
    ], counts, service_ids, total="total")  # fmt: skip


def _name_columns(relation: str) -> list[str]:
    return [f"{relation}__{column}" for column in translated_fields("name")]


def _handovers(period, service_ids) -> dict:
    pairs = {
        (row["from_tjeneste"], row["to_tjeneste"]): row
        for row in Overforing.objects.filter(
            _in(period, "answered_at"), status=Overforing.Status.ACCEPTED
        )
        .values(
            "from_tjeneste",
            "to_tjeneste",
            *_name_columns("from_tjeneste"),
            *_name_columns("to_tjeneste"),
        )
        .annotate(n=Count("pk"))
        .order_by("from_tjeneste__name", "to_tjeneste__name")
    }
    title = _("Hand-overs between services")

    def name(row, side) -> str:
        """The service's name in the report's language, bokmål where it has no translation
        (a row label is plain text, in the CSV too)."""
        if row[f"{side}__name"] is None:
            return "?"
        return localized_value(row, f"{side}__name")

    def table(keys):
        rows = [
            (f"{name(pairs[k], 'from_tjeneste')} → {name(pairs[k], 'to_tjeneste')}",
             pairs[k]["n"]) for k in keys
        ]  # fmt: skip
        return Table(
            "overforinger",
            title,
            rows,
            total=sum(n for _label, n in rows),
            across_scopes="shared",
            row_keys=list(keys),
        )

    tables = {MUNICIPALITY: table(list(pairs))}
    for sid in service_ids:
        tables[sid] = table([k for k in pairs if sid in k])
    return tables


def _reports(period, service_ids) -> dict:
    counts = _grouped(
        MeldingTilBarnevern.objects.filter(_dates_in(period, "sent_on")), "tjeneste",
        n=Count("pk"),
    )  # fmt: skip
    return fixed_rows(
        "meldinger", _("Reports to the child welfare service recorded"),
        [(_("Reports"), "n")], counts, service_ids,
    )  # fmt: skip


# --- The model and the catalogue (not about children) --------------------------------------


def _review(period, service_ids) -> dict:
    today = timezone.localdate()
    ok, late = Q(review_due__gte=today), Q(review_due__lt=today)
    elements = _grouped(
        Element.objects.filter(status=Status.PUBLISHED), "owner_tjeneste",
        ok=Count("pk", filter=ok), late=Count("pk", filter=late),
    )  # fmt: skip
    measures = _grouped(
        Tiltak.objects.filter(status=Status.PUBLISHED), "tjeneste",
        ok=Count("pk", filter=ok), late=Count("pk", filter=late),
    )  # fmt: skip
    counts: defaultdict[Any, dict[str, int]] = defaultdict(dict)
    for sid, row in elements.items():
        counts[sid].update(e_ok=row["ok"], e_late=row["late"])
    for sid, row in measures.items():
        counts[sid].update(m_ok=row["ok"], m_late=row["late"])
    return fixed_rows("arshjul", _("Annual cycle: reviews"), [
        (_("Model elements reviewed on time"), "e_ok"),
        (_("Model elements overdue"), "e_late"),
        (_("Measures reviewed on time"), "m_ok"), (_("Measures overdue"), "m_late"),
    ], counts, service_ids, sensitive=False, across_scopes="", current_only=True,
       section="content")  # fmt: skip


def _published(period, service_ids) -> dict:
    elements = _grouped(Element.objects.published(), "owner_tjeneste", n=Count("pk"))
    measures = _grouped(Tiltak.objects.published(), "tjeneste", n=Count("pk"))
    tables = {}
    for sid in service_ids:
        tables[sid] = Table("innhold", _("Published content"), [
            (_("Model elements"), elements.get(sid, {}).get("n", 0)),
            (_("Measures"), measures.get(sid, {}).get("n", 0)),
        ], sensitive=False, across_scopes="", current_only=True, section="content")  # fmt: skip
    tables[MUNICIPALITY] = Table("innhold", _("Published content"), [
        (_("Model elements"), sum(row["n"] for row in elements.values())),
        (_("Public pages"), Side.objects.published().count()),
        (_("Guide steps"), Trinn.objects.published().count()),
        (_("Measures"), sum(row["n"] for row in measures.values())),
        (_("Meeting places"), Moteplass.objects.published().count()),
    ], sensitive=False, across_scopes="", current_only=True, section="content")  # fmt: skip
    return tables
