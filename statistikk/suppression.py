"""Small-cell suppression of a single table with a total, for callers that have one table.

The statistics pages suppress jointly over the whole release (``statistikk.disclosure``); this
is the same method applied to one table alone.
"""

from .disclosure import TOTAL, Cell, Model, suppress_model


def suppress(values: list[int], total: int | None = None) -> tuple[list[Cell], Cell | None]:
    """Cells for ``values`` (and their ``total``, if the values add up to it) after suppression."""
    model = Model()
    ids = [model.var(("row", n), value) for n, value in enumerate(values)]
    if total is not None:
        total_id = model.var(("row", TOTAL), total)
        model.identity({**dict.fromkeys(ids, 1), total_id: -1})
    suppress_model(model)
    cells = [Cell(value, model.states[i]) for i, value in zip(ids, values, strict=True)]
    total_cell = None if total is None else Cell(total, model.states[total_id])
    return cells, total_cell
