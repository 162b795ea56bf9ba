"""The suppression rule (statistikk.disclosure) on small tables, checked against an attacker
who tries every integer table: no database, so that `make mutate` can run them per mutant.

A "<5" must be consistent with every figure from 0 to 4, a "–" with at least two figures (it
must not be worked out exactly), and of the ways to get there the rule keeps the cheapest.
"""

import itertools

import pytest

from statistikk.disclosure import (
    TOTAL,
    Cell,
    Finding,
    Model,
    State,
    audit_model,
    suppress_model,
)
from statistikk.suppression import suppress

LIMIT = 5


def possible_values(cells, total):
    """For each suppressed figure (cells, then the total), every value it takes in some table
    that an attacker cannot tell from the true one: non-negative integers, "<5" from 0 to 4,
    "–" at least 5, shown figures as shown, the rows adding up to the total."""
    figures = [*cells, total]
    ranges = []
    ceiling = sum(c.value for c in figures) + 2 * LIMIT
    for cell in figures:
        if cell.state == State.SHOWN:
            ranges.append([cell.value])
        elif cell.state == State.SMALL:
            ranges.append(range(LIMIT))
        elif cell.state == State.HIDDEN:
            ranges.append(range(LIMIT, ceiling))
        else:
            ranges.append(range(ceiling))
    seen = [set() for _ in figures]
    for table in itertools.product(*ranges):
        if sum(table[:-1]) == table[-1]:
            for n, value in enumerate(table):
                seen[n].add(value)
    return seen


def assert_protected(cells, total):
    for cell, values in zip([*cells, total], possible_values(cells, total), strict=True):
        if cell.state == State.SMALL:
            assert set(range(LIMIT)) <= values, cell
        elif cell.state in (State.HIDDEN, State.WITHHELD):
            assert len(values) >= 2, cell
            assert cell.value in values
        else:
            assert values == {cell.value}


# values, total -> the states the rule chooses (cells, then total). Each is the cheapest: a
# complement is the smallest figure that protects, never the total when a row will do.
TABLES = [
    ([10, 2, 8], 20, ["shown", "small", "hidden"], "shown"),
    ([3, 7, 9, 12], 31, ["small", "hidden", "shown", "shown"], "shown"),
    ([2, 3, 20], 25, ["small", "small", "hidden"], "shown"),
    ([4, 40, 50, 60], 154, ["small", "hidden", "shown", "shown"], "shown"),
    ([12, 0, 30], 42, ["hidden", "small", "shown"], "shown"),
    # Two "<5" that add up to 4 protect each other: either may be anything from 0 to 4.
    ([2, 2, 30], 34, ["small", "small", "shown"], "shown"),
    # A "–" on the 6 would pin the 0 to 0 or 1 (6 = x + y with y ≥ 5): only the total will do.
    ([0, 6, 7], 13, ["small", "shown", "shown"], "hidden"),
    ([6, 7], 13, ["shown", "shown"], "shown"),
    ([1], 1, ["small"], "small"),
    ([5, 5], 10, ["shown", "shown"], "shown"),
]


@pytest.mark.parametrize(("values", "total", "states", "total_state"), TABLES)
def test_a_table_is_suppressed_at_least_cost_and_an_attacker_learns_nothing(
    values, total, states, total_state
):
    cells, total_cell = suppress(values, total)
    assert [c.state.value for c in cells] == states
    assert total_cell.state.value == total_state
    assert [c.value for c in cells] == values
    assert total_cell.value == total
    assert_protected(cells, total_cell)


def test_without_a_total_only_the_small_figures_are_hidden():
    cells, total = suppress([3, 9, 0, 5])
    assert total is None
    assert [c.state for c in cells] == [State.SMALL, State.SHOWN, State.SMALL, State.SHOWN]


def test_figures_that_do_not_add_up_to_the_total_are_not_linked_to_it():
    # 3 + 9 is not 20: no identity an attacker could use, so nothing more is hidden.
    cells, total = suppress([3, 9], 20)
    assert [c.state for c in cells] == [State.SMALL, State.SHOWN]
    assert total.state == State.SHOWN


def test_a_cell_reads_its_figure_or_its_label():
    assert str(Cell(7)) == "7"
    assert str(Cell(0)) == "0"
    assert str(Cell(3, State.SMALL)) == "<5"
    assert str(Cell(12, State.HIDDEN)) == "–"
    assert str(Cell(12, State.WITHHELD)) == "–"
    assert str(Cell(12, State.NOT_RECORDED)) == ""
    assert not Cell(7).suppressed
    assert Cell(3, State.SMALL).suppressed
    assert Cell(12, State.HIDDEN).suppressed
    assert Cell(12, State.NOT_RECORDED).suppressed


def test_what_a_label_tells_an_attacker():
    assert Model.bounds_for(State.SHOWN, 7, LIMIT) == (7, 7)
    assert Model.bounds_for(State.SMALL, 3, LIMIT) == (0, 4)
    assert Model.bounds_for(State.HIDDEN, 30, LIMIT) == (5, None)
    assert Model.bounds_for(State.WITHHELD, 30, LIMIT) == (0, None)
    assert Model.bounds_for(State.NOT_RECORDED, 30, LIMIT) == (0, None)


def test_a_variable_is_made_once_per_key_and_an_unpublished_one_is_withheld():
    model = Model()
    a = model.var("a", 4)
    assert model.var("a", 99) == a
    b = model.var("b", 7.0, published=False, structural=True, weight=3.0)
    assert (a, b) == (0, 1)
    assert model.values == [4, 7]
    assert isinstance(model.values[1], int)
    assert model.published == [True, False]
    assert model.states == [State.SHOWN, State.WITHHELD]
    assert model.weights == [1.0, 3.0]
    assert model.structural == {1}
    assert model.keys == ["a", "b"]


def test_only_identities_that_hold_and_link_two_figures_are_kept():
    model = Model()
    a, b, c = model.var("a", 2), model.var("b", 3), model.var("c", 5)
    model.identity({a: 1})  # one figure: nothing to link
    model.identity({a: 1, b: 0})  # a zero coefficient is no term
    model.identity({a: 1, b: 1, c: 1})  # 10 ≠ 0: not an identity
    assert model.constraints == []
    model.identity({a: 1, b: 1, c: -1})
    assert model.constraints == [{a: 1, b: 1, c: -1}]
    # A rounding error is no reason to drop an identity.
    d = model.var("d", 2)
    model.identity({a: 0.5, b: 1 / 3, d: -(1 + 1e-9)})
    assert len(model.constraints) == 2


def test_linked_figures_form_one_group_and_the_rest_their_own():
    model = Model()
    ids = [model.var(k, v) for k, v in [("a", 1), ("b", 2), ("c", 3), ("d", 9), ("e", 4)]]
    a, b, c, d, e = ids
    model.identity({a: 1, b: 1, c: -1})
    model.identity({d: 1, e: -1, c: 1})  # wrong: 9 - 4 + 3 ≠ 0, left out
    model.identity({e: 1, d: -1, b: 1, c: 1, a: -1})  # 4 - 9 + 2 + 3 - 1 = -1, left out
    model.identity({e: 2, d: -1, a: 1})  # 8 - 9 + 1 = 0
    groups = sorted((sorted(vs), sorted(rows)) for vs, rows in model.components())
    assert groups == [([a, b, c, d, e], [0, 1])]
    lone = Model()
    x, y = lone.var("x", 1), lone.var("y", 2)
    assert sorted(lone.components()) == [([x], []), ([y], [])]


def two_way_table(grid, *, municipal=1.0):
    """Rows and columns with their totals and a grand total."""
    model = Model()
    cells = [[model.var(("c", r, c), v) for c, v in enumerate(row)] for r, row in enumerate(grid)]
    rows = [model.var(("r", r), sum(row)) for r, row in enumerate(grid)]
    sums = [sum(column) for column in zip(*grid, strict=True)]
    columns = [model.var(("k", c), value, weight=municipal) for c, value in enumerate(sums)]
    grand = model.var(TOTAL, sum(map(sum, grid)), weight=municipal)
    for r, row in enumerate(cells):
        model.identity({**dict.fromkeys(row, 1), rows[r]: -1})
    for c, column in enumerate(zip(*cells, strict=True)):
        model.identity({**dict.fromkeys(column, 1), columns[c]: -1})
    model.identity({**dict.fromkeys(rows, 1), grand: -1})
    return model, cells, rows, columns, grand


def states(model, ids):
    return [model.states[i].value for i in ids]


def test_a_two_way_table_hides_a_rectangle_around_a_small_cell_and_passes_the_audit():
    model, cells, rows, columns, grand = two_way_table([[3, 10, 12], [8, 9, 20]])
    suppress_model(model)
    assert [states(model, row) for row in cells] == [
        ["small", "hidden", "shown"],
        ["hidden", "hidden", "shown"],
    ]
    assert states(model, [*rows, *columns, grand]) == ["shown"] * 6
    findings = audit_model(model)
    assert {f.key for f in findings} == {("c", 0, 0), ("c", 0, 1), ("c", 1, 0), ("c", 1, 1)}
    assert all(f.ok for f in findings)
    small = next(f for f in findings if f.key == ("c", 0, 0))
    assert (small.state, small.value, small.low, small.high) == (State.SMALL, 3, 0, 4)
    hidden = next(f for f in findings if f.key == ("c", 0, 1))
    assert (hidden.state, hidden.value) == (State.HIDDEN, 10)
    assert hidden.high - hidden.low >= 1


def test_the_audit_finds_a_small_cell_that_the_others_give_away():
    model = Model()
    a, b, t = model.var("a", 3), model.var("b", 9), model.var("t", 12)
    model.identity({a: 1, b: 1, t: -1})
    model.states[a] = State.SMALL  # the primary suppression alone: 3 = 12 - 9
    [finding] = audit_model(model, LIMIT)
    assert finding == Finding("a", State.SMALL, 3, 3.0, 3.0, False)


def test_the_audit_finds_a_hidden_cell_that_is_pinned_and_passes_a_wide_one():
    model = Model()
    a, b, t = model.var("a", 6), model.var("b", 9), model.var("t", 15)
    model.identity({a: 1, b: 1, t: -1})
    model.states[a] = State.HIDDEN
    [pinned] = audit_model(model, LIMIT)
    assert (pinned.low, pinned.high, pinned.ok) == (6, 6, False)
    model.states[b] = State.HIDDEN
    findings = audit_model(model, LIMIT)
    assert [(f.key, f.low, f.high, f.ok) for f in findings] == [
        ("a", 5, 10, True),
        ("b", 5, 10, True),
    ]


def test_a_lone_figure_is_audited_by_its_label():
    model = Model()
    model.var("a", 2)
    model.var("b", 30)
    model.states[0] = State.SMALL
    model.states[1] = State.HIDDEN
    findings = audit_model(model, LIMIT)
    assert findings == [
        Finding("a", State.SMALL, 2, 0, 4, True),
        Finding("b", State.HIDDEN, 30, 5, float("inf"), True),
    ]


def test_a_structural_zero_is_never_suppressed_nor_used_to_protect():
    model = Model()
    a = model.var("a", 3)
    zero = model.var("zero", 0, structural=True)
    b = model.var("b", 20)
    t = model.var("t", 23)
    model.identity({a: 1, zero: 1, b: 1, t: -1})
    suppress_model(model, LIMIT)
    assert model.states == [State.SMALL, State.SHOWN, State.HIDDEN, State.SHOWN]


def test_an_unpublished_figure_is_never_counted_as_suppressed():
    model = Model()
    a = model.var("a", 3)
    hidden_sum = model.var("unknown", 10, published=False)
    t = model.var("t", 13)
    model.identity({a: 1, hidden_sum: 1, t: -1})
    suppress_model(model, LIMIT)
    # Nobody knows the 10, so the 3 is safe as "<5" with nothing more hidden.
    assert model.states == [State.SMALL, State.WITHHELD, State.SHOWN]
    assert audit_model(model, LIMIT) == [Finding("a", State.SMALL, 3, 0, 4, True)]


def test_a_group_that_cannot_keep_a_claim_about_the_size_is_withheld():
    # 1 + 1 = 2 and all three are small: "<5" for each could be worked out from the others'
    # labels (two of them 4 would make the total 8), so the linked figures are withheld.
    model = Model()
    a, b, t = model.var("a", 1), model.var("b", 1), model.var("t", 2)
    model.identity({a: 1, b: 1, t: -1})
    suppress_model(model, LIMIT)
    assert all(f.ok for f in audit_model(model, LIMIT))
    assert_protected([Cell(1, model.states[a]), Cell(1, model.states[b])], Cell(2, model.states[t]))


def test_the_limit_comes_from_the_settings_unless_given(settings):
    settings.STATS_MIN_CELL = 10
    cells, total = suppress([7, 30], 37)
    assert [c.state for c in cells] == [State.SMALL, State.HIDDEN]
    assert total.state == State.SHOWN
    model = Model()
    model.var("a", 7)
    suppress_model(model, 5)
    assert model.states == [State.SHOWN]


def test_a_figure_with_no_upper_bound_is_audited_as_unbounded():
    # Everything hidden: each figure is known to be at least the limit (the total at least
    # twice that), and nothing bounds it from above.
    model = Model()
    a, b, t = model.var("a", 6), model.var("b", 9), model.var("t", 15)
    model.identity({a: 1, b: 1, t: -1})
    model.states[:] = [State.HIDDEN] * 3
    findings = audit_model(model, LIMIT)
    assert [(f.key, f.low, f.high, f.ok) for f in findings] == [
        ("a", 5, float("inf"), True),
        ("b", 5, float("inf"), True),
        ("t", 10, float("inf"), True),
    ]
