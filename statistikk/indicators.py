"""The indicators that BTS/BTI works, for one year, for the municipality or one service.

Every count is an aggregate in the database: a fixed number of queries whatever the number of
cases. The one exception is the median time at each level, whose durations come back from one
query and are reduced in Python, since SQLite has no median aggregate.
"""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bts_portal.content.models import Status
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
from tiltaksoversikt.models import Moteplass, Tiltak

from .suppression import suppress


@dataclass
class Table:
    key: str
    title: str
    rows: list[tuple[str, int]]
    total: int | None = None  # set when the rows add up to it
    sensitive: bool = True  # about children: small cells are suppressed
    note: str = ""
    cells: list = field(default_factory=list)
    total_cell: object = None

    def finish(self) -> "Table":
        values = [value for _label, value in self.rows]
        if self.sensitive:
            self.cells, self.total_cell = suppress(values, self.total)
        else:
            self.cells = [str(v) for v in values]
            self.total_cell = None if self.total is None else str(self.total)
        return self


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


def compute(year: int, tjeneste: Tjeneste | None = None) -> list[Table]:
    """All indicator tables for ``year``; for one service when ``tjeneste`` is given."""
    period = Period.of(year)
    scope = {"tjeneste": tjeneste} if tjeneste else {}
    cases = Stafettlogg.objects.filter(**scope)
    tables = [
        _undringer(period, scope),
        _cases(period, cases),
        _flow(period, cases),
        _median_days(period, cases),
        _consents(period, cases),
        _measures_by_theme(period, cases),
        _measures_by_service(period, cases),
        _evaluations(period, cases),
        _handovers(period, tjeneste),
        _reports(period, scope),
        _review(tjeneste),
        _published(tjeneste),
    ]
    return [table.finish() for table in tables]


def _undringer(period, scope) -> Table:
    counts = Undring.objects.filter(_in(period, "created_at"), **scope).aggregate(
        total=Count("pk"),
        closed=Count("pk", filter=Q(status=Undring.Status.CLOSED)),
        escalated=Count("pk", filter=Q(status=Undring.Status.ESCALATED)),
        open=Count("pk", filter=Q(status=Undring.Status.OPEN)),
    )
    return Table("undringer", _("Concerns (level 0) registered, by outcome"), [
        (_("Closed at level 0"), counts["closed"]),
        (_("Became a case log"), counts["escalated"]),
        (_("Still open"), counts["open"]),
    ], total=counts["total"])  # fmt: skip


def _cases(period, cases) -> Table:
    counts = cases.aggregate(
        opened=Count("pk", filter=_in(period, "opened_at")),
        closed=Count("pk", filter=_in(period, "closed_at")),
        active=Count("pk", filter=Q(opened_at__lt=period.end)
                     & (Q(closed_at__isnull=True) | Q(closed_at__gte=period.end))),
    )  # fmt: skip
    return Table("stafettlogger", _("Case logs"), [
        (_("Opened"), counts["opened"]),
        (_("Closed"), counts["closed"]),
        (_("Active at the end of the year"), counts["active"]),
    ])  # fmt: skip


def _flow(period, cases) -> Table:
    from_zero = (
        cases.filter(_in(period, "opened_at"), undring__isnull=False)
        .values("start_level").annotate(n=Count("pk")).order_by("start_level")
    )  # fmt: skip
    changes = (
        Innslag.objects.filter(_in(period, "created_at"), kind=Innslag.Kind.LEVEL,
                               stafettlogg__in=cases)
        .values("from_level", "to_level").annotate(n=Count("pk"))
        .order_by("from_level", "to_level")
    )  # fmt: skip
    rows = [(f"0 → {row['start_level']}", row["n"]) for row in from_zero]
    rows += [(f"{row['from_level']} → {row['to_level']}", row["n"]) for row in changes]
    return Table("flyt", _("Movement between levels (up and down)"), rows)


def _median_days(period, cases) -> Table:
    """Median days spent at each level, over the periods at a level that ended in the year."""
    case_rows = {
        row["pk"]: row
        for row in cases.filter(opened_at__lt=period.end).values(
            "pk", "start_level", "opened_at", "closed_at", "level"
        )
    }
    changes = (
        Innslag.objects.filter(
            kind=Innslag.Kind.LEVEL, stafettlogg_id__in=case_rows, created_at__lt=period.end
        )
        .order_by("stafettlogg_id", "created_at")
        .values_list("stafettlogg_id", "created_at", "from_level")
    )
    durations: dict[int, list[float]] = {1: [], 2: [], 3: []}
    started = {pk: row["opened_at"] for pk, row in case_rows.items()}
    for case_id, at, from_level in changes:
        if at >= period.start and from_level in durations:
            durations[from_level].append((at - started[case_id]).total_seconds() / 86400)
        started[case_id] = at
    for pk, row in case_rows.items():
        closed = row["closed_at"]
        if closed and period.start <= closed < period.end and row["level"] in durations:
            durations[row["level"]].append((closed - started[pk]).total_seconds() / 86400)
    rows = []
    for level, values in durations.items():
        rows.append((_("Level %(n)s: number of periods") % {"n": level}, len(values)))
    table = Table(
        "median",
        _("Median days at each level"),
        rows,
        note=_("The median is shown only where at least five periods ended."),
    )
    # A median of fewer periods than the threshold could describe one child: not shown.
    table.medians = {
        level: round(statistics.median(values)) if len(values) >= settings.STATS_MIN_CELL else None
        for level, values in durations.items()
    }
    return table


def _consents(period, cases) -> Table:
    consents = Samtykke.objects.filter(stafettlogg__in=cases)
    counts = consents.aggregate(
        n_given=Count("pk", filter=_dates_in(period, "given_on") & Q(refused=False)),
        n_refused=Count("pk", filter=_dates_in(period, "given_on") & Q(refused=True)),
        n_withdrawn=Count("pk", filter=_in(period, "withdrawn_at")),
        n_expired=Count("pk", filter=_dates_in(period, "valid_until")
                      & Q(withdrawn_at__isnull=True, refused=False)
                      & Q(valid_until__lt=timezone.localdate())),
    )  # fmt: skip
    return Table("samtykker", _("Consents"), [
        (_("Given"), counts["n_given"]), (_("Refused"), counts["n_refused"]),
        (_("Withdrawn"), counts["n_withdrawn"]), (_("Expired"), counts["n_expired"]),
    ])  # fmt: skip


def _measures(period, cases):
    return Innslag.objects.filter(kind=Innslag.Kind.MEASURE, stafettlogg__in=cases).filter(
        _dates_in(period, "starts_on")
    )


def _measures_by_theme(period, cases) -> Table:
    rows = (
        _measures(period, cases).filter(tiltak__isnull=False)
        .values("tiltak__themes__title").annotate(n=Count("pk", distinct=True))
        .order_by("tiltak__themes__title")
    )  # fmt: skip
    return Table("tiltak_tema", _("Measures started, by theme"), [
        (row["tiltak__themes__title"] or _("No theme"), row["n"]) for row in rows
    ], note=_("A measure with several themes counts once under each."))  # fmt: skip


def _measures_by_service(period, cases) -> Table:
    measures = _measures(period, cases)
    rows = (
        measures.values("tiltak__tjeneste__name").annotate(n=Count("pk"))
        .order_by("tiltak__tjeneste__name")
    )  # fmt: skip
    return Table("tiltak_tjeneste", _("Measures started, by providing service"), [
        (row["tiltak__tjeneste__name"] or _("Described in the log (not from the catalogue)"),
         row["n"]) for row in rows
    ], total=measures.count())  # fmt: skip


def _evaluations(period, cases) -> Table:
    due = Innslag.objects.filter(kind=Innslag.Kind.MEASURE, stafettlogg__in=cases).filter(
        _dates_in(period, "evaluate_by")
    )
    evaluated = Innslag.objects.filter(measure=OuterRef("pk"), kind=Innslag.Kind.EVALUATION)
    on_time = evaluated.filter(created_at__date__lte=OuterRef("evaluate_by"))
    counts = due.annotate(done=Exists(evaluated), timely=Exists(on_time)).aggregate(
        total=Count("pk"),
        on_time=Count("pk", filter=Q(timely=True)),
        late=Count("pk", filter=Q(done=True, timely=False)),
        missing=Count("pk", filter=Q(done=False)),
    )
    return Table("evalueringer", _("Evaluations of measures due in the year"), [
        (_("On time"), counts["on_time"]), (_("Late"), counts["late"]),
        (_("Not done"), counts["missing"]),
    ], total=counts["total"])  # fmt: skip


def _handovers(period, tjeneste) -> Table:
    handovers = Overforing.objects.filter(
        _in(period, "answered_at"), status=Overforing.Status.ACCEPTED
    )
    if tjeneste:
        handovers = handovers.filter(Q(from_tjeneste=tjeneste) | Q(to_tjeneste=tjeneste))
    rows = (
        handovers.values("from_tjeneste__name", "to_tjeneste__name").annotate(n=Count("pk"))
        .order_by("from_tjeneste__name", "to_tjeneste__name")
    )  # fmt: skip
    return Table("overforinger", _("Hand-overs between services"), [
        (f"{row['from_tjeneste__name'] or '?'} → {row['to_tjeneste__name']}", row["n"])
        for row in rows
    ], total=handovers.count())  # fmt: skip


def _reports(period, scope) -> Table:
    count = MeldingTilBarnevern.objects.filter(_dates_in(period, "sent_on"), **scope).count()
    return Table(
        "meldinger", _("Reports to the child welfare service recorded"), [(_("Reports"), count)]
    )


def _review(tjeneste) -> Table:
    today = timezone.localdate()
    elements = Element.objects.filter(status=Status.PUBLISHED)
    measures = Tiltak.objects.filter(status=Status.PUBLISHED)
    if tjeneste:
        elements = elements.filter(owner_tjeneste=tjeneste)
        measures = measures.filter(tjeneste=tjeneste)
    e = elements.aggregate(
        ok=Count("pk", filter=Q(review_due__gte=today)),
        late=Count("pk", filter=Q(review_due__lt=today)),
    )
    m = measures.aggregate(
        ok=Count("pk", filter=Q(review_due__gte=today)),
        late=Count("pk", filter=Q(review_due__lt=today)),
    )
    return Table("arshjul", _("Annual cycle: reviews"), [
        (_("Model elements reviewed on time"), e["ok"]),
        (_("Model elements overdue"), e["late"]),
        (_("Measures reviewed on time"), m["ok"]), (_("Measures overdue"), m["late"]),
    ], sensitive=False)  # fmt: skip


def _published(tjeneste) -> Table:
    if tjeneste:
        rows = [
            (_("Model elements"), Element.objects.published().filter(owner_tjeneste=tjeneste)
             .count()),
            (_("Measures"), Tiltak.objects.published().filter(tjeneste=tjeneste).count()),
        ]  # fmt: skip
    else:
        rows = [
            (_("Model elements"), Element.objects.published().count()),
            (_("Public pages"), Side.objects.published().count()),
            (_("Guide steps"), Trinn.objects.published().count()),
            (_("Measures"), Tiltak.objects.published().count()),
            (_("Meeting places"), Moteplass.objects.published().count()),
        ]
    return Table("innhold", _("Published content"), rows, sensitive=False)
