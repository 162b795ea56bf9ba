"""Bar charts as server-rendered SVG: labels, bars and values drawn in one coordinate system
so that they scale together. No script; every chart has its table beside it."""

from dataclasses import dataclass

WIDTH, LABEL_WIDTH, BAR_SPACE, ROW = 600, 250, 290, 28


@dataclass
class Bar:
    label: str
    value_text: str
    width: int
    y: int

    @property
    def text_y(self) -> int:
        return self.y + 17

    @property
    def value_x(self) -> int:
        return LABEL_WIDTH + self.width + 8


def bars(table) -> tuple[list[Bar], int]:
    """Bars for a table; a suppressed cell gets no bar, only its "<5"."""
    shown = [
        value
        for (_label, value), cell in zip(table.rows, table.cells, strict=True)
        if not getattr(cell, "suppressed", False)
    ]
    if not any(shown):
        return [], 0
    widest = max(shown)
    result = []
    for index, ((label, value), cell) in enumerate(zip(table.rows, table.cells, strict=True)):
        hidden = getattr(cell, "suppressed", False)
        text = label if len(label) <= 27 else label[:26] + "…"  # fits 250 units at 16 px
        result.append(
            Bar(text, str(cell), 0 if hidden else round(BAR_SPACE * value / widest), index * ROW)
        )
    return result, len(result) * ROW
