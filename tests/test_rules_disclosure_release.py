"""The release (statistikk.disclosure): which figures and identities the attacker's model holds,
how the states of the model come back to the tables, and how last year's table is put beside
this year's. No database: the tables are made by hand, as statistikk.indicators makes them,
so that `make mutate` can run these per mutant.
"""

from collections import Counter

import pytest

from statistikk import disclosure
from statistikk.disclosure import (
    MUNICIPAL_WEIGHT,
    TOTAL,
    Cell,
    Model,
    Release,
    State,
    _beside,
    _periods_at_levels,
    _row_var_key,
    _stock_and_flow,
    apply_states,
    audit_model,
    build_model,
    publish,
)
from statistikk.indicators import MUNICIPALITY, UNASSIGNED, Table

YEAR = 2024
LAST = 2023
SHOWN, SMALL, HIDDEN = State.SHOWN, State.SMALL, State.HIDDEN
WITHHELD, NOT_RECORDED = State.WITHHELD, State.NOT_RECORDED


def table(key, rows, *, total=None, **kwargs) -> Table:
    """A table whose rows are (row key, value); each row's label is its key as text."""
    return Table(
        key,
        f"Title of {key}",
        [(f"label {row_key}", value) for row_key, value in rows],
        total=total,
        row_keys=[row_key for row_key, _value in rows],
        **kwargs,
    )


def identities(model: Model) -> Counter:
    """The model's identities by variable name: {(name, coefficient), ...} each."""
    return Counter(
        frozenset((model.keys[i], coef) for i, coef in terms.items()) for terms in model.constraints
    )


def terms(*pairs) -> frozenset:
    return frozenset(pairs)


def figure(model: Model, key) -> tuple:
    """What the model holds of one variable: value, weight, published, state, structural."""
    i = model.index[key]
    return (
        model.values[i],
        model.weights[i],
        model.published[i],
        model.states[i],
        i in model.structural,
    )


def k(scope, table_key, row_key, year=YEAR):
    return (year, scope, table_key, row_key)


# --- Variables and identities ----------------------------------------------------------------


def undringer(closed, escalated, still_open):
    rows = [("closed", closed), ("escalated", escalated), ("open", still_open)]
    return {"undringer": table("undringer", rows, total=closed + escalated + still_open)}


def test_every_row_and_total_is_a_variable_and_the_municipality_is_the_sum_of_the_scopes():
    tables_by = {
        (YEAR, MUNICIPALITY): undringer(9, 6, 3),
        (YEAR, 7): undringer(5, 2, 1),
        (YEAR, 8): undringer(3, 4, 0),
        (YEAR, UNASSIGNED): undringer(1, 0, 2),
    }
    model = build_model(tables_by, (YEAR, LAST))
    names = []
    for scope in (MUNICIPALITY, 7, 8, UNASSIGNED):
        names += [k(scope, "undringer", r) for r in ("closed", "escalated", "open", TOTAL)]
    assert model.keys == names
    assert model.index == {name: i for i, name in enumerate(names)}
    assert model.values == [9, 6, 3, 18, 5, 2, 1, 8, 3, 4, 0, 7, 1, 0, 2, 3]
    # The municipality's figures weigh more; the unassigned ones are published for no one.
    assert model.weights == [MUNICIPAL_WEIGHT] * 4 + [1.0] * 12
    assert MUNICIPAL_WEIGHT == 4.0
    assert model.published == [True] * 12 + [False] * 4
    assert model.states == [SHOWN] * 12 + [WITHHELD] * 4
    assert model.structural == set()
    expected = Counter()
    for scope in (MUNICIPALITY, 7, 8, UNASSIGNED):
        rows = [(k(scope, "undringer", r), 1) for r in ("closed", "escalated", "open")]
        expected[terms(*rows, (k(scope, "undringer", TOTAL), -1))] += 1
    for row_key in ("closed", "escalated", "open", TOTAL):
        parts = [(k(s, "undringer", row_key), -1) for s in (7, 8, UNASSIGNED)]
        expected[terms((k(MUNICIPALITY, "undringer", row_key), 1), *parts)] += 1
    assert identities(model) == expected
    # A row's identity comes right after its table's variables: the rows add up to the total.
    first = model.constraints[0]
    assert first == {0: 1, 1: 1, 2: 1, 3: -1}


def test_the_sum_across_scopes_is_only_for_the_years_of_the_release():
    tables_by = {
        (2022, MUNICIPALITY): undringer(8, 6, 5),
        (2022, 7): undringer(8, 6, 5),
    }
    model = build_model(tables_by, (YEAR, LAST))
    # Only each table's own total: 2022 is not a year of the release (and 2024 has no tables).
    assert identities(model) == Counter(
        terms(*[(k(s, "undringer", r, 2022), c) for r, c in
                (("closed", 1), ("escalated", 1), ("open", 1), (TOTAL, -1))])
        for s in (MUNICIPALITY, 7)
    )  # fmt: skip
    summed = build_model(tables_by, (2022,))
    assert len(summed.constraints) == 6
    assert summed.constraints[2:] == [
        {summed.index[k(MUNICIPALITY, "undringer", r, 2022)]: 1,
         summed.index[k(7, "undringer", r, 2022)]: -1}
        for r in ("closed", "escalated", "open", TOTAL)
    ]  # fmt: skip


def test_a_service_without_the_table_is_left_out_of_the_sum():
    tables_by = {
        (YEAR, MUNICIPALITY): undringer(5, 2, 1),
        (YEAR, 7): undringer(5, 2, 1),
        (YEAR, 8): {},
    }
    model = build_model(tables_by, (YEAR,))
    sums = [
        terms((k(MUNICIPALITY, "undringer", r), 1), (k(7, "undringer", r), -1))
        for r in ("closed", "escalated", "open", TOTAL)
    ]
    assert all(identities(model)[s] == 1 for s in sums)
    assert len(model.constraints) == 6


def handovers(pairs):
    """A hand-over table: each row the same quantity in every scope that shows it."""
    return {
        "overforinger": table(
            "overforinger", pairs, total=sum(n for _pair, n in pairs), across_scopes="shared"
        )
    }


def test_a_hand_over_is_one_variable_wherever_it_is_shown():
    tables_by = {
        (YEAR, 7): handovers([((7, 8), 3), ((8, 7), 2)]),
        (YEAR, MUNICIPALITY): handovers([((7, 8), 3), ((8, 7), 2), ((8, 9), 4)]),
        (YEAR, 8): handovers([((7, 8), 3), ((8, 7), 2), ((8, 9), 4)]),
    }
    model = build_model(tables_by, (YEAR,))
    shared = [k("*", "overforinger", pair) for pair in ((7, 8), (8, 7))]
    assert model.keys == [
        *shared,
        k(7, "overforinger", TOTAL),
        k("*", "overforinger", (8, 9)),
        k(MUNICIPALITY, "overforinger", TOTAL),
        k(8, "overforinger", TOTAL),
    ]
    assert model.values == [3, 2, 5, 4, 9, 9]
    # A hand-over is also in the municipality's table: it weighs as a municipal figure, even
    # where a service's table makes it first; each total weighs as its scope's.
    assert model.weights == [4.0, 4.0, 1.0, 4.0, 4.0, 1.0]
    assert model.published == [True] * 6
    everything = [(name, 1) for name in [*shared, k("*", "overforinger", (8, 9))]]
    assert identities(model) == Counter(
        [
            terms(*[(name, 1) for name in shared], (k(7, "overforinger", TOTAL), -1)),
            terms(*everything, (k(MUNICIPALITY, "overforinger", TOTAL), -1)),
            terms(*everything, (k(8, "overforinger", TOTAL), -1)),
        ]
    )
    # A shared table's total is the scope's own; only its rows are shared.
    assert _row_var_key(YEAR, 7, tables_by[(YEAR, 7)]["overforinger"], TOTAL) == (
        k(7, "overforinger", TOTAL)
    )
    assert _row_var_key(YEAR, 7, tables_by[(YEAR, 7)]["overforinger"], (7, 8)) == shared[0]
    summed = undringer(1, 2, 3)["undringer"]
    assert _row_var_key(LAST, 8, summed, "open") == (LAST, 8, "undringer", "open")


def test_tables_not_about_children_are_not_in_the_model_and_unsummed_ones_have_no_sum():
    content = Table(
        "innhold", "Content", [("Pages", 3)], total=3, sensitive=False, current_only=True
    )
    own = {"egen": table("egen", [("a", 6), ("b", 2)], total=8, across_scopes="")}
    summed = {"sum": table("sum", [("c", 9)])}
    tables_by = {
        (YEAR, MUNICIPALITY): {"innhold": content, **own, **summed},
        (YEAR, 7): {"innhold": content, **own, **summed},
    }
    model = build_model(tables_by, (YEAR,))
    assert model.keys == [
        k(scope, t, r)
        for scope in (MUNICIPALITY, 7)
        for t, r in (("egen", "a"), ("egen", "b"), ("egen", TOTAL), ("sum", "c"))
    ]
    # The tables before it do not keep the summed one from its identity.
    assert identities(model) == Counter(
        [
            *[
                terms((k(s, "egen", "a"), 1), (k(s, "egen", "b"), 1), (k(s, "egen", TOTAL), -1))
                for s in (MUNICIPALITY, 7)
            ],
            terms((k(MUNICIPALITY, "sum", "c"), 1), (k(7, "sum", "c"), -1)),
        ]
    )


def test_the_total_of_a_table_without_rows_is_structural_and_a_table_without_total_has_none():
    tables_by = {
        (YEAR, MUNICIPALITY): {
            "tom": table("tom", [], total=0),
            "rader": table("rader", [("a", 4), ("b", 6)]),
        },
        (YEAR, 7): {
            "tom": table("tom", [], total=0),
            "rader": table("rader", [("a", 4), ("b", 6)]),
        },
    }
    model = build_model(tables_by, (YEAR,))
    assert model.keys == [
        k(MUNICIPALITY, "tom", TOTAL),
        k(MUNICIPALITY, "rader", "a"),
        k(MUNICIPALITY, "rader", "b"),
        k(7, "tom", TOTAL),
        k(7, "rader", "a"),
        k(7, "rader", "b"),
    ]
    assert model.structural == {0, 3}
    assert figure(model, k(MUNICIPALITY, "tom", TOTAL)) == (0, 4.0, True, SHOWN, True)
    assert figure(model, k(7, "rader", "a")) == (4, 1.0, True, SHOWN, False)
    # An empty table's rows do not add up to its total (one term only), but the municipal
    # total is still the sum of the services' ones.
    assert identities(model) == Counter(
        terms((k(MUNICIPALITY, t, r), 1), (k(7, t, r), -1))
        for t, r in (("tom", TOTAL), ("rader", "a"), ("rader", "b"))
    )


def test_an_unassigned_total_is_unpublished_and_a_municipal_total_weighs_more():
    tables_by = {
        (YEAR, UNASSIGNED): {"tom": table("tom", [], total=0)},
        (YEAR, MUNICIPALITY): {"t": table("t", [("a", 7)], total=7)},
    }
    model = build_model(tables_by, (YEAR,))
    assert figure(model, k(UNASSIGNED, "tom", TOTAL)) == (0, 1.0, False, WITHHELD, True)
    assert figure(model, k(MUNICIPALITY, "t", TOTAL)) == (7, 4.0, True, SHOWN, False)
    assert figure(model, k(MUNICIPALITY, "t", "a")) == (7, 4.0, True, SHOWN, False)


def test_rows_and_their_keys_must_match():
    broken = table("t", [("a", 1), ("b", 2)])
    broken.row_keys = ["a", "b", "c"]
    with pytest.raises(ValueError, match="zip"):
        build_model({(YEAR, MUNICIPALITY): {"t": broken}}, (YEAR,))


# --- Active cases: last year's + opened − closed --------------------------------------------


def cases(opened, closed, active):
    rows = [("opened", opened), ("closed", closed), ("active", active)]
    return {"stafettlogger": table("stafettlogger", rows)}


def stock_and_flow(scope, year=YEAR):
    return terms(
        (k(scope, "stafettlogger", "active", year), 1),
        (k(scope, "stafettlogger", "active", year - 1), -1),
        (k(scope, "stafettlogger", "opened", year), -1),
        (k(scope, "stafettlogger", "closed", year), 1),
    )


@pytest.mark.parametrize("years", [(YEAR, LAST), (LAST, YEAR)])
def test_active_cases_are_last_years_plus_opened_minus_closed(years):
    tables_by = {(YEAR, 7): cases(8, 5, 10), (LAST, 7): cases(4, 6, 7)}
    model = build_model(tables_by, years)
    assert identities(model) == Counter([stock_and_flow(7)])


def test_the_stock_and_flow_needs_both_years():
    tables_by = {(YEAR, MUNICIPALITY): cases(8, 5, 10), (LAST, 7): cases(4, 6, 7)}
    assert build_model(tables_by, (YEAR, LAST)).constraints == []
    # Three years: each year after the first is linked to the one before.
    tables_by = {
        (YEAR, MUNICIPALITY): cases(8, 5, 10),
        (LAST, MUNICIPALITY): cases(4, 6, 7),
        (2022, MUNICIPALITY): cases(3, 2, 9),
    }
    model = build_model(tables_by, (YEAR, LAST, 2022))
    assert identities(model) == Counter(
        [stock_and_flow(MUNICIPALITY), stock_and_flow(MUNICIPALITY, LAST)]
    )


def test_the_stock_and_flow_is_left_out_when_the_figures_do_not_hold_it():
    model = Model()
    var = {}
    for year, (opened, closed, active) in ((YEAR, (8, 5, 11)), (LAST, (4, 6, 7))):
        for row_key, value in (("opened", opened), ("closed", closed), ("active", active)):
            name = k(7, "stafettlogger", row_key, year)
            var[name] = model.var(name, value)
    _stock_and_flow(model, var, (YEAR, LAST), 7)
    assert model.constraints == []
    var[k(7, "stafettlogger", "active")] = model.var(("other",), 10)
    _stock_and_flow(model, var, (YEAR, LAST), 7)
    assert identities(model) == Counter(
        [
            terms(
                (("other",), 1),
                (k(7, "stafettlogger", "active", LAST), -1),
                (k(7, "stafettlogger", "opened"), -1),
                (k(7, "stafettlogger", "closed"), 1),
            )
        ]
    )


# --- Periods at each level: moves away + closed at the level ---------------------------------


def periods(one, two, three):
    tables = {"median": table("median", [(1, one), (2, two), (3, three)])}
    tables["median"].medians = {1: 40, 2: 50, 3: 60}
    return tables


def test_the_periods_at_a_level_are_the_moves_away_and_the_cases_closed_there():
    flow = [((0, 1), 4), ((1, 2), 3), ((2, 1), 1), ((2, 3), 2), ((3, 2), 1)]
    tables_by = {
        (YEAR, 7): {
            **cases(9, 5, 4),
            **periods(5, 4, 3),
            "flyt": table("flyt", flow, total=11),
        },
        # Another service's moves and last year's are not this year's service's.
        (YEAR, 8): {"flyt": table("flyt", [((1, 2), 6), ((2, 3), 7), ((3, 1), 5)])},
        (LAST, 7): {"flyt": table("flyt", [((1, 2), 9), ((2, 3), 8), ((3, 1), 5)])},
    }
    model = build_model(tables_by, (YEAR, LAST))
    aux = [k(7, "closed_at_level", level) for level in (1, 2, 3)]
    assert model.keys[-3:] == aux
    assert [figure(model, name) for name in aux] == [
        (2, 1.0, False, WITHHELD, False),
        (1, 1.0, False, WITHHELD, False),
        (2, 1.0, False, WITHHELD, False),
    ]

    def move(pair):
        return (k(7, "flyt", pair), -1)

    expected = Counter(
        [
            terms(*[(k(7, "flyt", pair), 1) for pair, _n in flow], (k(7, "flyt", TOTAL), -1)),
            terms((k(7, "median", 1), 1), move((1, 2)), (aux[0], -1)),
            terms((k(7, "median", 2), 1), move((2, 1)), move((2, 3)), (aux[1], -1)),
            terms((k(7, "median", 3), 1), move((3, 2)), (aux[2], -1)),
            terms(*[(name, 1) for name in aux], (k(7, "stafettlogger", "closed"), -1)),
        ]
    )
    assert identities(model) == expected


def test_a_hand_over_like_move_counts_for_the_scope_that_shows_it():
    tables_by = {
        (YEAR, MUNICIPALITY): {
            **cases(9, 4, 5),
            **periods(3, 2, 1),
            "flyt": table("flyt", [((1, 3), 1), ((3, 1), 1)], across_scopes="shared"),
        },
    }
    model = build_model(tables_by, (YEAR,))
    aux = [k(MUNICIPALITY, "closed_at_level", level) for level in (1, 2, 3)]
    assert [model.values[model.index[name]] for name in aux] == [2, 2, 0]
    assert identities(model) == Counter(
        [
            terms((k(MUNICIPALITY, "median", 1), 1), (k("*", "flyt", (1, 3)), -1), (aux[0], -1)),
            terms((k(MUNICIPALITY, "median", 2), 1), (aux[1], -1)),
            terms((k(MUNICIPALITY, "median", 3), 1), (k("*", "flyt", (3, 1)), -1), (aux[2], -1)),
            terms(*[(name, 1) for name in aux], (k(MUNICIPALITY, "stafettlogger", "closed"), -1)),
        ]
    )


def level_model(closed, counts, moves):
    """A model with one service's closed cases, periods at each level and moves."""
    model = Model()
    var = {}

    def add(name, value):
        var[name] = model.var(name, value)

    if closed is not None:
        add(k(7, "stafettlogger", "closed"), closed)
    for level, n in counts.items():
        add(k(7, "median", level), n)
    for pair, n in moves.items():
        add(k(7, "flyt", pair), n)
    return model, var


def test_no_periods_identity_without_the_closed_cases_or_the_periods():
    # Without the periods at level 1 there are none at all (the table is not there).
    for closed, counts in ((None, {1: 3, 2: 2, 3: 1}), (6, {}), (6, {2: 2, 3: 1})):
        model, var = level_model(closed, counts, {(1, 2): 1})
        before = list(model.keys)
        _periods_at_levels(model, var, YEAR, 7)
        assert model.keys == before
        assert model.constraints == []
    # Another year's or another scope's figures do not count.
    model, var = level_model(6, {1: 3, 2: 2, 3: 1}, {})
    _periods_at_levels(model, var, LAST, 7)
    _periods_at_levels(model, var, YEAR, 8)
    assert model.constraints == []


def test_a_level_whose_moves_exceed_its_periods_ends_the_identities_there():
    model, var = level_model(4, {1: 3, 2: 2, 3: 1}, {(1, 2): 3, (2, 3): 3, (3, 1): 1})
    _periods_at_levels(model, var, YEAR, 7)
    # Level 1: 3 − 3 = 0 closed there, still an identity; level 2: 2 − 3 < 0, none further.
    assert model.keys[-1] == k(7, "closed_at_level", 1)
    assert k(7, "closed_at_level", 2) not in model.index
    assert model.values[-1] == 0
    assert identities(model) == Counter(
        [
            terms(
                (k(7, "median", 1), 1),
                (k(7, "flyt", (1, 2)), -1),
                (k(7, "closed_at_level", 1), -1),
            )
        ]
    )


def test_moves_from_level_zero_are_no_periods_at_a_level():
    model, var = level_model(3, {1: 2, 2: 0, 3: 1}, {(0, 1): 4, (0, 3): 2})
    _periods_at_levels(model, var, YEAR, 7)
    aux = [k(7, "closed_at_level", level) for level in (1, 2, 3)]
    assert model.values[-3:] == [2, 0, 1]
    assert identities(model) == Counter(
        [
            terms((k(7, "median", 1), 1), (aux[0], -1)),
            terms((k(7, "median", 2), 1), (aux[1], -1)),
            terms((k(7, "median", 3), 1), (aux[2], -1)),
            terms(*[(name, 1) for name in aux], (k(7, "stafettlogger", "closed"), -1)),
        ]
    )


# --- The states back in the tables -----------------------------------------------------------


def state_of(model, states):
    for name, state in states.items():
        model.states[model.index[name]] = state


def test_the_states_of_the_model_become_the_cells_of_the_tables():
    content = Table("innhold", "Content", [("Pages", 3), ("News", 8)], total=11, sensitive=False)
    tables_by = {
        (YEAR, 7): {"innhold": content, **undringer(9, 2, 6)},
        (YEAR, MUNICIPALITY): {"egen": table("egen", [("a", 3), ("b", 12)])},
    }
    model = build_model(tables_by, (YEAR,))
    state_of(
        model,
        {
            k(7, "undringer", "escalated"): SMALL,
            k(7, "undringer", "open"): HIDDEN,
            k(7, "undringer", TOTAL): HIDDEN,
            k(MUNICIPALITY, "egen", "a"): SMALL,
        },
    )
    apply_states(tables_by, model, YEAR)
    assert content.cells == [Cell(3, SHOWN), Cell(8, SHOWN)]
    assert content.total_cell == Cell(11, SHOWN)
    cases_table = tables_by[(YEAR, 7)]["undringer"]
    assert cases_table.cells == [Cell(9, SHOWN), Cell(2, SMALL), Cell(6, HIDDEN)]
    assert cases_table.total_cell == Cell(17, HIDDEN)
    assert cases_table.withheld is False
    own = tables_by[(YEAR, MUNICIPALITY)]["egen"]
    assert own.cells == [Cell(3, SMALL), Cell(12, SHOWN)]
    assert own.total_cell is None
    assert own.withheld is False
    assert own.medians is None


def test_a_table_with_a_withheld_cell_is_withheld_and_a_shared_row_has_the_shared_state():
    tables_by = {
        (YEAR, MUNICIPALITY): handovers([((7, 8), 3), ((8, 9), 9)]),
        (YEAR, 7): handovers([((7, 8), 3)]),
        (YEAR, 9): handovers([((8, 9), 9)]),
    }
    model = build_model(tables_by, (YEAR,))
    state_of(model, {k("*", "overforinger", (7, 8)): WITHHELD, k(7, "overforinger", TOTAL): SMALL})
    apply_states(tables_by, model, YEAR)
    municipal = tables_by[(YEAR, MUNICIPALITY)]["overforinger"]
    assert municipal.cells == [Cell(3, WITHHELD), Cell(9, SHOWN)]
    assert municipal.total_cell == Cell(12, SHOWN)
    assert municipal.withheld is True
    service = tables_by[(YEAR, 7)]["overforinger"]
    assert service.cells == [Cell(3, WITHHELD)]
    assert service.total_cell == Cell(3, SMALL)
    assert service.withheld is True
    assert tables_by[(YEAR, 9)]["overforinger"].withheld is False


def test_a_median_beside_a_suppressed_count_is_not_shown():
    tables_by = {
        (YEAR, 7): periods(12, 3, 8),
        (YEAR, 8): periods(12, 30, 8),
        (LAST, 7): periods(2, 30, 9),
    }
    model = build_model(tables_by, (YEAR, LAST))
    state_of(model, {k(7, "median", 2): SMALL, k(7, "median", 1, LAST): HIDDEN})
    state_of(model, {k(7, "median", 3, LAST): WITHHELD})
    untouched = tables_by[(YEAR, 8)]["median"].medians
    apply_states(tables_by, model, YEAR)
    assert tables_by[(YEAR, 7)]["median"].medians == {1: 40, 2: None, 3: 60}
    assert tables_by[(LAST, 7)]["median"].medians == {1: None, 2: 50, 3: None}
    assert tables_by[(LAST, 7)]["median"].withheld is True
    assert tables_by[(YEAR, 8)]["median"].medians is untouched
    assert untouched == {1: 40, 2: 50, 3: 60}


def test_medians_and_counts_must_match():
    tables_by = {(YEAR, 7): periods(12, 3, 8)}
    model = build_model(tables_by, (YEAR,))
    state_of(model, {k(7, "median", 2): SMALL})
    tables_by[(YEAR, 7)]["median"].medians = {1: 40, 2: 50}
    with pytest.raises(ValueError, match="zip"):
        apply_states(tables_by, model, YEAR)


def test_the_row_keys_of_a_table_must_match_its_rows_when_the_states_are_applied():
    tables_by = {(YEAR, 7): undringer(9, 2, 6)}
    model = build_model(tables_by, (YEAR,))
    tables_by[(YEAR, 7)]["undringer"].row_keys.append("extra")
    with pytest.raises(ValueError, match="zip"):
        apply_states(tables_by, model, YEAR)


def test_a_state_of_today_is_not_recorded_for_last_year():
    def content(current_only, total=None):
        return Table(
            "innhold",
            "Content",
            [("Pages", 3), ("News", 8)],
            total=total,
            sensitive=False,
            current_only=current_only,
        )

    today, last_year = content(True, 11), content(True, 11)
    kept, kept_last_year = content(False), content(False, 11)
    tables_by = {
        (YEAR, MUNICIPALITY): {"innhold": today},
        (LAST, MUNICIPALITY): {"innhold": last_year},
        (YEAR, 7): {"innhold": kept},
        (LAST, 7): {"innhold": kept_last_year},
    }
    apply_states(tables_by, Model(), YEAR)
    assert today.cells == [Cell(3, SHOWN), Cell(8, SHOWN)]
    assert today.total_cell == Cell(11, SHOWN)
    assert last_year.cells == [Cell(3, NOT_RECORDED), Cell(8, NOT_RECORDED)]
    assert last_year.total_cell == Cell(11, NOT_RECORDED)
    assert kept.cells == [Cell(3, SHOWN), Cell(8, SHOWN)]
    assert kept.total_cell is None
    assert kept_last_year.cells == [Cell(3, SHOWN), Cell(8, SHOWN)]
    assert kept_last_year.total_cell == Cell(11, SHOWN)
    for t in (today, last_year, kept, kept_last_year):
        assert t.withheld is False


# --- Last year beside this year --------------------------------------------------------------


def with_cells(key, rows, states, **kwargs):
    t = table(key, rows, **kwargs)
    t.cells = [Cell(value, state) for (_key, value), state in zip(rows, states, strict=True)]
    return t


def test_last_years_cells_are_beside_this_years_and_a_missing_row_is_zero():
    this = with_cells("t", [("a", 7), ("b", 2)], [SHOWN, SMALL])
    previous = with_cells("t", [("b", 9), ("c", 3)], [SHOWN, SMALL])
    _beside(this, previous)
    assert this.previous is previous
    assert this.lines == [
        ("label a", Cell(7, SHOWN), Cell(0, SHOWN)),
        ("label b", Cell(2, SMALL), Cell(9, SHOWN)),
        ("label c", Cell(0, SHOWN), Cell(3, SMALL)),
    ]
    assert previous.lines == []


def test_a_missing_row_of_a_state_of_today_is_not_recorded():
    this = with_cells("t", [("a", 7)], [SHOWN], current_only=True)
    previous = with_cells("t", [("c", 3)], [NOT_RECORDED], current_only=True)
    _beside(this, previous)
    assert this.lines == [
        ("label a", Cell(7, SHOWN), Cell(0, NOT_RECORDED)),
        ("label c", Cell(0, NOT_RECORDED), Cell(3, NOT_RECORDED)),
    ]


def test_beside_needs_a_cell_for_every_row():
    good = with_cells("t", [("a", 7), ("b", 2)], [SHOWN, SMALL])
    # Last year's cells are fewer than its rows.
    short = with_cells("t", [("a", 7), ("b", 2)], [SHOWN, SMALL])
    short.cells = short.cells[:1]
    with pytest.raises(ValueError, match="zip"):
        _beside(good, short)
    # Refused before anything is set.
    assert good.previous is None
    assert good.lines == []
    # This year's cells are fewer than its rows.
    this = with_cells("t", [("a", 7), ("b", 2)], [SHOWN, SMALL])
    this.cells = this.cells[:1]
    with pytest.raises(ValueError, match="zip"):
        _beside(this, with_cells("t", [("a", 1)], [SMALL]))
    # Last year's rows are fewer than its keys and cells.
    previous = with_cells("t", [("c", 7), ("d", 2)], [SHOWN, SMALL])
    previous.rows = previous.rows[:1]
    with pytest.raises(ValueError, match="zip"):
        _beside(with_cells("t", [("a", 1)], [SMALL]), previous)


# --- The release -----------------------------------------------------------------------------


def fake_compute_all(calls):
    def compute_all(year):
        calls.append(year)
        if year == YEAR:
            return {
                MUNICIPALITY: [
                    table("undringer", [("closed", 10), ("escalated", 2), ("open", 8)], total=20),
                    Table("innhold", "Content", [("Pages", 30)], sensitive=False,
                          current_only=True),
                ],
                7: [Table("innhold", "Content", [("Pages", 6)], sensitive=False,
                          current_only=True)],
            }  # fmt: skip
        return {
            MUNICIPALITY: [
                table("undringer", [("escalated", 6), ("gone", 7)], total=13),
                Table("innhold", "Content", [("Pages", 25)], sensitive=False, current_only=True),
            ],
            7: [Table("innhold", "Content", [("News", 4)], sensitive=False, current_only=True)],
        }

    return compute_all


def test_the_release_is_this_year_and_last_suppressed_audited_and_side_by_side(monkeypatch):
    calls = []
    monkeypatch.setattr(disclosure, "compute_all", fake_compute_all(calls))
    release = publish(YEAR)
    assert calls == [YEAR, LAST]
    assert isinstance(release, Release)
    assert (release.year, release.years) == (YEAR, (YEAR, LAST))
    assert sorted(release.tables_by, key=repr) == sorted(
        [(YEAR, MUNICIPALITY), (YEAR, 7), (LAST, MUNICIPALITY), (LAST, 7)], key=repr
    )
    cases_table, content = release.tables(YEAR, MUNICIPALITY)
    assert (cases_table.key, content.key) == ("undringer", "innhold")
    # The "<5" is protected by hiding the smallest figure that will do (as in
    # test_rules_disclosure.py's table [10, 2, 8] of 20).
    assert cases_table.cells == [Cell(10, SHOWN), Cell(2, SMALL), Cell(8, HIDDEN)]
    assert cases_table.total_cell == Cell(20, SHOWN)
    previous = release.tables(LAST, MUNICIPALITY)
    assert [t.key for t in previous] == ["undringer", "innhold"]
    assert cases_table.previous is previous[0]
    assert cases_table.lines == [
        ("label closed", Cell(10, SHOWN), Cell(0, SHOWN)),
        ("label escalated", Cell(2, SMALL), Cell(6, SHOWN)),
        ("label open", Cell(8, HIDDEN), Cell(0, SHOWN)),
        ("label gone", Cell(0, SHOWN), Cell(7, SHOWN)),
    ]
    assert content.lines == [("Pages", Cell(30, SHOWN), Cell(25, NOT_RECORDED))]
    (service_content,) = release.tables(YEAR, 7)
    assert service_content.lines == [
        ("Pages", Cell(6, SHOWN), Cell(0, NOT_RECORDED)),
        ("News", Cell(0, NOT_RECORDED), Cell(4, NOT_RECORDED)),
    ]
    # Last year's tables are not put beside the year before.
    assert all(t.lines == [] and t.previous is None for t in previous)
    assert release.model.keys[:4] == [
        k(MUNICIPALITY, "undringer", r) for r in ("closed", "escalated", "open", TOTAL)
    ]
    findings = release.audit()
    assert findings == audit_model(release.model)
    assert {(f.key, f.state, f.value, round(f.low), round(f.high), f.ok) for f in findings} == {
        (k(MUNICIPALITY, "undringer", "escalated"), SMALL, 2, 0, 4, True),
        (k(MUNICIPALITY, "undringer", "open"), HIDDEN, 8, 6, 10, True),
    }
