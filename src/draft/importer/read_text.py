"""The plain-text reader: each line of a .txt file a paragraph, or lines a PDF broke at one width joined again.

Text saved from Word or copied from a web page has one paragraph a line; text copied
from a PDF is broken into lines of one width, which are joined back into paragraphs.
A table copied from a browser comes as rows of tab-separated cells: it is read as a table
(:func:`tab_tables`), its spans lost (the figures are then found by their order in each row).
"""

from __future__ import annotations

import re

from draft.importer.grid import SpanCell
from draft.importer.source import SourcePara, clean, join_lines
from draft.text.markers import read_marker

#: A line ending so does not run on into the next one.
_LINE_END = tuple("。！？：；…!?:;")


def read_text(text: str) -> list[SourcePara]:
    """Each non-empty line is a paragraph (as text copied from a web page or saved from Word).

    Text copied from a PDF is broken into lines of one width. When most lines are
    that wide and stop mid-sentence, a full-width line runs on into the next one,
    unless the next one is indented (where the PDF had a paragraph start) or opens
    with a heading number or 一是.
    """
    lines = text.splitlines()
    tables = tab_tables(lines)
    in_tables = {number for table in tables for number in range(table.number, table.number + len(table.table or []))}
    raw = [(number, line) for number, line in enumerate(lines, 1) if clean(line) and number not in in_tables]
    width = _wrap_width([clean(line) for _, line in raw])
    indented = sum(1 for _, line in raw if line[:1].isspace()) >= len(raw) * 0.1
    paras: list[SourcePara] = []
    # Each paragraph's lines, joined once at the end: joining line by line copied the paragraph for each line.
    joined: list[list[str]] = []
    run_on = False
    for number, line in raw:
        cleaned = clean(line)
        if indented:  # the PDF indented each paragraph's first line; 一是 may well start a wrapped line
            starts = line[:1].isspace() or (read_marker(cleaned, enumerator=True) and "是" not in cleaned[:4])
        else:
            starts = bool(read_marker(cleaned, enumerator=True))  # a heading marker or 一是
        if run_on and not starts:
            joined[-1].append(cleaned)
        else:
            paras.append(SourcePara(cleaned, number))
            joined.append([cleaned])
        at_width = bool(width) and len(cleaned) >= width - 1
        run_on = at_width and (indented or not cleaned.endswith(_LINE_END))
    for para, own in zip(paras, joined, strict=True):
        if len(own) > 1:
            para.text = join_lines(own)
    return sorted(paras + tables, key=lambda para: para.number)


def wrap_width(text: str) -> int:
    return _wrap_width([clean(line) for line in text.splitlines() if clean(line)])


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text was broken at, or 0 when its lines are paragraphs."""
    if len(lines) < 8:
        return 0
    lengths = sorted(len(line) for line in lines)
    widest = lengths[int(len(lengths) * 0.9)]
    at_width = [line for line in lines if widest - 1 <= len(line) <= widest + 1]
    unfinished = [line for line in at_width if not line.endswith(_LINE_END)]
    # Hard-wrapped: many lines share one width, and most of those stop mid-sentence.
    if widest >= 16 and len(at_width) >= len(lines) * 0.4 and len(unfinished) >= len(at_width) * 0.6:
        return widest
    return 0


#: The longest piece of a table's cell on a line of its own (商业 of 商业<br>企业, 有效件数 of 现行<br>有效件数).
_PIECE = 8
#: A line of a 政府信息公开 table that names its block (第二十条第（一）项): one cell, no tab, just above the rows.
_BLOCK_LINE = re.compile(r"^第[一二三四五六七八九十百]+条")


def tab_tables(lines: list[str]) -> list[SourcePara]:
    """The tables among ``lines``: runs of two or more rows of tab-separated cells, with the 第二十条 lines among and
    just above them (a cell spanning the table is copied without a tab); each a :class:`SourcePara` at its first
    line, one row a line."""

    def cells(line: str) -> list[str] | None:
        split = line.strip().split("\t")
        return split if len(split) >= 2 else None

    def block(line: str) -> bool:
        return bool(_BLOCK_LINE.match(clean(line)))

    def piece(at: int) -> bool:
        """A short line between two rows: a piece of a cell whose line break the copy kept (本年<br>制发件数)."""
        text = clean(lines[at])
        return (0 < len(text) <= _PIECE and not read_marker(text) and not text.endswith(_LINE_END)
                and at + 1 < len(lines) and cells(lines[at + 1]) is not None)

    found: list[SourcePara] = []
    number = 0
    while number < len(lines):
        if cells(lines[number]) is None:
            number += 1
            continue
        start = number - 1 if number and block(lines[number - 1]) else number
        end = number
        while end + 1 < len(lines) and (cells(lines[end + 1]) is not None or block(lines[end + 1]) or piece(end + 1)):
            end += 1
        run = lines[start : end + 1]
        if sum(cells(line) is not None for line in run) >= 2:
            found.append(SourcePara("", start + 1, table=[[SpanCell(clean(cell)) for cell in cells(line) or [line]] for line in run]))
        number = end + 1
    return found
