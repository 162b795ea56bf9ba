"""The suppression internals of statistikk.disclosure on small models: the attacker's interval
of a figure, which tables are consistent with a release, the cheapest cells to hide, and how a
group's suppression finds, keeps and takes back its proofs. No database, so that `make mutate`
can run them per mutant.

The rules: a "<5" must be consistent with every figure from 0 to 4, a "–" must not be worked
out to within less than one unit, and of the ways to get there the cheapest is kept; a group
that cannot keep a claim about the size is withheld.
"""

import itertools
import math

import numpy as np
import pytest

from statistikk.disclosure import (
    PENDING,
    TOTAL,
    Finding,
    Model,
    State,
    _Component,
    _Suppression,
    audit_model,
    suppress_model,
)

LIMIT = 5
SHOWN, SMALL, HIDDEN, WITHHELD = State.SHOWN, State.SMALL, State.HIDDEN, State.WITHHELD


def sum_model(values, total, states=(), *, structural=(), weights=None, unpublished=(), lone=0):
    """Rows ("r", n) that add up to a total (TOTAL): the group's variables are the rows, then
    the total, after ``lone`` figures linked to nothing (so that a variable's index in the model
    is not its position in the group). ``states`` gives the rows' states (the rest shown);
    ``structural`` and ``weights`` name rows by position, the total by TOTAL."""
    weights = weights or {}
    model = Model()
    for n in range(lone):
        model.var(("lone", n), 40)
    ids = [
        model.var(
            ("r", n),
            value,
            structural=n in structural,
            weight=weights.get(n, 1.0),
            published=n not in unpublished,
        )
        for n, value in enumerate(values)
    ]
    total_id = model.var(
        TOTAL, total, structural=TOTAL in structural, weight=weights.get(TOTAL, 1.0)
    )
    model.identity({**dict.fromkeys(ids, 1), total_id: -1})
    for i, state in zip(ids, states, strict=False):  # the rows named, the rest shown
        model.states[i] = state
    return model


def group(model):
    """The linked group of ``model`` (the one with identities)."""
    [(variables, rows)] = [(vs, rs) for vs, rs in model.components() if rs]
    return variables, rows


def component(model, limit=LIMIT):
    return _Component(model, *group(model), limit)


def suppression(model, limit=LIMIT):
    return _Suppression(model, *group(model), limit)


def integer_range(model, i, limit=LIMIT):
    """Every integer value variable ``i`` takes in some integer table that the attacker cannot
    tell from the true one (each figure within its label, every identity holding)."""
    ceiling = sum(model.values) + 2 * limit
    ranges = []
    for v in range(len(model.keys)):
        low, high = model.bounds(v, limit)
        ranges.append(range(int(low), int(ceiling if high is None else high) + 1))
    seen = set()
    for table in itertools.product(*ranges):
        if all(sum(c * table[k] for k, c in terms.items()) == 0 for terms in model.constraints):
            seen.add(table[i])
    return seen


def as_list(y):
    return [float(v) for v in y]


# --- _Component: what the attacker can work out ---------------------------------------------


def test_a_lone_figure_has_the_interval_of_its_label_and_no_table_is_kept():
    model = Model()
    for key, value, state in [("a", 2, SMALL), ("b", 30, HIDDEN), ("c", 7, SHOWN)]:
        model.states[model.var(key, value)] = state
    intervals = []
    for variables, rows in model.components():
        points = []
        [v] = variables
        intervals.append(_Component(model, variables, rows, LIMIT).interval(v, points))
        assert points == []
    assert intervals == [(0, 4), (5, np.inf), (7, 7)]


def test_the_interval_is_what_an_integer_attacker_finds_and_its_two_tables_are_kept():
    # 3 "<5" + "–" = 12: the 3 is anything from 0 to 4, the "–" from 8 to 12.
    model = sum_model([3, 9], 12, [SMALL, HIDDEN])
    c = component(model)
    points = []
    assert c.interval(0, points) == (0, 4)
    assert [as_list(y) for y in points] == [[0, 12, 12], [4, 8, 12]]
    assert c.interval(1) == (8, 12)
    for i in (0, 1):
        low, high = c.interval(i)
        values = integer_range(model, i)
        assert (min(values), max(values)) == (low, high)


def test_an_interval_without_an_upper_bound_keeps_only_the_table_of_its_minimum():
    model = sum_model([6, 9], 15, [HIDDEN, HIDDEN])
    model.states[2] = HIDDEN
    c = component(model)
    points = []
    assert c.interval(2, points) == (10, np.inf)
    assert len(points) == 1
    assert points[0][2] == 10
    assert c.valid(points).tolist() == [True]


def test_a_release_that_contradicts_its_own_figures_is_an_error_not_a_pass():
    # A 7 labelled "<5" beside 9 and 16 shown: no table is consistent with the release.
    model = sum_model([7, 9], 16, [SMALL])
    with pytest.raises(RuntimeError, match=r"^disclosure audit: "):
        component(model).interval(0)


def test_a_table_is_consistent_only_within_every_label_and_identity():
    model = sum_model([3, 9], 12, [SMALL, HIDDEN])
    c = component(model)
    cases = [
        ([3, 9, 12], True),  # the true table
        ([0, 12, 12], True),  # the 3 at 0: still within "<5"
        ([5, 7, 12], False),  # 5 is no "<5"
        ([4, 4, 8], False),  # the total is shown as 12
        ([4, 8, 13], False),  # 4 + 8 is not 13
        ([2, 10, 12 + 5e-7], True),  # a rounding error is no contradiction
        ([-5e-7, 12, 12], True),  # nor is one just below a label's floor
        ([-2e-6, 12 + 2e-6, 12], False),  # but this is below it
        ([4 + 5e-7, 8 - 5e-7, 12], True),  # just above "<5"'s 4: rounding
        ([4 + 2e-6, 8 - 2e-6, 12], False),  # above it
    ]
    tables = [np.array(y, dtype=float) for y, _ok in cases]
    assert c.valid(tables).tolist() == [ok for _y, ok in cases]
    kept = c.consistent_only(tables)
    assert [as_list(y) for y in kept] == [
        as_list(y) for y, (_t, ok) in zip(tables, cases, strict=True) if ok
    ]
    assert c.consistent_only([]).shape == (0, 3)


def test_the_tolerance_of_an_identity_grows_with_the_size_of_the_table():
    # 3000 + 9000 = 12000 within a millionth of the table's largest figure.
    model = sum_model([3000, 9000], 12000, [HIDDEN, HIDDEN])
    c = component(model)
    near = np.array([3000.005, 9000.0, 12000.0])
    far = np.array([3000.02, 9000.0, 12000.0])
    assert c.valid([near, far]).tolist() == [True, False]
    # In a table of figures below one the tolerance is the absolute one: a millionth.
    tiny = sum_model([0, 1], 1, [SMALL, SMALL])
    tiny.states[2] = SMALL
    t = component(tiny)
    assert t.valid(
        [np.array([0.0, 1.0, 1.0 + 9e-7]), np.array([0.0, 1.0, 1.0 + 1.5e-6])]
    ).tolist() == [
        True,
        False,
    ]


def test_each_table_is_held_to_the_tolerance_of_its_own_size():
    # Checked together, a small table's error is not excused by a large table's size.
    model = sum_model([3000, 9000], 12000, [HIDDEN, HIDDEN])
    model.states[2] = HIDDEN
    c = component(model)
    small = np.array([5.0, 5.0, 10.0 + 5e-5])
    large = np.array([3000.0, 9000.0, 12000.0])
    assert c.valid([small, large]).tolist() == [False, True]


def test_a_lone_figure_is_consistent_within_its_label():
    model = Model()
    model.states[model.var("a", 2)] = SMALL
    c = _Component(model, [0], [], LIMIT)
    assert c.valid([np.array([0.0]), np.array([4.0]), np.array([4.5])]).tolist() == [
        True,
        True,
        False,
    ]


def test_a_small_cell_passes_the_check_only_if_it_can_be_anything_from_0_to_4():
    # Lone figures first, so that a variable's index in the model is not its position.
    model = Model()
    model.states[model.var("lone", 1)] = SMALL
    a, b = model.var("a", 3), model.var("b", 2)
    t = model.var("t", 5)
    model.identity({a: 1, b: 1, t: -1})
    model.states[a] = model.states[b] = SMALL
    c = component(model)
    # 3 "<5" + 2 "<5" = 5: each is at least 1 (the other is at most 4).
    assert c.check(a) == Finding("a", SMALL, 3, 1, 4, False)
    assert c.check(b) == Finding("b", SMALL, 2, 1, 4, False)
    wide = sum_model([3, 9], 12, [SMALL, HIDDEN])
    assert component(wide).check(0) == Finding(("r", 0), SMALL, 3, 0, 4, True)
    # 1 "<5" + "–" = 6: the "<5" is 0 or 1, the "–" 5 or 6 (a unit apart: enough for a "–").
    narrow = sum_model([1, 5], 6, [SMALL, HIDDEN])
    c = component(narrow)
    points = []
    assert c.check(0, points) == Finding(("r", 0), SMALL, 1, 0, 1, False)
    assert [as_list(y) for y in points] == [[0, 6, 6], [1, 5, 6]]
    assert c.check(1) == Finding(("r", 1), HIDDEN, 5, 5, 6, True)
    assert integer_range(narrow, 0) == {0, 1}
    assert integer_range(narrow, 1) == {5, 6}


def test_a_small_cell_that_reaches_3_but_not_4_fails_the_check():
    # 2 "<5" + 2 "<5" = 3 + 1 shown: each is at most 3.
    model = sum_model([2, 1, 1], 4, [SMALL, SMALL])
    model.states[2] = SMALL
    model.states[3] = SMALL
    c = component(model)
    assert c.check(0) == Finding(("r", 0), SMALL, 2, 0, 4, True)
    model = sum_model([2, 1, 5], 8, [SMALL, SMALL])
    # 8 - 5 = 3: each "<5" is from 0 to 3.
    assert component(model).check(0) == Finding(("r", 0), SMALL, 2, 0, 3, False)
    assert integer_range(model, 0) == {0, 1, 2, 3}


def test_a_hidden_cell_that_others_pin_fails_the_check():
    model = sum_model([6, 9], 15, [HIDDEN])
    assert component(model).check(0) == Finding(("r", 0), HIDDEN, 6, 6, 6, False)
    model.states[1] = WITHHELD
    assert component(model).check(1) == Finding(("r", 1), WITHHELD, 9, 0, 10, True)


def test_the_claimed_cells_are_the_published_ones_with_a_label():
    model = Model()
    ids = [
        model.var(key, value, published=published)
        for key, value, published in [
            ("a", 3, True),
            ("b", 9, True),
            ("u", 4, False),
            ("c", 8, True),
            ("d", 20, True),
            ("t", 44, True),
        ]
    ]
    a, b, u, c, d, t = ids
    model.identity({a: 1, b: 1, u: 1, c: 1, d: 1, t: -1})
    model.states[a], model.states[c], model.states[d] = SMALL, HIDDEN, WITHHELD
    assert component(model).claimed() == [a, c, d]
    assert [f.key for f in audit_model(model, LIMIT)] == ["a", "c", "d"]


def test_a_consistent_table_with_a_figure_at_a_target_is_found_or_none():
    model = sum_model([3, 9], 12, [SMALL, HIDDEN], lone=1)
    c = component(model)
    assert c.variables == [1, 2, 3]
    for target in (0, 4):
        y = c.consistent(0, target)  # a position in the group
        assert y[0] == target
        assert c.valid([y]).tolist() == [True]
    # The figure itself may take any target; the others keep their labels and the identity.
    assert as_list(c.consistent(0, 7)) == [7, 5, 12]
    assert c.consistent(0, 8) is None  # the "–" would be 4
    assert c.consistent(1, 13) is None  # the "<5" would be -1
    assert as_list(c.consistent(1, 12)) == [0, 12, 12]


def test_hiding_costs_more_for_a_larger_figure_and_for_a_weighted_one():
    model = Model()
    model.var("lone", 3)
    ids = [model.var(k, v, weight=w) for k, v, w in [("zero", 0, 1.0), ("one", 1, 1.0)]]
    ids += [model.var("two", 2, weight=4.0), model.var("big", 20, weight=2.0)]
    ids.append(model.var("t", 23))
    model.identity({**dict.fromkeys(ids[:-1], 1), ids[-1]: -1})
    c = component(model)
    assert c.variables == ids
    assert [c.cost(n) for n in range(5)] == [
        1.0,
        1.0,
        4.0 * (1 + math.log(2)),
        2.0 * (1 + math.log(20)),
        1 + math.log(23),
    ]


def test_an_identity_of_two_figures_links_them():
    # A hand-over shown in two tables is one quantity: a = b.
    model = Model()
    a, b = model.var("a", 7), model.var("b", 7)
    model.identity({a: 1, b: -1})
    assert model.constraints == [{a: 1, b: -1}]
    assert model.components() == [([a, b], [0])]


# --- _Component.protect: the cheapest cells to hide ------------------------------------------


def protect(model, n, target, pending=None):
    """``protect`` of position ``n``: the table as a list and the new states by key, after
    checking that with them an integer attacker cannot rule out ``target``."""
    c = component(model)
    found = c.protect(n, target, pending)
    if found is None:
        return None
    y, changes = found
    assert y[n] == target
    before = list(model.states)
    for k, state in changes.items():
        model.states[c.variables[k]] = state
    assert c.valid([y]).tolist() == [True]
    assert target in integer_range(model, c.variables[n])
    model.states[:] = before
    return as_list(y), {model.keys[c.variables[k]]: state for k, state in changes.items()}


def test_protect_hides_the_cheapest_figure_that_makes_the_target_consistent():
    # 3 "<5" + 9 = 12: for the 3 to be 4 or 0, the 9 (cheaper than the 12) moves by one or three.
    model = sum_model([3, 9], 12, [SMALL])
    assert protect(model, 0, 4) == ([4, 8, 12], {("r", 1): HIDDEN})
    assert protect(model, 0, 0) == ([0, 12, 12], {("r", 1): HIDDEN})
    # The total weighted at half is cheaper than the row: it is hidden instead.
    model = sum_model([3, 9], 12, [SMALL], weights={TOTAL: 0.5})
    assert protect(model, 0, 4) == ([4, 9, 13], {TOTAL: HIDDEN})
    assert protect(model, 0, 0) == ([0, 9, 9], {TOTAL: HIDDEN})
    # A structural figure is never hidden: the total is, though it costs more.
    model = sum_model([3, 9], 12, [SMALL], structural={1})
    assert protect(model, 0, 4) == ([4, 9, 13], {TOTAL: HIDDEN})
    assert model.states == [SMALL, SHOWN, SHOWN]


def test_protect_moves_a_hidden_figure_down_only_to_the_limit():
    # 0 "<5" + 6 = 6: a "–" on the 6 could not go below 5, so only the total makes 4 possible.
    model = sum_model([0, 6], 6, [SMALL])
    assert protect(model, 0, 4) == ([4, 6, 10], {TOTAL: HIDDEN})
    # With the total fixed, the 7 has to go to 3: below a "–", so it is withheld.
    model = sum_model([0, 7], 7, [SMALL], structural={TOTAL})
    assert protect(model, 0, 4) == ([4, 3, 7], {("r", 1): WITHHELD})
    model = sum_model([0, 5], 5, [SMALL], structural={TOTAL})
    assert protect(model, 0, 4) == ([4, 1, 5], {("r", 1): WITHHELD})


def test_protect_withholds_a_figure_only_as_far_as_zero():
    model = sum_model([0, 1], 1, [SMALL], structural={TOTAL})
    assert protect(model, 0, 1) == ([1, 0, 1], {("r", 1): WITHHELD})
    assert protect(model, 0, 2) is None  # the 1 would be -1
    assert protect(model, 0, 4) is None
    # A "–" withheld goes down to 0 at most.
    model = sum_model([0, 5], 5, [SMALL, HIDDEN], structural={TOTAL})
    assert protect(model, 0, 4) == ([4, 1, 5], {("r", 1): WITHHELD})
    assert protect(model, 0, 6) is None  # the "–" would be -1
    # A "<5" that must be 5 or more makes no claim about its size any longer.
    model = sum_model([1, 4], 5, [SMALL, SMALL], structural={TOTAL})
    assert protect(model, 0, 0) == ([0, 5, 5], {("r", 1): WITHHELD})


def test_protect_is_none_when_nothing_may_move():
    model = sum_model([3, 9], 12, [SMALL], structural={1, TOTAL})
    assert component(model).protect(0, 4) is None
    assert model.states == [SMALL, SHOWN, SHOWN]


def test_withholding_costs_a_hundred_times_hiding():
    # Withholding the heavy 9 would cost less than hiding it, but far more than hiding the 12.
    model = sum_model([3, 9], 12, [SMALL], weights={1: 10.0})
    assert protect(model, 0, 4) == ([4, 9, 13], {TOTAL: HIDDEN})
    # A heavy "–" withheld below the limit, or a heavy "<5" above it: the 20 or 60 is hidden.
    model = sum_model([0, 5, 20], 25, [SMALL, HIDDEN], weights={1: 10.0})
    assert protect(model, 0, 4) == ([4, 5, 16, 25], {("r", 2): HIDDEN})
    model = sum_model([4, 4, 60], 68, [SMALL, SMALL], weights={1: 10.0})
    assert protect(model, 0, 0) == ([0, 4, 64, 68], {("r", 2): HIDDEN})
    # 4 "<5" + 4 "<5" = 8, the first to be 0: the other must be withheld, but the total going
    # down to 5 ("–") spares three of the four units withheld.
    model = sum_model([4, 4], 8, [SMALL, SMALL])
    assert protect(model, 0, 0) == ([0, 5, 5], {("r", 1): WITHHELD, TOTAL: HIDDEN})
    # Hiding the 20 costs 150 a unit; withholding the "<5" beside it 100 × 2.39 = 239.
    model = sum_model([4, 4, 20], 28, [SMALL, SMALL], weights={2: 37.5, TOTAL: 40.0})
    assert protect(model, 0, 0) == ([0, 4, 24, 28], {("r", 2): HIDDEN})


def test_an_unpublished_figure_moves_freely_but_not_below_zero():
    model = sum_model([3, 1], 4, [SMALL], unpublished={1})
    assert protect(model, 0, 4) == ([4, 0, 4], {})
    # Even the 10 weighted at a tenth is dearer than the unknown 10, which is free.
    model = sum_model([3, 10, 10], 23, [SMALL], unpublished={1}, weights={2: 0.1})
    assert protect(model, 0, 0) == ([0, 13, 10, 23], {})


def test_a_small_cell_moves_within_its_label_for_free():
    # The other "<5" takes up the change, though the 30 weighted at a tenth is cheap.
    model = sum_model([2, 2, 30], 34, [SMALL, SMALL], weights={2: 0.1})
    assert protect(model, 0, 0) == ([0, 4, 30, 34], {})
    assert protect(model, 0, 4) == ([4, 0, 30, 34], {})


def test_a_pending_target_steers_the_other_small_cells_toward_it():
    # Three "<5" of 2 beside 30: for the first to be 4 the other two give up 2 between them.
    model = sum_model([2, 2, 2, 30], 36, [SMALL, SMALL, SMALL])
    assert protect(model, 0, 4, {1: 4}) == ([4, 2, 0, 30, 36], {})
    assert protect(model, 0, 4, {2: 4}) == ([4, 0, 2, 30, 36], {})
    assert protect(model, 0, 4, {1: 0}) == ([4, 0, 2, 30, 36], {})
    assert protect(model, 0, 4, {2: 0}) == ([4, 2, 0, 30, 36], {})
    assert protect(model, 0, 0, {1: 4}) == ([0, 4, 2, 30, 36], {})
    assert protect(model, 0, 0, {2: 4}) == ([0, 2, 4, 30, 36], {})
    assert PENDING < 1e-3


def test_a_lone_figure_needs_no_protection():
    model = Model()
    model.states[model.var("a", 2)] = SMALL
    y, changes = _Component(model, [0], [], LIMIT).protect(0, 4)
    assert as_list(y) == [2]
    assert changes == {}


# --- _Suppression: requirements, their proofs, and taking back -------------------------------


def witnesses(s):
    return {key: as_list(y) for key, y in s.witnesses.items()}


def test_the_requirements_in_force_are_those_of_the_cells_that_read_small_now():
    model = sum_model([3, 1, 20], 24, [SMALL, SMALL])
    s = suppression(model)
    y = np.array([4.0, 0.0, 20.0, 24.0])
    s.witnesses = {(0, 4): y, (1, 0): y, (0, 0): y}
    assert s._requirements() == [(0, 4), (1, 0), (0, 0)]
    model.states[0] = WITHHELD  # no claim about its size any longer: only not to be pinned
    assert s._requirements() == [(1, 0)]


def test_a_requirement_is_met_by_a_table_already_found_that_is_still_consistent():
    model = sum_model([3, 9], 12, [SMALL, HIDDEN])
    model.states[2] = HIDDEN
    s = suppression(model)
    assert as_list(s._met(0, 3)) == [3, 9, 12]  # the true table
    assert s._met(0, 4) is None
    s.witnesses = {(0, 4): np.array([4.0, 8.0, 12.0])}
    s.points.append(np.array([4.0, 9.0, 13.0]))
    # Both fit; the witness comes first.
    assert as_list(s._met(0, 4)) == [4, 8, 12]
    s.witnesses = {(0, 4): np.array([4.0 + 5e-7, 8.0, 12.0 + 5e-7])}
    assert as_list(s._met(0, 4)) == [4.0 + 5e-7, 8, 12.0 + 5e-7]
    s.points.pop()
    model.states[1] = SHOWN  # the 9 shown: a table with an 8 there no longer fits
    s.witnesses = {(0, 4): np.array([4.0, 8.0, 12.0])}
    assert s._met(0, 4) is None
    s.witnesses = {(0, 4): np.array([4.01, 8.0, 12.01])}
    model.states[1] = HIDDEN
    assert s._met(0, 4) is None  # not 4


def test_require_keeps_a_table_already_found_and_hides_nothing_for_it():
    model = sum_model([2, 2, 2, 30], 36, [SMALL, SMALL, SMALL])
    s = suppression(model)
    s.points.append(np.array([4.0, 2.0, 0.0, 30.0, 36.0]))
    # Protecting anew with this pending target would give [4, 0, 2, ...]: the table found
    # already is kept, at no cost.
    assert s.require(0, 4, {2: 4}) is True
    assert witnesses(s) == {(0, 4): [4, 2, 0, 30, 36]}
    assert s.relaxed is False
    assert model.states == [SMALL, SMALL, SMALL, SHOWN, SHOWN]


def test_require_hides_what_protect_chooses_and_notes_that_it_relaxed():
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    assert s.relaxed is False
    assert s.require(0, 4) is True
    assert model.states == [SMALL, HIDDEN, SHOWN]
    assert witnesses(s) == {(0, 4): [4, 8, 12]}
    assert s.relaxed is True
    assert s.require(0, 0) is True  # 0 + 12 = 12 needs nothing more hidden
    assert s.relaxed is True
    assert witnesses(s) == {(0, 4): [4, 8, 12], (0, 0): [0, 12, 12]}


def test_require_passes_the_pending_targets_to_protect():
    model = sum_model([2, 2, 2, 30], 36, [SMALL, SMALL, SMALL])
    s = suppression(model)
    assert s.require(0, 4, {1: 4}) is True
    assert witnesses(s) == {(0, 4): [4, 2, 0, 30, 36]}


def test_require_fails_and_changes_nothing_when_no_protection_exists():
    model = sum_model([3, 9], 12, [SMALL], structural={1, TOTAL})
    s = suppression(model)
    assert s.require(0, 4) is False
    assert s.witnesses == {}
    assert s.relaxed is False
    assert model.states == [SMALL, SHOWN, SHOWN]


def test_try_keeps_a_tighter_state_when_every_requirement_can_still_be_met():
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    assert s._try(2, HIDDEN) is True  # no requirement yet
    model.states[2] = SHOWN
    s.require(0, 4)
    s.require(0, 0)
    assert model.states == [SMALL, HIDDEN, SHOWN]
    kept = dict(s.witnesses)
    # Hiding the total as well: the tables found still fit.
    assert s._try(2, HIDDEN) is True
    assert all(s.witnesses[key] is y for key, y in kept.items())
    # Showing the 9 again with the total hidden: new tables are found for both requirements.
    assert s._try(1, SHOWN) is True
    assert model.states == [SMALL, SHOWN, HIDDEN]
    tables = list(s.witnesses.values())
    assert component(model).valid(tables).tolist() == [True, True]
    assert [y[0] for y in tables] == [4, 0]
    kept = dict(s.witnesses)
    # Showing the total too pins the 3: refused, and the tables are as they were.
    assert s._try(2, SHOWN) is False
    assert s.witnesses == kept
    assert all(s.witnesses[key] is y for key, y in kept.items())


def test_try_reuses_a_table_that_still_fits_for_a_requirement_that_lost_its_own():
    model = sum_model([3, 1, 9], 13, [SMALL, SMALL, HIDDEN])
    s = suppression(model)
    fits = np.array([4.0, 0.0, 9.0, 13.0])  # fine with the 9 shown or hidden
    lost = np.array([4.0, 1.0, 8.0, 13.0])  # needs the 9 hidden
    s.witnesses = {(1, 0): fits, (0, 4): lost}
    assert s._try(2, SHOWN) is True
    assert s.witnesses[(1, 0)] is fits
    assert s.witnesses[(0, 4)] is fits


def test_take_back_shows_again_the_most_costly_secondary_cell_that_is_not_needed():
    # Both the 9 and the 12 hidden: either alone protects the 3. The 12 costs more, so it is
    # shown first; then the 9 is needed.
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    s.require(0, 4)
    s.require(0, 0)
    model.states[2] = HIDDEN
    s.take_back([SMALL, SHOWN, SHOWN])
    assert model.states == [SMALL, HIDDEN, SHOWN]
    assert witnesses(s) == {(0, 4): [4, 8, 12], (0, 0): [0, 12, 12]}


def test_take_back_makes_a_withheld_cell_hidden_when_a_claim_about_its_size_can_be_kept():
    # 0 "<5" + 9 = 9: the 9 withheld could be 5 just as well ("–": at least 5).
    model = sum_model([0, 9], 9, [SMALL])
    s = suppression(model)
    model.states[1] = WITHHELD
    s.require(0, 4)
    s.require(0, 0)
    s.take_back([SMALL, SHOWN, SHOWN])
    assert model.states == [SMALL, HIDDEN, SHOWN]
    assert integer_range(model, 0) == {0, 1, 2, 3, 4}


def test_take_back_leaves_a_withheld_cell_withheld_when_no_claim_can_be_kept():
    # 0 "<5" + 7 = 7 with the total fixed: for the 0 to be 4 the 7 must be 3, below a "–".
    model = sum_model([0, 7], 7, [SMALL], structural={TOTAL})
    s = suppression(model)
    assert s.require(0, 4) is True
    assert model.states == [SMALL, WITHHELD, SHOWN]
    s.require(0, 0)
    kept = witnesses(s)
    s.take_back([SMALL, SHOWN, SHOWN])
    assert model.states == [SMALL, WITHHELD, SHOWN]
    assert witnesses(s) == kept
    # A cell that was hidden is not made "–" on the way back when it was a "<5".
    model = sum_model([1, 4], 5, [SMALL, SMALL], structural={TOTAL})
    s = suppression(model)
    assert s.require(0, 0) is True
    assert model.states == [SMALL, WITHHELD, SHOWN]
    s.take_back([SMALL, SMALL, SHOWN])
    assert model.states == [SMALL, WITHHELD, SHOWN]


def test_unproven_audits_a_cell_without_a_proof_and_keeps_the_tables_it_finds():
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    true = s.points[0]
    assert s.unproven() == [Finding(("r", 0), SMALL, 3, 3, 3, False)]
    assert len(s.points) == 3
    assert s.points[0] is true
    model = sum_model([6, 9], 15, [HIDDEN])
    assert suppression(model).unproven() == [Finding(("r", 0), HIDDEN, 6, 6, 6, False)]


def test_unproven_needs_no_program_for_cells_the_tables_found_prove():
    model = sum_model([3, 9], 12, [SMALL, HIDDEN])
    s = suppression(model)
    s.witnesses = {(0, 0): np.array([0.0, 12.0, 12.0]), (0, 4): np.array([4.0, 8.0, 12.0])}
    # 0 and 4 for the "<5"; the "–" is 12 in one of them: three units from its 9.
    assert s.unproven() == []
    assert len(s.points) == 1


def test_a_small_cell_is_proven_only_by_tables_at_both_ends():
    model = sum_model([3, 9], 12, [SMALL, HIDDEN])
    s = suppression(model)
    s.witnesses = {(0, 0): np.array([0.0, 12.0, 12.0])}
    # 0 and the true 3, but no 4: the audit's programs are run (and pass).
    assert s.unproven() == []
    assert [as_list(y) for y in s.points[1:]] == [[0, 12, 12], [4, 8, 12]]


def test_a_hidden_cell_is_proven_by_a_table_a_unit_away():
    # The "–" first: a table where it is 6, not 5, proves it; the "<5" after it is then
    # audited, and fails (it is 0 or 1).
    model = sum_model([5, 1], 6, [HIDDEN, SMALL])
    s = suppression(model)
    s.witnesses = {(1, 0): np.array([6.0, 0.0, 6.0])}
    assert s.unproven() == [Finding(("r", 1), SMALL, 1, 0, 1, False)]
    assert len(s.points) == 3


def test_finish_protects_a_small_cell_at_both_ends():
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    assert s.finish() is True
    assert model.states == [SMALL, HIDDEN, SHOWN]
    assert witnesses(s) == {(0, 0): [0, 12, 12], (0, 4): [4, 8, 12]}
    assert audit_model(model, LIMIT) == [
        Finding(("r", 0), SMALL, 3, 0, 4, True),
        Finding(("r", 1), HIDDEN, 9, 8, 12, True),
    ]


def test_finish_protects_only_the_end_a_small_cell_cannot_reach():
    # 1 "<5" + "–" = 6: the "<5" can be 0 already, not 4.
    model = sum_model([1, 5], 6, [SMALL, HIDDEN])
    s = suppression(model)
    assert s.finish() is True
    assert list(s.witnesses) == [(0, 4)]
    assert model.states == [SMALL, HIDDEN, HIDDEN]
    assert all(f.ok for f in audit_model(model, LIMIT))
    # 3 "<5" + 2 "<5" = 5: each reaches 4 but not 0.
    model = sum_model([3, 2], 5, [SMALL, SMALL])
    s = suppression(model)
    assert s.finish() is True
    assert list(s.witnesses) == [(0, 0), (1, 0)]
    assert all(f.ok for f in audit_model(model, LIMIT))
    # 2 "<5" + 1 "<5" + 5 = 8: each reaches 0 and 3, not 4.
    model = sum_model([2, 1, 5], 8, [SMALL, SMALL])
    s = suppression(model)
    assert s.finish() is True
    assert list(s.witnesses) == [(0, 4), (1, 4)]
    assert all(f.ok for f in audit_model(model, LIMIT))


def test_finish_shows_a_hidden_cell_that_anyone_can_work_out():
    model = sum_model([6, 9], 15, [HIDDEN])
    s = suppression(model)
    assert s.finish() is True
    assert model.states == [SHOWN, SHOWN, SHOWN]
    assert s.witnesses == {}


def hidden_within_a_unit(*, fixed):
    """A "–" of 5 = 5 + a fifth of a "<5" of 0: the "–" is between 5 and 5.8, so it can be
    worked out to within less than a unit. ``fixed``: the total and the "<5" never move."""
    model = Model()
    h = model.var("h", 5)
    x = model.var("x", 0, structural=fixed)
    t = model.var("t", 5, structural=fixed)
    model.identity({h: 1, x: -0.2, t: -1})
    model.states[h], model.states[x] = HIDDEN, SMALL
    return model


def test_finish_widens_a_hidden_cell_pinned_to_within_a_unit():
    model = hidden_within_a_unit(fixed=False)
    s = suppression(model)
    assert s.unproven() == [Finding("h", HIDDEN, 5, 5, 5.8, False)]
    assert s.finish() is True
    assert witnesses(s) == {(0, 6): [6, 4, 5.2]}
    assert model.states == [HIDDEN, SMALL, HIDDEN]
    assert all(f.ok for f in audit_model(model, LIMIT))


def test_finish_fails_when_a_cell_cannot_be_protected():
    s = suppression(hidden_within_a_unit(fixed=True))
    assert s.finish() is False
    assert s.witnesses == {}
    s = suppression(sum_model([3, 9], 12, [SMALL], structural={1, TOTAL}))
    assert s.finish() is False
    # With no rounds left, finish is the audit alone.
    s = suppression(sum_model([3, 9], 12, [SMALL]))
    s.ROUNDS = 0
    assert s.finish() is False
    s = suppression(sum_model([3, 9], 12, [SMALL, HIDDEN]))
    s.ROUNDS = 0
    assert s.finish() is True


def test_run_meets_the_larger_small_cells_first_at_4_then_at_0():
    model = sum_model([1, 3, 20], 24, [SMALL, SMALL])
    s = suppression(model)
    assert s.run() is True
    assert list(s.witnesses) == [(1, 4), (0, 4), (1, 0), (0, 0)]
    assert model.states == [SMALL, SMALL, SHOWN, SHOWN]
    model = sum_model([3, 3, 20], 26, [SMALL, SMALL])
    s = suppression(model)
    assert s.run() is True
    assert list(s.witnesses) == [(0, 4), (1, 4), (0, 0), (1, 0)]


def test_run_steers_each_table_toward_the_targets_still_pending():
    # 1, 2, 3 "<5" beside 30: when the 2 is to be 4, the 1 (still to be 4) takes it, not the 3.
    model = sum_model([1, 2, 3, 30], 36, [SMALL, SMALL, SMALL])
    s = suppression(model)
    assert s.run() is True
    assert witnesses(s) == {
        (2, 4): [0, 2, 4, 30, 36],
        (1, 4): [2, 4, 0, 30, 36],
        (0, 4): [4, 0, 2, 30, 36],
        (2, 0): [2, 4, 0, 30, 36],
        (1, 0): [4, 0, 2, 30, 36],
        (0, 0): [0, 2, 4, 30, 36],
    }


def test_run_takes_back_until_a_round_hides_nothing_more():
    model = sum_model([3, 9], 12, [SMALL])
    s = suppression(model)
    rounds = []
    take_back = s.take_back
    s.take_back = lambda initial: rounds.append(list(initial)) or take_back(initial)
    assert s.run() is True
    assert rounds == [[SMALL, SHOWN, SHOWN]]
    assert model.states == [SMALL, HIDDEN, SHOWN]


def test_run_fails_when_a_small_cell_cannot_be_protected():
    model = sum_model([3, 9], 12, [SMALL], structural={1, TOTAL})
    assert suppression(model).run() is False


def test_run_ends_with_a_hidden_cell_widened_by_the_audit():
    model = hidden_within_a_unit(fixed=False)
    s = suppression(model)
    assert s.run() is True
    assert model.states == [HIDDEN, SMALL, HIDDEN]
    assert all(f.ok for f in audit_model(model, LIMIT))


def test_run_fails_when_the_audit_finds_a_cell_it_cannot_protect():
    # The "<5" can be 0 and 4 at no cost, but the "–" stays within 5 and 5.8.
    model = hidden_within_a_unit(fixed=True)
    s = suppression(model)
    assert s.run() is False
    assert list(s.witnesses) == [(1, 4), (1, 0)]


# --- The model as a whole ----------------------------------------------------------------------


def test_suppress_model_protects_every_group_and_withholds_one_that_cannot_be():
    model = Model()
    # A group with nothing small, one with a "<5", one whose "<5" is pinned by figures that are
    # never hidden, and one of "<5" alone, twice the first and the second making the third: the
    # first could be 2 at most, so the third makes no claim about its size.
    shown = [model.var(("s", k), v) for k, v in enumerate([6, 7, 13])]
    small = [model.var(("a", k), v) for k, v in enumerate([3, 9, 12])]
    pinned = [model.var(("p", 0), 2), model.var(("p", 1), 9, structural=True)]
    pinned.append(model.var(("p", 2), 11, structural=True))
    tiny = [model.var(("t", k), v) for k, v in enumerate([1, 1, 3])]
    for ids in (shown, small, pinned):
        model.identity({ids[0]: 1, ids[1]: 1, ids[2]: -1})
    model.identity({tiny[0]: 2, tiny[1]: 1, tiny[2]: -1})
    suppress_model(model, LIMIT)
    assert [model.states[i] for i in shown] == [SHOWN, SHOWN, SHOWN]
    assert [model.states[i] for i in small] == [SMALL, HIDDEN, SHOWN]
    assert [model.states[i] for i in pinned] == [WITHHELD, SHOWN, SHOWN]
    assert [model.states[i] for i in tiny] == [SMALL, SMALL, WITHHELD]
    # (The withheld 2 is still 11 - 9: structural figures are zeros in a real release.)
    assert all(f.ok for f in audit_model(model, LIMIT) if f.key[0] != "p")


def test_the_audit_covers_every_group_and_takes_the_limit_from_the_settings(settings):
    settings.STATS_MIN_CELL = 10
    model = sum_model([7, 30], 37, [SMALL, HIDDEN])
    lone = model.var("lone", 12)
    model.states[lone] = HIDDEN
    assert audit_model(model) == [
        Finding(("r", 0), SMALL, 7, 0, 9, True),
        Finding(("r", 1), HIDDEN, 30, 28, 37, True),
        Finding("lone", HIDDEN, 12, 10, np.inf, True),
    ]
