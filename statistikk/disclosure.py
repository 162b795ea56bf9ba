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

Suppression: cells below ``STATS_MIN_CELL`` read "<5" (primary). Complementary suppression
then chooses the cheapest set of further figures to hide as "–" so that the audit passes
(``_Suppression``): for each "<5" a linear program finds the published figures whose change
at least cost makes 0 and 4 consistent with the release, priced by size and by scope (a
municipal figure, which the annual report shows, costs more than a service's); the hidden
figures that no requirement needs are then shown again. A "–" never stands for a small
figure unless no claim about the size could be kept: then the linked figures are withheld
("–", with no claim about their size). Every group ends with an audit that passes, so what
is shown is what the audit proved.

Not modelled: what could be learnt by inverting the choices of the suppression itself, and
figures of earlier years published at an earlier date (the data may have changed since).
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
from django.conf import settings
from scipy.sparse import csr_array

from .indicators import MUNICIPALITY, UNASSIGNED, Table, compute_all
from .lp import Solution, solve

# A variable's name: (year, scope, table key, row key), or an auxiliary one of that shape.
VarKey = tuple[Any, ...]
# A scope: a service's id, the municipality (``MUNICIPALITY``, None) or ``UNASSIGNED``.
Scope = Any
# The tables of a release: (year, scope) -> {table key: Table}.
TablesBy = dict[tuple[int, Scope], dict[str, Table]]
# Each variable's index in the model, by its name.
Vars = dict[VarKey, int]
Bounds = list[tuple[float, float | None]]

logger = logging.getLogger(__name__)
TOLERANCE = 1e-6
TOTAL = "__total__"
# Hiding a municipal figure (in the annual report, seen by everyone at municipal level) costs
# as much as hiding this many services' figures of the same size.
MUNICIPAL_WEIGHT = 4.0
# A label that makes no claim about the size ("withheld") costs this many times a "–".
WITHHOLD_COST = 100.0
# What a pending requirement weighs per unit in a program for another: far below any cost.
PENDING = 1e-4


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

    keys: list[VarKey] = field(default_factory=list)
    values: list[int] = field(default_factory=list)
    index: dict[VarKey, int] = field(default_factory=dict)
    published: list[bool] = field(default_factory=list)  # False: known to nobody
    constraints: list[dict[int, float]] = field(default_factory=list)
    states: list[State] = field(default_factory=list)
    structural: set[int] = field(default_factory=set)  # zero by construction: never hidden
    weights: list[float] = field(default_factory=list)  # what hiding it costs, per unit

    def var(
        self,
        key: VarKey,
        value: int,
        *,
        published: bool = True,
        structural: bool = False,
        weight: float = 1.0,
    ) -> int:
        if key in self.index:
            return self.index[key]
        if structural:
            self.structural.add(len(self.keys))
        self.index[key] = len(self.keys)
        self.keys.append(key)
        self.values.append(int(value))
        self.weights.append(weight)
        self.published.append(published)
        self.states.append(State.SHOWN if published else State.WITHHELD)
        return self.index[key]

    def identity(self, terms: Mapping[int, float]) -> None:
        """Add Σ coef·x = 0, if it holds for the true figures (an identity that does not
        hold is no identity an attacker could use, and would make the program infeasible)."""
        nonzero = {i: c for i, c in terms.items() if c}
        if len(nonzero) < 2:
            return
        if abs(sum(c * self.values[i] for i, c in nonzero.items())) > TOLERANCE:
            logger.warning("statistics identity does not hold, left out: %s", nonzero)
            return
        self.constraints.append(nonzero)

    def bounds(self, i: int, limit: int) -> tuple[float, float | None]:
        """What the attacker knows of variable ``i`` from its label alone."""
        return self.bounds_for(self.states[i], self.values[i], limit)

    @staticmethod
    def bounds_for(state: State, value: float, limit: int) -> tuple[float, float | None]:
        if state == State.SHOWN:
            return (value, value)
        if state == State.SMALL:
            return (0, limit - 1)
        if state == State.HIDDEN:
            return (limit, None)
        return (0, None)

    def components(self) -> list[tuple[list[int], list[int]]]:
        """Groups of variables linked by identities: (variables, constraint indexes)."""
        parent = list(range(len(self.keys)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for terms in self.constraints:
            first, *rest = terms
            for other in rest:
                parent[find(other)] = find(first)
        members: defaultdict[int, list[int]] = defaultdict(list)
        rows: defaultdict[int, list[int]] = defaultdict(list)
        for i in range(len(self.keys)):
            members[find(i)].append(i)
        for c, terms in enumerate(self.constraints):
            rows[find(next(iter(terms)))].append(c)
        return [(members[root], rows[root]) for root in members]


@dataclass(frozen=True)
class Finding:
    key: VarKey
    state: State
    value: int
    low: float
    high: float  # inf when unbounded
    ok: bool


class _Component:
    """One group of linked variables as a sparse program: the attacker's interval of each
    variable, whether a value is consistent with the release, and the cheapest cells to hide
    so that it becomes so."""

    def __init__(self, model: Model, variables: list[int], rows: list[int], limit: int):
        self.model, self.variables, self.limit = model, variables, limit
        position = {v: n for n, v in enumerate(variables)}
        data, row_index, column_index = [], [], []
        for r, c in enumerate(rows):
            for i, coef in model.constraints[c].items():
                data.append(coef)
                row_index.append(r)
                column_index.append(position[i])
        self.a_eq = (
            csr_array((data, (row_index, column_index)), shape=(len(rows), len(variables)))
            if rows
            else None
        )
        self.position = position
        self.values = np.array([model.values[v] for v in variables], dtype=float)

    def _solve(self, c: np.ndarray, bounds: Bounds, a_eq: Any = None) -> Solution:
        return solve(c, bounds, self.a_eq if a_eq is None else a_eq)

    def attacker_bounds(self) -> list[tuple[float, float | None]]:
        return [self.model.bounds(v, self.limit) for v in self.variables]

    def interval(self, i: int, points: list[np.ndarray] | None = None) -> tuple[float, float]:
        """The least and greatest value of variable ``i`` over every table consistent with
        the release; the two tables that attain them are added to ``points``, if given."""
        bounds = self.attacker_bounds()
        n = self.position[i]
        if self.a_eq is None:
            lo, hi = bounds[n]
            return lo, (np.inf if hi is None else hi)
        result = []
        for sign in (1, -1):
            c = np.zeros(len(self.variables))
            c[n] = sign
            solved = self._solve(c, bounds)
            if solved.status == 3:  # unbounded
                result.append(-np.inf if sign == 1 else np.inf)
            elif solved.status != 0:
                raise RuntimeError(f"disclosure audit: {solved.message}")
            else:
                # Status 0 is an optimum: it has a value and a table.
                assert solved.fun is not None
                assert solved.x is not None
                result.append(sign * solved.fun)
                if points is not None:
                    points.append(solved.x)
        return result[0], result[1]

    def consistent_only(self, tables: list[np.ndarray]) -> np.ndarray:
        """The ``tables`` consistent with the release, as rows of a matrix."""
        if not tables:
            return np.zeros((0, len(self.variables)))
        consistent: np.ndarray = np.array(tables)[self.valid(tables)]
        return consistent

    def valid(self, tables: list[np.ndarray]) -> np.ndarray:
        """For each of ``tables``, whether it is consistent with the release: every identity
        holds and every figure is within what its label says."""
        y = np.array(tables)
        bounds = self.attacker_bounds()
        lo = np.array([b[0] for b in bounds], dtype=float)
        hi = np.array([np.inf if b[1] is None else b[1] for b in bounds], dtype=float)
        scale = np.maximum(1.0, np.abs(y).max(axis=1))
        ok = ((y >= lo - TOLERANCE) & (y <= hi + TOLERANCE)).all(axis=1)
        if self.a_eq is not None:
            ok &= np.abs(self.a_eq @ y.T).max(axis=0, initial=0) <= TOLERANCE * scale
        return np.asarray(ok)

    def check(self, i: int, points: list[np.ndarray] | None = None) -> Finding:
        low, high = self.interval(i, points)
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

    def audit(self) -> list[Finding]:
        return [self.check(v) for v in self.claimed()]

    def consistent(self, n: int, target: float) -> np.ndarray | None:
        """A table the attacker cannot rule out in which variable ``n`` (a position) is
        ``target``, or None if there is none."""
        bounds = self.attacker_bounds()
        bounds[n] = (target, target)
        solved = self._solve(np.zeros(len(self.variables)), bounds)
        return solved.x if solved.status == 0 else None

    def cost(self, n: int) -> float:
        """What hiding a figure loses: more for a larger one, more for the municipality's."""
        v = self.variables[n]
        return self.model.weights[v] * (1 + math.log(max(self.values[n], 1)))

    def protect(
        self, n: int, target: float, pending: Mapping[int, float] | None = None
    ) -> tuple[np.ndarray, dict[int, State]] | None:
        """The cheapest cells to hide so that ``target`` becomes consistent with the release
        for variable ``n``: the new states {position: state} and the table that proves it.

        Every other variable may move away from its published figure at a price: y = z + a −
        b − g + h, with z within what its label says today and the rest priced per unit. A
        shown figure x ≥ limit may move up (a) or down to the limit (b) at its cost: hidden as
        "–", it is known to be at least the limit, so whatever y it takes then is consistent
        with it. Going below the limit (g), or a "<5" going above it (h), is possible only if
        the label makes no claim about the size (withheld), at a hundred times the cost. The
        linear program minimises the cost of the deviation; the cells that deviate are hidden.
        """
        limit = self.limit
        pending = pending or {}  # without it ``require(k, t)`` failed on ``pending.get``
        columns: list[int] = []
        signs: list[int] = []
        lower: list[float] = []
        upper: list[float | None] = []
        costs: list[float] = []
        kinds: list[str] = []

        def column(k: int, sign: int, lo: float, hi: float | None, cost: float, kind: str) -> None:
            columns.append(k)
            signs.append(sign)
            lower.append(lo)
            upper.append(hi)
            costs.append(cost)
            kinds.append(kind)

        for k, v in enumerate(self.variables):
            state, x = self.model.states[v], self.values[k]
            if k == n:
                column(k, 1, target, target, 0, "z")
                continue
            if not self.model.published[v]:
                column(k, 1, 0, None, 0, "z")
                continue
            lo, hi = self.model.bounds(v, limit)
            draw = pending.get(k)
            column(k, 1, lo, hi, 0 if draw is None else (PENDING if draw == 0 else -PENDING), "z")
            if v in self.model.structural:
                continue
            cost = self.cost(k)
            if state == State.SHOWN:
                column(k, 1, 0, None, cost, "hide")
                if x > limit:
                    column(k, -1, 0, x - limit, cost, "hide")
                if min(limit, x) > 0:
                    column(k, -1, 0, min(limit, x), WITHHOLD_COST * cost, "withhold")
            elif state == State.SMALL:
                column(k, 1, 0, None, WITHHOLD_COST * cost, "withhold")
            elif state == State.HIDDEN:
                column(k, -1, 0, limit, WITHHOLD_COST * cost, "withhold")
        selector = csr_array(
            (signs, (columns, range(len(columns)))), shape=(len(self.variables), len(columns))
        )
        a_eq = None if self.a_eq is None else self.a_eq @ selector
        if a_eq is None:
            high = upper[n]
            if target < lower[n] or (high is not None and target > high):
                return None
            return self.values.copy(), {}
        solved = self._solve(
            np.array(costs, dtype=float), list(zip(lower, upper, strict=True)), a_eq
        )
        if solved.status != 0:
            return None
        assert solved.x is not None  # status 0: optimal
        y = selector @ solved.x
        changes = {}
        for (k, kind), amount in zip(zip(columns, kinds, strict=True), solved.x, strict=True):
            if kind == "z" or amount <= TOLERANCE:
                continue
            if kind == "withhold":
                changes[k] = State.WITHHELD
            elif changes.get(k) != State.WITHHELD:
                changes[k] = State.HIDDEN
        return y, changes


class _Suppression:
    """Cost-minimising complementary suppression of one linked group, as τ-ARGUS does it with
    its optimal and network methods, on the attacker's own linear program.

    Every "<5" must be consistent with 0 and with limit − 1 (the interval between follows: the
    program is convex). For each such requirement the cheapest set of secondary suppressions
    is found by a linear program (``_Component.protect``); a requirement already met by a table
    found for an earlier one costs nothing. Hiding only relaxes the program, so a requirement
    met stays met while hiding goes on, and the table that met it stays a proof of it.

    Then the secondary suppressions are taken back one at a time, the most costly first,
    wherever every requirement can still be met (the tables that relied on the figure are
    searched again with it shown): what is left hidden is needed, given the rest. Last, the
    audit: a "–" that the others pin exactly is shown (anyone can work it out, so showing it
    adds nothing), one pinned to less than a unit is protected like a "<5".
    """

    ROUNDS = 6

    def __init__(self, model: Model, variables: list[int], rows: list[int], limit: int):
        self.model, self.limit = model, limit
        self.component = _Component(model, variables, rows, limit)
        self.variables = variables
        # (position, target) -> a table consistent with the release where it takes target
        self.witnesses: dict[tuple[int, float], np.ndarray] = {}
        # Further consistent tables: the true one (it meets every label), then the audit's.
        self.points: list[np.ndarray] = [self.component.values.copy()]
        self.relaxed = False  # whether anything was hidden since the flag was cleared

    def _state(self, k: int) -> State:
        return self.model.states[self.variables[k]]

    def _set(self, k: int, state: State) -> None:
        self.model.states[self.variables[k]] = state

    def _requirements(self) -> list[tuple[int, float]]:
        """The requirements in force: those of the cells that read "<5" now (a "<5" made
        "–" because no claim about its size could be kept needs only not to be pinned)."""
        return [(n, t) for (n, t) in self.witnesses if self._state(n) == State.SMALL]

    def _met(self, n: int, target: float) -> np.ndarray | None:
        """A table already found (and still consistent) where variable ``n`` is ``target``."""
        candidates = [
            y for y in [*self.witnesses.values(), *self.points] if abs(y[n] - target) <= TOLERANCE
        ]
        valid = self.component.consistent_only(candidates)
        return valid[0] if len(valid) else None

    def require(self, n: int, target: float, pending: Mapping[int, float] | None = None) -> bool:
        y = self._met(n, target)
        if y is None:
            found = self.component.protect(n, target, pending)
            if found is None:
                return False
            y, changes = found
            for k, state in changes.items():
                self._set(k, state)
            self.relaxed |= bool(changes)
        self.witnesses[(n, target)] = y
        return True

    def run(self) -> bool:
        limit = self.limit
        initial = [self._state(k) for k in range(len(self.variables))]
        small = [k for k, state in enumerate(initial) if state == State.SMALL]
        small.sort(key=lambda k: (-self.component.values[k], k))
        for target in (limit - 1, 0):
            pending = dict.fromkeys(small, target)
            for k in small:
                del pending[k]
                if not self.require(k, target, pending):
                    return False
        for _round in range(self.ROUNDS):
            self.take_back(initial)
            self.relaxed = False
            if not self.finish():
                return False
            if not self.relaxed:  # nothing more hidden since the last taking back
                return True
        return True

    def take_back(self, initial: list[State]) -> None:
        """Show again every secondary suppression that no requirement needs."""
        secondary = [
            k for k, state in enumerate(initial)
            if self._state(k) != state and self.model.published[self.variables[k]]
        ]  # fmt: skip
        secondary.sort(key=lambda k: (-self.component.cost(k), k))
        for k in secondary:
            now = self._state(k)
            steps = [initial[k]]
            if now == State.WITHHELD and initial[k] == State.SHOWN:
                steps.append(State.HIDDEN)  # at least a claim about the size
            for state in steps:
                if self._try(k, state):
                    break
                self._set(k, now)

    def _try(self, k: int, state: State) -> bool:
        """Give variable ``k`` the tighter ``state`` if every requirement in force can still
        be met; the requirements whose table no longer fits are searched again."""
        self._set(k, state)
        requirements = self._requirements()
        tables = [self.witnesses[r] for r in requirements]
        valid: np.ndarray | list[bool] = self.component.valid(tables) if tables else []
        fitting = [y for y, ok in zip(tables, valid, strict=True) if ok]
        updates = {}
        for requirement, ok in zip(requirements, valid, strict=True):
            if ok:
                continue
            n, target = requirement
            y = next((f for f in fitting if abs(f[n] - target) <= TOLERANCE), None)
            if y is None:
                y = self.component.consistent(n, target)
                if y is None:
                    return False
                fitting.append(y)
            updates[requirement] = y
        self.witnesses.update(updates)
        return True

    def finish(self) -> bool:
        """End with a proof that the audit passes, settling what it finds on the way (see the
        class's docstring)."""
        for _round in range(self.ROUNDS):
            failures = self.unproven()
            if not failures:
                return True
            for finding in failures:
                k = self.component.position[self.model.index[finding.key]]
                if finding.state == State.SMALL:
                    targets = [t for t, ok in ((0, finding.low <= TOLERANCE),
                               (self.limit - 1, finding.high >= self.limit - 1 - TOLERANCE))
                               if not ok]  # fmt: skip
                    if not all(self.require(k, t) for t in targets):
                        return False
                elif finding.high - finding.low <= TOLERANCE:
                    self._set(k, State.SHOWN)  # pinned: anyone can work it out already
                elif not self.require(k, self.component.values[k] + 1):
                    return False
        return not self.unproven()

    def unproven(self) -> list[Finding]:
        """The suppressed cells for which no consistent table proves the label's range.

        The proof for a "<5" is two tables consistent with the release (checked here against
        every identity and label), one where the cell is 0 and one where it is limit − 1; the
        range between follows, as the set of consistent tables is convex. For a "–" it is one
        where the cell is a unit or more from its true figure. A cell without such a proof is
        audited by its interval (two linear programs), whose extreme tables are kept."""
        unique = {id(y): y for y in [*self.witnesses.values(), *self.points]}
        proofs = self.component.consistent_only(list(unique.values()))
        failures = []
        for v in self.component.claimed():
            k = self.component.position[v]
            column = proofs[:, k]
            if self.model.states[v] == State.SMALL:
                proven = (column <= TOLERANCE).any() and (
                    column >= self.limit - 1 - TOLERANCE
                ).any()
            else:
                proven = (np.abs(column - self.component.values[k]) >= 1 - TOLERANCE).any()
            if proven:
                continue
            points: list[np.ndarray] = []
            finding = self.component.check(v, points)
            self.points += points
            if not finding.ok:
                failures.append(finding)
        return failures


def suppress_model(model: Model, limit: int | None = None) -> None:
    """Set every variable's state: primary suppression below the limit, then the cheapest
    complementary suppression that the audit of each linked group passes."""
    limit = limit or settings.STATS_MIN_CELL
    for i, value in enumerate(model.values):
        if model.published[i] and value < limit and i not in model.structural:
            model.states[i] = State.SMALL
    for variables, rows in model.components():
        if all(model.states[v] == State.SHOWN for v in variables if model.published[v]):
            continue
        if not _Suppression(model, variables, rows, limit).run():
            # Not to be protected with a claim about the size: withhold the group.
            logger.warning("statistics: linked figures withheld: %s", model.keys[variables[0]])
            for v in variables:
                if model.published[v] and v not in model.structural:
                    model.states[v] = State.WITHHELD


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
    tables_by: TablesBy
    model: Model

    def tables(self, year: int, scope: Scope) -> list[Table]:
        return list(self.tables_by[(year, scope)].values())

    def audit(self) -> list[Finding]:
        return audit_model(self.model)


def _row_var_key(year: int, scope: Scope, table: Table, row_key: Any) -> VarKey:
    if table.across_scopes == "shared" and row_key != TOTAL:
        return (year, "*", table.key, row_key)
    return (year, scope, table.key, row_key)


def build_model(tables_by: TablesBy, years: tuple[int, ...]) -> Model:
    """The attacker's knowledge of ``tables_by`` ((year, scope) → {key: Table})."""
    model = Model()
    var: Vars = {}
    for (year, scope), tables in tables_by.items():
        published = scope != UNASSIGNED
        weight = MUNICIPAL_WEIGHT if scope is MUNICIPALITY else 1.0
        for table in tables.values():
            if not table.sensitive:
                continue
            ids: list[int] = []
            for row_key, (_label, value) in zip(table.row_keys, table.rows, strict=True):
                key = _row_var_key(year, scope, table, row_key)
                shared = key[1] == "*"  # a hand-over, also in the municipality's table
                var[key] = model.var(
                    key, value, published=published, weight=MUNICIPAL_WEIGHT if shared else weight
                )
                ids.append(var[key])
            if table.total is not None:
                key = (year, scope, table.key, TOTAL)
                # The total of a table without rows is zero by construction: anyone sees it.
                var[key] = total = model.var(
                    key, table.total, published=published, structural=not table.rows,
                    weight=weight,
                )  # fmt: skip
                model.identity({**dict.fromkeys(ids, 1), total: -1})
    scopes = {scope for (_year, scope) in tables_by}
    services = [s for s in scopes if s is not MUNICIPALITY]
    for year in years:
        municipal = tables_by.get((year, MUNICIPALITY), {})
        for table_key, table in municipal.items():
            if not table.sensitive or table.across_scopes != "sum":
                continue
            for row_key in [*table.row_keys, *([TOTAL] if table.total is not None else [])]:
                terms: dict[int, float] = {var[(year, MUNICIPALITY, table_key, row_key)]: 1}
                for s in services:
                    part = var.get((year, s, table_key, row_key))
                    if part is not None:
                        terms[part] = terms.get(part, 0) - 1
                model.identity(terms)
    for scope in scopes:
        _stock_and_flow(model, var, years, scope)
        for year in years:
            _periods_at_levels(model, var, year, scope)
    return model


def _stock_and_flow(model: Model, var: Vars, years: tuple[int, ...], scope: Scope) -> None:
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


def _periods_at_levels(model: Model, var: Vars, year: int, scope: Scope) -> None:
    closed = var.get((year, scope, "stafettlogger", "closed"))
    if closed is None or (year, scope, "median", 1) not in var:
        return
    moves: defaultdict[int, list[int]] = defaultdict(list)
    for key, index in var.items():
        if key[0] == year and key[2] == "flyt" and key[1] in (scope, "*") and key[3] != TOTAL:
            from_level, _to = key[3]
            if from_level:
                moves[from_level].append(index)
    closures: list[int] = []
    for level in (1, 2, 3):
        periods = var[(year, scope, "median", level)]
        value = model.values[periods] - sum(model.values[i] for i in moves[level])
        if value < 0:
            return  # the figures are not linked as assumed here: no identity is claimed
        aux = model.var((year, scope, "closed_at_level", level), value, published=False)
        model.identity({periods: 1, **dict.fromkeys(moves[level], -1), aux: -1})
        closures.append(aux)
    model.identity({**dict.fromkeys(closures, 1), closed: -1})


def apply_states(tables_by: TablesBy, model: Model, release_year: int) -> None:
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
