"""Disclosure control for the statistics, and the interval audit that proves it.

What one user can see for a year is the *release*: every table, for this year and last year
(shown beside it), for the municipality and for every service, in the dashboard, the CSV and
the PDF. The release is the same for every user, so that two users (or the published annual
report and a leader's dashboard) put side by side show nothing more than one of them.

The attacker's knowledge is written as a linear program, as statistical offices do
(τ-ARGUS' audit): every published figure; what the labels say ("<5": from 0 to 4; "–":
hidden to protect others, so at least 5, since every smaller figure reads "<5"); that
counts are not negative; and the identities between figures:

* a table's rows add up to its total;
* the municipality's figure is the sum of the services' (each child counted in one service),
  or the same row is the same quantity wherever it is shown (a hand-over from A to B);
* cases active at the end of the year = active a year before + opened − closed;
* the periods at each level that ended in the year = the moves away from that level + the
  cases closed at that level, and the latter add up to the cases closed.

Suppression: cells below ``STATS_MIN_CELL`` read "<5" (primary). Then, as long as the audit
finds a suppressed cell whose interval (its minimum and maximum over everything consistent
with the release) is narrower than its label claims, the smallest published figure that
shares an identity with it is hidden as "–" (complementary). If nothing is left to hide,
the linked figures are withheld altogether ("–", with no claim about their size). The loop
ends with an audit that passes, so what is shown is what the audit proved.

Not modelled: what could be learnt by inverting the choices of the suppression itself, and
figures of earlier years published at an earlier date (the data may have changed since).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from django.conf import settings
from scipy.optimize import linprog

from .indicators import MUNICIPALITY, UNASSIGNED, Table, compute_all

logger = logging.getLogger(__name__)
TOLERANCE = 1e-6
TOTAL = "__total__"


class State(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # below the threshold: "<5"
    HIDDEN = "hidden"  # hidden to protect another cell: "–"
    WITHHELD = "withheld"  # linked figures that cannot be shown safely: "–"
    NOT_RECORDED = "not_recorded"  # a state today, not kept for earlier years


@dataclass(frozen=True)
class Cell:
    value: int
    state: State = State.SHOWN

    @property
    def suppressed(self) -> bool:
        return self.state != State.SHOWN

    def __str__(self) -> str:
        if self.state == State.SHOWN:
            return str(self.value)
        if self.state == State.SMALL:
            return f"<{settings.STATS_MIN_CELL}"
        if self.state == State.NOT_RECORDED:
            return ""
        return "–"


# --- The attacker's knowledge as a linear program ------------------------------------------


@dataclass
class Model:
    """Variables (one per published quantity) and the linear identities between them."""

    keys: list = field(default_factory=list)
    values: list[int] = field(default_factory=list)
    index: dict = field(default_factory=dict)
    published: list[bool] = field(default_factory=list)  # False: known to nobody
    constraints: list[dict[int, float]] = field(default_factory=list)
    states: list[State] = field(default_factory=list)
    structural: set[int] = field(default_factory=set)  # zero by construction: never hidden

    def var(self, key, value: int, *, published: bool = True, structural=False) -> int:
        if key in self.index:
            return self.index[key]
        if structural:
            self.structural.add(len(self.keys))
        self.index[key] = len(self.keys)
        self.keys.append(key)
        self.values.append(int(value))
        self.published.append(published)
        self.states.append(State.SHOWN if published else State.WITHHELD)
        return self.index[key]

    def identity(self, terms: dict[int, float]) -> None:
        """Add Σ coef·x = 0, if it holds for the true figures (an identity that does not
        hold is no identity an attacker could use, and would make the program infeasible)."""
        terms = {i: c for i, c in terms.items() if c}
        if len(terms) < 2:
            return
        if abs(sum(c * self.values[i] for i, c in terms.items())) > TOLERANCE:
            logger.warning("statistics identity does not hold, left out: %s", terms)
            return
        self.constraints.append(terms)

    def bounds(self, i: int, limit: int) -> tuple[float, float | None]:
        state = self.states[i]
        if state == State.SHOWN:
            return (self.values[i], self.values[i])
        if state == State.SMALL:
            return (0, limit - 1)
        if state == State.HIDDEN:
            return (limit, None)
        return (0, None)

    def components(self) -> list[tuple[list[int], list[int]]]:
        """Groups of variables linked by identities: (variables, constraint indexes)."""
        parent = list(range(len(self.keys)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for terms in self.constraints:
            first, *rest = terms
            for other in rest:
                parent[find(other)] = find(first)
        members, rows = defaultdict(list), defaultdict(list)
        for i in range(len(self.keys)):
            members[find(i)].append(i)
        for c, terms in enumerate(self.constraints):
            rows[find(next(iter(terms)))].append(c)
        return [(members[root], rows[root]) for root in members]


@dataclass(frozen=True)
class Finding:
    key: tuple
    state: State
    value: int
    low: float
    high: float  # inf when unbounded
    ok: bool


class _Component:
    """One group of linked variables as a dense program, solved for each variable's range."""

    def __init__(self, model: Model, variables: list[int], rows: list[int], limit: int):
        self.model, self.variables, self.limit = model, variables, limit
        position = {v: n for n, v in enumerate(variables)}
        self.a_eq = np.zeros((len(rows), len(variables)))
        for r, c in enumerate(rows):
            for i, coef in model.constraints[c].items():
                self.a_eq[r, position[i]] = coef
        self.b_eq = np.zeros(len(rows))
        self.position = position

    def interval(self, i: int) -> tuple[float, float]:
        bounds = [self.model.bounds(v, self.limit) for v in self.variables]
        result = []
        for sign in (1, -1):
            c = np.zeros(len(self.variables))
            c[self.position[i]] = sign
            if not len(self.b_eq):
                lo, hi = bounds[self.position[i]]
                result.append(lo if sign == 1 else (np.inf if hi is None else hi))
                continue
            solved = linprog(c, A_eq=self.a_eq, b_eq=self.b_eq, bounds=bounds, method="highs")
            if solved.status == 3:  # unbounded
                result.append(-np.inf if sign == 1 else np.inf)
            elif solved.status != 0:
                raise RuntimeError(f"disclosure audit: {solved.message}")
            else:
                result.append(sign * solved.fun)
        return result[0], result[1]

    def check(self, i: int) -> Finding:
        low, high = self.interval(i)
        state = self.model.states[i]
        if state == State.SMALL:
            ok = low <= TOLERANCE and high >= self.limit - 1 - TOLERANCE
        else:  # hidden or withheld: not to be worked out exactly
            ok = high - low >= 1 - TOLERANCE
        return Finding(self.model.keys[i], state, self.model.values[i], low, high, ok)

    def claimed(self) -> list[int]:
        return [
            v for v in self.variables
            if self.model.published[v] and self.model.states[v] != State.SHOWN
        ]  # fmt: skip

    def first_failure(self, passed: set[int]) -> Finding | None:
        """The first claimed cell whose interval is too narrow. Hiding a published figure only
        relaxes the program (x = v becomes x ≥ limit, and v ≥ limit), so intervals only widen:
        a cell that passed once (in ``passed``) passes for good and is not solved again."""
        for v in self.claimed():
            if v in passed:
                continue
            finding = self.check(v)
            if not finding.ok:
                return finding
            passed.add(v)
        return None

    def audit(self) -> list[Finding]:
        return [self.check(v) for v in self.claimed()]


def _may_hide(model: Model, v: int) -> bool:
    return model.published[v] and model.states[v] == State.SHOWN and v not in model.structural


def suppress_model(model: Model, limit: int | None = None) -> None:
    """Set every variable's state: primary, then complementary suppression until the audit
    of each linked group passes."""
    limit = limit or settings.STATS_MIN_CELL
    for i, value in enumerate(model.values):
        if model.published[i] and value < limit and i not in model.structural:
            model.states[i] = State.SMALL
    for variables, rows in model.components():
        if all(model.states[v] == State.SHOWN for v in variables if model.published[v]):
            continue
        component = _Component(model, variables, rows, limit)
        passed: set[int] = set()
        while (failure := component.first_failure(passed)) is not None:
            failing = model.index[failure.key]
            near = {
                i for c in rows if failing in model.constraints[c] for i in model.constraints[c]
            }
            candidates = [v for v in (near or variables) if _may_hide(model, v)]
            if not candidates:
                candidates = [v for v in variables if _may_hide(model, v)]
            if not candidates:
                for v in variables:
                    if model.published[v] and v not in model.structural:
                        model.states[v] = State.WITHHELD
                break
            chosen = min(candidates, key=lambda v: (model.values[v], str(model.keys[v])))
            model.states[chosen] = State.HIDDEN


def audit_model(model: Model, limit: int | None = None) -> list[Finding]:
    """The interval of every suppressed cell, and whether it is as wide as its label."""
    limit = limit or settings.STATS_MIN_CELL
    findings = []
    for variables, rows in model.components():
        findings += _Component(model, variables, rows, limit).audit()
    return findings


# --- The release ---------------------------------------------------------------------------


@dataclass
class Release:
    year: int
    years: tuple[int, ...]
    tables_by: dict  # (year, scope) -> {key: Table}
    model: Model

    def tables(self, year: int, scope) -> list[Table]:
        return list(self.tables_by[(year, scope)].values())

    def audit(self) -> list[Finding]:
        return audit_model(self.model)


def _row_var_key(year, scope, table: Table, row_key):
    if table.across_scopes == "shared" and row_key != TOTAL:
        return (year, "*", table.key, row_key)
    return (year, scope, table.key, row_key)


def build_model(tables_by: dict, years: tuple[int, ...]) -> Model:
    """The attacker's knowledge of ``tables_by`` ((year, scope) → {key: Table})."""
    model = Model()
    var = {}
    for (year, scope), tables in tables_by.items():
        published = scope != UNASSIGNED
        for table in tables.values():
            if not table.sensitive:
                continue
            ids = []
            for row_key, (_label, value) in zip(table.row_keys, table.rows, strict=True):
                key = _row_var_key(year, scope, table, row_key)
                var[key] = model.var(key, value, published=published)
                ids.append(var[key])
            if table.total is not None:
                key = (year, scope, table.key, TOTAL)
                # The total of a table without rows is zero by construction: anyone sees it.
                var[key] = total = model.var(
                    key, table.total, published=published, structural=not table.rows
                )
                model.identity({**dict.fromkeys(ids, 1), total: -1})
    scopes = {scope for (_year, scope) in tables_by}
    services = [s for s in scopes if s is not MUNICIPALITY]
    for year in years:
        municipal = tables_by.get((year, MUNICIPALITY), {})
        for key, table in municipal.items():
            if not table.sensitive or table.across_scopes != "sum":
                continue
            for row_key in [*table.row_keys, *([TOTAL] if table.total is not None else [])]:
                terms = {var[(year, MUNICIPALITY, key, row_key)]: 1}
                for s in services:
                    part = var.get((year, s, key, row_key))
                    if part is not None:
                        terms[part] = terms.get(part, 0) - 1
                model.identity(terms)
    for scope in scopes:
        _stock_and_flow(model, var, years, scope)
        for year in years:
            _periods_at_levels(model, var, year, scope)
    return model


def _stock_and_flow(model, var, years, scope) -> None:
    for year in years:
        if year - 1 not in years:
            continue
        names = [
            ((year, scope, "stafettlogger", "active"), 1),
            ((year - 1, scope, "stafettlogger", "active"), -1),
            ((year, scope, "stafettlogger", "opened"), -1),
            ((year, scope, "stafettlogger", "closed"), 1),
        ]
        if all(key in var for key, _coef in names):
            model.identity({var[key]: coef for key, coef in names})


def _periods_at_levels(model, var, year, scope) -> None:
    closed = var.get((year, scope, "stafettlogger", "closed"))
    if closed is None or (year, scope, "median", 1) not in var:
        return
    moves = defaultdict(list)
    for key, index in var.items():
        if key[0] == year and key[2] == "flyt" and key[1] in (scope, "*") and key[3] != TOTAL:
            from_level, _to = key[3]
            if from_level:
                moves[from_level].append(index)
    closures = []
    for level in (1, 2, 3):
        periods = var[(year, scope, "median", level)]
        value = model.values[periods] - sum(model.values[i] for i in moves[level])
        if value < 0:
            return  # the figures are not linked as assumed here: no identity is claimed
        aux = model.var((year, scope, "closed_at_level", level), value, published=False)
        model.identity({periods: 1, **dict.fromkeys(moves[level], -1), aux: -1})
        closures.append(aux)
    model.identity({**dict.fromkeys(closures, 1), closed: -1})


def apply_states(tables_by: dict, model: Model, release_year: int) -> None:
    for (year, scope), tables in tables_by.items():
        for table in tables.values():
            if not table.sensitive:
                state = State.NOT_RECORDED if table.current_only and year != release_year else None
                table.cells = [Cell(v, state or State.SHOWN) for _label, v in table.rows]
                table.total_cell = (
                    None if table.total is None else Cell(table.total, state or State.SHOWN)
                )
                continue
            table.cells = [
                Cell(value, model.states[model.index[_row_var_key(year, scope, table, k)]])
                for k, (_label, value) in zip(table.row_keys, table.rows, strict=True)
            ]
            table.total_cell = (
                None if table.total is None
                else Cell(table.total, model.states[model.index[(year, scope, table.key, TOTAL)]])
            )  # fmt: skip
            table.withheld = any(c.state == State.WITHHELD for c in table.cells)
            if table.medians and any(c.suppressed for c in table.cells):
                # A median beside a hidden count would hint at how many periods it covers.
                table.medians = {
                    level: (m if c.state == State.SHOWN else None)
                    for (level, m), c in zip(table.medians.items(), table.cells, strict=True)
                }


def publish(year: int) -> Release:
    """The release for ``year``: this year and last, every scope, suppressed and audited."""
    years = (year, year - 1)
    tables_by = {}
    for y in years:
        for scope, tables in compute_all(y).items():
            tables_by[(y, scope)] = {table.key: table for table in tables}
    model = build_model(tables_by, years)
    suppress_model(model)
    apply_states(tables_by, model, year)
    for (y, scope), tables in tables_by.items():
        if y == year:
            for key, table in tables.items():
                _beside(table, tables_by[(year - 1, scope)][key])
    return Release(year, years, tables_by, model)


def _beside(table: Table, previous: Table) -> None:
    """Last year's cells beside this year's, row by row, for every place that shows them.
    A row missing in a year is zero there (the audit treats it as such)."""
    zero = Cell(0, State.NOT_RECORDED if table.current_only else State.SHOWN)
    old = dict(zip(previous.row_keys, previous.cells, strict=True))
    table.previous = previous
    table.lines = [
        (label, cell, old.get(key, zero))
        for key, (label, _v), cell in zip(table.row_keys, table.rows, table.cells, strict=True)
    ]
    table.lines += [
        (label, zero, cell)
        for key, (label, _v), cell in zip(
            previous.row_keys, previous.rows, previous.cells, strict=True
        )
        if key not in table.row_keys
    ]
