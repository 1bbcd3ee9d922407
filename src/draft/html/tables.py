"""A table block → ``<table>``: header cells as ``th`` with their ``scope``, spans as ``rowspan``/``colspan``.

The rows the .docx repeats on each page are the ``thead``; the table is named by its
``caption`` for screen readers. A wide table scrolls inside a focusable region of its own on a
phone, so the page itself never scrolls sideways.
"""

from __future__ import annotations

import html

from draft.model.table import Cell, Table

#: The site editor keeps ``style`` attributes: the few looks a table needs to read as one, in the fragment.
_FRAGMENT_TABLE = ' border="1" style="border-collapse:collapse;margin:0 auto;text-align:center"'


def table(table_: Table, fragment: bool) -> str:
    caption = html.escape(table_.caption, quote=False)
    head = [row for row in table_.rows if row.header]
    body = [row for row in table_.rows if not row.header]
    parts = [f"<caption>{caption}</caption>"]
    if head:
        parts.append("<thead>" + "".join(_row(row.cells) for row in head) + "</thead>")
    parts.append("<tbody>" + "".join(_row(row.cells) for row in body) + "</tbody>")
    look = _FRAGMENT_TABLE if fragment else ' class="figures"'
    region = f'<div class="table-scroll" role="region" aria-label="{html.escape(table_.caption)}" tabindex="0">'
    return f"{region}<table{look}>{''.join(parts)}</table></div>"


def _row(cells: tuple[Cell, ...]) -> str:
    return "<tr>" + "".join(_cell(cell) for cell in cells) + "</tr>"


def _cell(cell: Cell) -> str:
    spans = (f' rowspan="{cell.rows}"' if cell.rows > 1 else "") + (f' colspan="{cell.cols}"' if cell.cols > 1 else "")
    text = html.escape(cell.text, quote=False)
    if cell.scope is None:
        return f"<td{spans}>{text}</td>"
    return f'<th scope="{cell.scope.value}"{spans}>{text}</th>'
