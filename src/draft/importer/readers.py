"""Readers: a .docx, .html, .txt or .md report becomes a flat list of source paragraphs (:class:`~draft.importer.source.SourcePara`).

:func:`read` hands the file to the reader of its kind, one module each:
:mod:`~draft.importer.read_text`, :mod:`~draft.importer.read_markdown`, :mod:`~draft.importer.read_html`,
:mod:`~draft.importer.read_docx`. Each counts what it builds against :mod:`~draft.importer.budget`;
a source over a budget is refused here, saying what was too much.
"""

from __future__ import annotations

from draft.importer.budget import MAX_ALL_TABLE_CELLS, TooMuch, too_much
from draft.importer.files import RawFile, decode_text, refuse
from draft.importer.grid import fitted
from draft.importer.read_docx import read_docx
from draft.importer.read_html import read_html
from draft.importer.read_markdown import read_markdown
from draft.importer.read_text import read_text, wrap_width
from draft.importer.source import SourcePara


def read(raw: RawFile, tables_read: bool = False) -> tuple[list[SourcePara], list[str]]:
    """The paragraphs of ``raw`` and notes about what was skipped; its tables' spans cut to what each table holds.

    ``tables_read``: the report is of a kind with tables, so that a Markdown table is read too (else skipped and noted).
    """
    try:
        paras, notes = _read(raw, tables_read)
        cells = 0
        for para in paras:
            if para.table is not None:
                para.table, size = fitted(para.table)
                cells += size
                if cells > MAX_ALL_TABLE_CELLS:
                    raise too_much("原文中表格的单元格（按合并单元格展开后）", MAX_ALL_TABLE_CELLS)
    except TooMuch as error:
        raise refuse(raw.path, error.message) from None
    return paras, notes


def _read(raw: RawFile, tables_read: bool) -> tuple[list[SourcePara], list[str]]:
    if raw.kind == "docx":
        return read_docx(raw)
    text, encoding = decode_text(raw.path, raw.data)
    notes = [f"文件的编码是 {encoding}。"] if "\ufffd" in encoding else []
    if raw.kind == "html":
        return read_html(text), notes
    if raw.kind == "md":
        paras, skipped = read_markdown(text, tables_read)
        return paras, notes + skipped
    paras = read_text(text)
    if wrap_width(text):
        notes.append("文件像是按固定宽度断行的文字（例如从 PDF 复制），已把断开的行接回段落，请核对分段。")
    return paras, notes
