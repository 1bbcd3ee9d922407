"""A table block → ``w:tbl``: the grid, the spans and the rows' page behaviour; every look is a style.

Widths go into ``w:tblGrid`` and every cell's ``w:tcW`` with a fixed layout, because WPS sizes a
table from its grid and Word from the cells. A cell spanning columns is one ``w:tc`` with
``w:gridSpan``; one spanning rows starts a ``w:vMerge`` that each row below continues with an
empty cell. Header rows repeat on every page (``w:tblHeader``) and no row splits across a page
(``w:cantSplit``). Fonts, sizes, borders and margins are the styles' (:mod:`draft.word.table_styles`).
"""

from __future__ import annotations

from draft.model.table import Cell, Table
from draft.word import elements, table_styles
from draft.word.xmltext import quoteattr


def table(table_: Table) -> str:
    """The ``w:tbl`` of ``table_``."""
    paragraph_style = table_styles.text_style(table_.dense)
    grid = table_.grid()
    owners = _owners(grid)
    rows = []
    for r, (row, line) in enumerate(zip(table_.rows, grid, strict=True)):
        cells = []
        for c, cell in enumerate(line):
            if cell is not None:
                merge = '<w:vMerge w:val="restart"/>' if cell.rows > 1 else ""
                content = elements.paragraph(paragraph_style, [elements.run(cell.text)] if cell.text else [])
                cells.append(_cell(table_, c, cell.cols, merge, content))
                continue
            top, left = owners[r][c]
            if left == c and top < r:  # below a cell spanning rows: continue its merge
                owner = grid[top][left]
                assert owner is not None
                cells.append(_cell(table_, c, owner.cols, "<w:vMerge/>", elements.paragraph(paragraph_style, [])))
        header = "<w:tblHeader/>" if row.header else ""
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>")
    width = sum(table_.widths)
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in table_.widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{table_styles.TABLE}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        f'w:noHBand="1" w:noVBand="1"/><w:tblCaption w:val={quoteattr(table_.caption)}/></w:tblPr>'
        f"<w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _cell(table_: Table, column: int, span: int, merge: str, content: str) -> str:
    width = sum(table_.widths[column : column + span])
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{merge}</w:tcPr>{content}</w:tc>'


def _owners(grid: list[list[Cell | None]]) -> list[list[tuple[int, int]]]:
    """For every position, the row and column where the cell covering it starts."""
    owners = [[(r, c) for c in range(len(line))] for r, line in enumerate(grid)]
    for r, line in enumerate(grid):
        for c, cell in enumerate(line):
            if cell is not None:
                for dr in range(cell.rows):
                    for dc in range(cell.cols):
                        owners[r + dr][c + dc] = (r, c)
    return owners
