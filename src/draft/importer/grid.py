"""A table as a reader finds it (rows of cells with their spans), laid out on its full grid.

The HTML reader gives ``rowspan``/``colspan``, the .docx reader ``gridSpan``/``vMerge``; both
hand over rows of :class:`SpanCell` as HTML lists them (a cell spanning rows is absent from
the rows below), and :func:`expand` puts each cell on every position it covers, so that a
figure is found by the labels to its left and above it (:mod:`draft.importer.figures`).

A span is only what the table can hold, as browsers read it: a cell spans at most the rows
left below it and :data:`~draft.importer.budget.MAX_SPAN` columns (:func:`fitted`, :func:`span`),
and a grid of more than :data:`~draft.importer.budget.MAX_TABLE_CELLS` positions is refused
while it is laid out, so that ``colspan="999999999"`` in a 1 KB page costs nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from draft.importer.budget import MAX_SPAN, MAX_TABLE_CELLS, too_much


class SpanCell(NamedTuple):
    text: str
    rows: int = 1
    cols: int = 1


class Placed(NamedTuple):
    """A position of the grid: the cell covering it, and where that cell starts."""

    text: str
    start: tuple[int, int]
    cols: int


Grid = list[list[Placed]]

#: A span as HTML and Word write it: ASCII digits only (``"²"`` or ``"９９９"`` are not numbers of cells).
_SPAN = re.compile(r"\s*0*([0-9]{1,9})\s*")


def span(written: str | None) -> int:
    """The number of rows or columns a ``rowspan``/``colspan``/``gridSpan`` value gives: 1 unless it is a count."""
    match = _SPAN.fullmatch(written or "")
    return min(int(match.group(1)), MAX_SPAN) if match and int(match.group(1)) > 0 else 1


def fitted(rows: list[list[SpanCell]]) -> tuple[list[list[SpanCell]], int]:
    """The table with each span cut to what it can hold (the rows below, :data:`MAX_SPAN` columns), and the
    number of positions of its grid (refused over :data:`MAX_TABLE_CELLS`)."""
    cut = [
        [cell._replace(rows=max(1, min(cell.rows, len(rows) - r)), cols=max(1, min(cell.cols, MAX_SPAN))) for cell in row]
        for r, row in enumerate(rows)
    ]
    grid = expand(cut)
    return cut, len(grid) * len(grid[0]) if grid else 0


def expand(rows: list[list[SpanCell]]) -> Grid:
    """Every position of the table with the cell covering it; short rows are padded with empty cells."""
    taken: dict[tuple[int, int], Placed] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed = Placed(cell.text, (r, c), max(cell.cols, 1))
            if len(taken) + max(cell.rows, 1) * placed.cols > MAX_TABLE_CELLS:
                raise _too_big()
            for dr in range(max(cell.rows, 1)):
                for dc in range(placed.cols):
                    taken.setdefault((r + dr, c + dc), placed)
            c += placed.cols
    height = max((r for r, _ in taken), default=-1) + 1
    width = max((c for _, c in taken), default=-1) + 1
    if height * width > MAX_TABLE_CELLS:
        raise _too_big()
    return [[taken.get((r, c), Placed("", (r, c), 1)) for c in range(width)] for r in range(height)]


def _too_big() -> Exception:
    return too_much("原文中一个表格的单元格（按合并单元格展开后）", MAX_TABLE_CELLS)
