"""A table as the report prints it: rows of cells with their spans, resolved before any writer sees it.

A kind defines a table's layout once (:class:`TableLayout`: labels, spans, which figure goes in
which cell); :func:`fill` puts the report's figures in, and the writers (.docx, .html) only lay
out what they are given. Cells are listed where they start, as HTML lists them: a cell spanning
rows is absent from the rows below it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from draft.model import FormPath


class Scope(Enum):
    """What a header cell labels (HTML's ``scope``); a data cell has none."""

    COL = "col"
    COLGROUP = "colgroup"
    ROW = "row"
    ROWGROUP = "rowgroup"


class Cell(NamedTuple):
    text: str
    rows: int = 1
    cols: int = 1
    scope: Scope | None = None  # None: a figure (data cell)

    @property
    def header(self) -> bool:
        return self.scope is not None


class Row(NamedTuple):
    cells: tuple[Cell, ...]
    header: bool = False  # repeated at the top of each page the table runs on to


class Table(NamedTuple):
    caption: str  # what the table is, for screen readers (HTML ``caption``)
    widths: tuple[int, ...]  # column widths, twips; they sum to the table's width
    rows: tuple[Row, ...]
    note: str = ""  # the corner note, already one of the cells: kept to name it in tests and messages
    #: Many narrow columns: printed a size smaller (六号 rather than 小五) to fit the type area.
    dense: bool = False

    def grid(self) -> list[list[Cell | None]]:
        """Every position of the table: the cell starting there, or None where a span covers it."""
        covered: set[tuple[int, int]] = set()
        grid: list[list[Cell | None]] = []
        for r, row in enumerate(self.rows):
            line: list[Cell | None] = []
            c = 0
            cells = iter(row.cells)
            while c < len(self.widths):
                if (r, c) in covered:
                    line.append(None)
                    c += 1
                    continue
                cell = next(cells)
                line.append(cell)
                covered.update((r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.cols))
                line.extend([None] * (cell.cols - 1))
                c += cell.cols
            grid.append(line)
        return grid


class LayoutCell(NamedTuple):
    """A cell of a kind's table layout: a label, or the figure at ``figure`` in the form."""

    text: str = ""
    rows: int = 1
    cols: int = 1
    scope: Scope | None = None
    figure: FormPath | None = None


class TableLayout(NamedTuple):
    """A table as the format prints it, before the figures are in: defined once per kind."""

    caption: str
    widths: tuple[int, ...]
    rows: tuple[tuple[LayoutCell, ...], ...]
    header_rows: int = 0
    note: str = ""
    dense: bool = False

    def figures(self) -> list[FormPath]:
        """The figures the table prints, row by row."""
        return [cell.figure for row in self.rows for cell in row if cell.figure is not None]


def fill(layout: TableLayout, shown: Callable[[FormPath], str]) -> Table:
    """The table with each figure cell holding ``shown(path)``, the figure as it prints."""
    rows = tuple(
        Row(
            tuple(
                Cell(shown(cell.figure) if cell.figure is not None else cell.text, cell.rows, cell.cols, cell.scope)
                for cell in cells
            ),
            header=index < layout.header_rows,
        )
        for index, cells in enumerate(layout.rows)
    )
    return Table(layout.caption, layout.widths, rows, layout.note, layout.dense)
