"""Read the tables of a built .docx back from its XML, and the figures of a source from its tables' grids."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from zwgk_sources import APPLICATION_ROWS, Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class ReadCell(NamedTuple):
    text: str
    rows: int
    cols: int


class ReadTable(NamedTuple):
    widths: list[int]
    cells: dict[tuple[int, int], ReadCell]  # by where each cell starts
    header_rows: int  # rows with w:tblHeader, all at the top
    unsplit_rows: int  # rows with w:cantSplit
    layout: str
    element: etree._Element

    def text(self, r: int, c: int) -> str:
        return self.cells[(r, c)].text


def read_tables(docx: Path) -> list[ReadTable]:
    """Every ``w:tbl`` of the document: its cells with their spans as the XML says them."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return [_table(tbl) for tbl in root.iter(f"{W}tbl")]


def _table(tbl: etree._Element) -> ReadTable:
    widths = [int(col.get(f"{W}w")) for col in tbl.find(f"{W}tblGrid")]
    cells: dict[tuple[int, int], ReadCell] = {}
    starts: dict[int, tuple[int, int]] = {}  # column → the cell whose vMerge runs down it
    rows = tbl.findall(f"{W}tr")
    for r, tr in enumerate(rows):
        c = 0
        for tc in tr.findall(f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span = props.find(f"{W}gridSpan")
            cols = int(span.get(f"{W}val")) if span is not None else 1
            merge = props.find(f"{W}vMerge")
            if merge is not None and merge.get(f"{W}val") != "restart":
                top = starts[c]
                cells[top] = cells[top]._replace(rows=cells[top].rows + 1)
            else:
                text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
                cells[(r, c)] = ReadCell(text, 1, cols)
                starts[c] = (r, c)
            c += cols
        assert c == len(widths), f"row {r} covers {c} of {len(widths)} columns"
    header = sum(1 for _ in _leading(rows, "tblHeader"))
    unsplit = sum(1 for tr in rows if tr.find(f"{W}trPr/{W}cantSplit") is not None)
    layout = tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type")
    return ReadTable(widths, cells, header, unsplit, layout, tbl)


def _leading(rows: list[etree._Element], flag: str) -> list[etree._Element]:
    out = []
    for tr in rows:
        if tr.find(f"{W}trPr/{W}{flag}") is None:
            break
        out.append(tr)
    return out


def figures_printed(tables: list[ReadTable]) -> Source:
    """The figures the three tables print, shaped as a :class:`Source` (unit, year and fee text left empty)."""
    proactive, applications, appeals = tables
    printed = (
        tuple(proactive.text(2, c) for c in (1, 2, 3)),
        tuple(proactive.text(3, c) for c in (1, 2, 3)),
        *((proactive.text(r, 1),) for r in (6, 9, 10, 13)),
    )
    rows = {key: tuple(int(applications.text(3 + i, c)) for c in range(3, 10)) for i, key in enumerate(APPLICATION_ROWS)}
    return Source("", "", 0, printed, rows, tuple(int(appeals.text(3, c)) for c in range(15)), "")
