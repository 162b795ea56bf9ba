"""Small-cell suppression: no published figure may be small enough to point at a child.

A count below ``STATS_MIN_CELL`` is shown as "<5". Where a table has a total, suppressed cells
could be recovered by subtraction, so more cells are suppressed (the smallest shown first) until
what can be derived from the total is itself at least the threshold, or the total is hidden.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Cell:
    value: int
    suppressed: bool

    def __str__(self) -> str:
        return f"<{settings.STATS_MIN_CELL}" if self.suppressed else str(self.value)


def suppress(values: list[int], total: int | None = None) -> tuple[list[Cell], Cell | None]:
    """Cells for ``values`` (and their ``total``, if the values add up to it) after suppression."""
    limit = settings.STATS_MIN_CELL
    hidden = [value < limit for value in values]
    total_hidden = total is not None and total < limit
    if total is not None and not total_hidden:
        while any(hidden):
            derivable = sum(v for v, h in zip(values, hidden, strict=True) if h)
            hidden_count = sum(hidden)
            if hidden_count >= 2 and derivable >= limit:
                break
            candidates = [i for i, h in enumerate(hidden) if not h]
            if not candidates:
                total_hidden = True
                break
            smallest = min(candidates, key=lambda i: values[i])
            hidden[smallest] = True
    cells = [Cell(v, h) for v, h in zip(values, hidden, strict=True)]
    total_cell = None if total is None else Cell(total, total_hidden)
    return cells, total_cell
