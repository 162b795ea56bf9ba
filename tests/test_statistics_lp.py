"""The disclosure control's linear programs go to HiGHS directly (``statistikk.lp``): for any
program, the answer is the one ``scipy.optimize.linprog(method="highs")`` gives, status,
table and objective alike, so that the suppression and its audit are unchanged."""

import numpy as np
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.sparse import csr_array

from statistikk import lp


@st.composite
def programs(draw):
    """Small programs shaped like the disclosure control's: identities Σ a·x = 0 with small
    integer coefficients, lower bounds from 0 up, upper bounds or none, any costs."""
    n = draw(st.integers(1, 7))
    m = draw(st.integers(0, 4))
    c = draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
    bounds = []
    for _ in range(n):
        low = draw(st.integers(0, 6))
        width = draw(st.none() | st.integers(0, 6))
        bounds.append((float(low), None if width is None else float(low + width)))
    rows = [draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)) for _ in range(m)]
    a_eq = csr_array(np.array(rows, dtype=float)) if m else None
    return np.array(c, dtype=float), bounds, a_eq


def _reference(c, bounds, a_eq):
    if a_eq is None:
        return linprog(c, bounds=bounds, method="highs")
    return linprog(c, A_eq=a_eq, b_eq=np.zeros(a_eq.shape[0]), bounds=bounds, method="highs")


@hsettings(max_examples=300, deadline=None)
@given(programs())
def test_every_program_gets_linprogs_answer(program):
    c, bounds, a_eq = program
    expected = _reference(c, bounds, a_eq)
    solved = lp.solve(c, bounds, a_eq)
    assert solved.status == expected.status
    if expected.status == 0:
        assert np.array_equal(solved.x, expected.x)
        assert solved.fun == expected.fun


def test_an_unbounded_program_says_so():
    # x0 − x1 = 0, maximise x0: both may grow without end.
    a_eq = csr_array(np.array([[1.0, -1.0]]))
    assert lp.solve(np.array([-1.0, 0.0]), [(0, None), (0, None)], a_eq).status == 3


def test_an_infeasible_program_says_so():
    # x0 − x1 = 0 with x0 ≥ 5 and x1 ≤ 4.
    a_eq = csr_array(np.array([[1.0, -1.0]]))
    assert lp.solve(np.zeros(2), [(5, None), (0, 4)], a_eq).status == 2


def test_a_program_with_an_exact_answer_finds_it():
    # x0 + x1 − x2 = 0 with x2 = 9 and x1 between 2 and 3: the least x0 is 6.
    a_eq = csr_array(np.array([[1.0, 1.0, -1.0]]))
    solved = lp.solve(np.array([1.0, 0.0, 0.0]), [(0, None), (2, 3), (9, 9)], a_eq)
    assert solved.status == 0
    assert solved.fun == 6
    assert list(solved.x) == [6, 3, 9]
