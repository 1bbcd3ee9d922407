"""A table as a reader finds it (rows of cells with their spans), laid out on its full grid.

The HTML reader gives ``rowspan``/``colspan``, the .docx reader ``gridSpan``/``vMerge``; both
hand over rows of :class:`SpanCell` as HTML lists them (a cell spanning rows is absent from
the rows below), and :func:`expand` puts each cell on every position it covers, so that a
figure is found by the labels to its left and above it (:mod:`draft.importer.figures`).
"""

from __future__ import annotations

from typing import NamedTuple


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


def expand(rows: list[list[SpanCell]]) -> Grid:
    """Every position of the table with the cell covering it; short rows are padded with empty cells."""
    taken: dict[tuple[int, int], Placed] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed = Placed(cell.text, (r, c), max(cell.cols, 1))
            for dr in range(max(cell.rows, 1)):
                for dc in range(placed.cols):
                    taken.setdefault((r + dr, c + dc), placed)
            c += placed.cols
    height = max((r for r, _ in taken), default=-1) + 1
    width = max((c for _, c in taken), default=-1) + 1
    return [[taken.get((r, c), Placed("", (r, c), 1)) for c in range(width)] for r in range(height)]
