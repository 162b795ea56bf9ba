"""The linear programs of the disclosure control, solved by HiGHS without ``linprog``'s wrapping.

Suppression and its audit solve a few hundred small programs (tens to a few hundred variables)
for a release. Through ``scipy.optimize.linprog`` each costs about four milliseconds, of which
HiGHS itself takes well under one: the rest is input checking, converting the matrix to dense
blocks and back, and setting every option by name through a Python options manager. Here the
same program goes to the same HiGHS that SciPy bundles (``scipy.optimize._highspy``), with the
options ``linprog(method="highs")`` sets, so the answers are the same table for table (tests:
``tests/test_statistics_lp.py``); only the wrapping is lighter.

SciPy's bindings are not public API: if they move, ``linprog`` is used, which gives the same
answers, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_array

try:  # SciPy ≥ 1.15 bundles the HiGHS bindings as a private module
    from scipy.optimize._highspy import _core as _highs
except ImportError:  # pragma: no cover - depends on the installed SciPy
    _highs = None

# linprog's check of a returned solution: sqrt(tol) * 10 with its default tol of 1e-9
CHECK_TOLERANCE = np.sqrt(1e-9) * 10


@dataclass
class Solution:
    """What the disclosure control reads of ``linprog``'s result, with its status codes:
    0 optimal, 2 infeasible, 3 unbounded, 1 or 4 anything else."""

    status: int
    x: np.ndarray | None = None
    fun: float | None = None
    message: str = ""


def solve(c, bounds, a_eq=None) -> Solution:
    """Minimise ``c @ x`` subject to ``a_eq @ x = 0`` and ``bounds`` ((low, high) per variable,
    ``high`` None for no bound), as ``linprog(c, A_eq=a_eq, b_eq=0, bounds=bounds,
    method="highs")`` does."""
    c = np.asarray(c, dtype=float)
    if _highs is None:
        return _with_linprog(c, bounds, a_eq)
    n = c.size
    lower = np.array([low for low, _high in bounds], dtype=float)
    upper = np.array([np.inf if high is None else high for _low, high in bounds], dtype=float)
    matrix = csc_array(a_eq if a_eq is not None else (np.zeros((0, n))))
    matrix.sum_duplicates()
    matrix.sort_indices()
    rows = matrix.shape[0]

    lp = _highs.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = rows
    lp.col_cost_ = c
    lp.col_lower_ = _finite(lower)
    lp.col_upper_ = _finite(upper)
    lp.row_lower_ = np.zeros(rows)
    lp.row_upper_ = np.zeros(rows)
    lp.a_matrix_.format_ = _highs.MatrixFormat.kColwise
    lp.a_matrix_.num_col_ = n
    lp.a_matrix_.num_row_ = rows
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data

    highs = _highs._Highs()
    for option, value in _OPTIONS:
        highs.setOptionValue(option, value)
    if highs.passModel(lp) == _highs.HighsStatus.kError:
        return Solution(2, message="HiGHS: model error")
    if highs.run() == _highs.HighsStatus.kError:
        return Solution(4, message="HiGHS: solve error")
    model_status = highs.getModelStatus()
    status = _STATUS.get(model_status, 4)
    message = highs.modelStatusToString(model_status)
    if status != 0:
        return Solution(status, message=message)
    x = np.array(highs.getSolution().col_value)
    fun = highs.getInfo().objective_function_value
    # As linprog does: a solution outside its bounds or identities counts as a failure.
    if (
        (x < lower - CHECK_TOLERANCE).any()
        or (x > upper + CHECK_TOLERANCE).any()
        or (rows and np.abs(matrix @ x).max() > CHECK_TOLERANCE)
    ):
        return Solution(4, message="HiGHS: solution outside its bounds")
    return Solution(0, x, fun, message)


def _finite(values: np.ndarray) -> np.ndarray:
    infinite = np.isinf(values)
    values[infinite] = np.sign(values[infinite]) * _highs.kHighsInf
    return values


def _with_linprog(c, bounds, a_eq) -> Solution:
    if a_eq is None:
        solved = linprog(c, bounds=bounds, method="highs")
    else:
        solved = linprog(c, A_eq=a_eq, b_eq=np.zeros(a_eq.shape[0]), bounds=bounds, method="highs")
    return Solution(solved.status, solved.x, solved.fun, solved.message)


if _highs is not None:
    # The options linprog(method="highs") passes with its defaults.
    _OPTIONS = [
        ("presolve", "on"),
        ("highs_debug_level", 0),
        ("log_to_console", False),
        ("output_flag", False),
        ("simplex_strategy", 1),  # dual simplex
    ]
    _STATUS = {
        _highs.HighsModelStatus.kOptimal: 0,
        _highs.HighsModelStatus.kTimeLimit: 1,
        _highs.HighsModelStatus.kIterationLimit: 1,
        _highs.HighsModelStatus.kInfeasible: 2,
        _highs.HighsModelStatus.kModelError: 2,
        _highs.HighsModelStatus.kUnbounded: 3,
    }
