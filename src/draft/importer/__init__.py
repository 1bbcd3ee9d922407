"""The import's reader: last year's report (.docx, .txt, .md, .html) becomes the report model, with its notes.

Like pandoc, the stages meet in one structure::

    files (safety checks) → readers (docx / txt / md → SourcePara list)
        → parse (→ the report model, with what only an import knows: Imported)
        → infer (year, unit, default wording) → layout

This package only reads. Writing the form (:mod:`draft.form.write`), reading it back the way
``draft build`` would, and the summary are the application's (:mod:`draft.imports`), which also
hands in the template's wording that :func:`draft.importer.infer.infer` compares titles with.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from draft.importer.figures import FigureReader
from draft.importer.files import open_report, refuse
from draft.importer.infer import TemplateWording, infer
from draft.importer.layout import choose_layout
from draft.importer.model import Imported, note
from draft.importer.parse import NotAReport, Parser
from draft.importer.readers import read
from draft.importer.source import SourcePara
from draft.kinds import DEFAULT, Kind, all_kinds
from draft.model.figures import Number
from draft.model.report import FormPath
from draft.problems import Problem

__all__ = ["Imported", "TemplateWording", "read_report", "refuse_if_too_long"]


def read_report(path: Path, wording: TemplateWording, today: datetime.date) -> Imported:
    """The report at ``path`` as the model, its notes (Problems) in ``Imported.notes``; FormError/CannotProceed if it cannot be used.

    ``wording``: the template's, so that a title, heading or closing it writes alike is left to it.
    """
    raw = open_report(path)
    paras, reader_notes = read(raw)
    kind = _kind([para for para in paras if para.table is None])
    if kind.arithmetic is not None and raw.kind == "md":  # its tables are figures: read them too
        paras, reader_notes = read(raw, tables_read=True)
    tables = [para for para in paras if para.table is not None]
    paras = [para for para in paras if para.table is None]
    if not paras:
        raise refuse(path, "文件里没有文字。请确认导入的是报告正文；扫描件（图片）需要先转成文字。")
    # A form draft would refuse is no use: refused here, before the work of parsing it.
    refuse_if_too_long(path, sum(len(para.text.encode("utf-8")) for para in paras))
    reader = _figures(kind, tables)
    try:
        imported = Parser(paras, kind).parse()
    except NotAReport:
        raise refuse(
            path,
            "没有找到报告的各个部分。draft 按“一、……”“二、……”这样的标题识别各部分，"
            "请确认文件是法治政府建设年度报告的正文，并且各部分标题单独成行、以“一、二、三、”开头。",
        ) from None
    imported.notes[:0] = [note(message) for message in raw.notes + reader_notes] + reader.notes
    imported.figures, imported.figures_read, imported.published_totals = reader.figures, reader.read_from_source, reader.published_totals
    infer(imported, wording, today)
    choose_layout(imported)
    return imported


#: How many of the first paragraphs may hold the title.
_TITLE_LINES = 5


def _kind(paras: list[SourcePara]) -> Kind:
    """The kind whose title words the first lines hold; the default kind when none does."""
    head = "".join(para.text for para in paras[:_TITLE_LINES])
    found = (kind for kind in all_kinds().values() if kind.title_words and kind.title_words in head)
    return next(found, all_kinds()[DEFAULT])


def _figures(kind: Kind, tables: list[SourcePara]) -> FigureReader | _NoFigures:
    """The figures of a kind with tables, read from the source's; for a kind without, a note for each table left out."""
    if kind.arithmetic is None:
        return _NoFigures([note(f"{_table_place(table)}有一个表格，表格内容没有导入，请在表单中另行补充。") for table in tables])
    reader = FigureReader(kind)
    reader.read([table.table for table in tables if table.table is not None])
    return reader


def _table_place(table: SourcePara) -> str:
    """Where a table stands: after a paragraph of a Word file or page, from a line of a text."""
    return f"第{table.number}段之后" if table.unit == "段" else f"{table.where}起"


class _NoFigures(NamedTuple):
    """What a kind without tables reads of the source's tables: nothing, said in its notes."""

    notes: list[Problem]
    figures: dict[FormPath, Number] = {}
    read_from_source: set[FormPath] = set()
    published_totals: dict[FormPath, Number] = {}


def refuse_if_too_long(path: Path, size: int) -> None:
    """A form of ``size`` bytes would be over the size every form is held to (:data:`draft.form.load.MAX_BYTES`)."""
    from draft.form.load import MAX_BYTES

    if size > MAX_BYTES:
        raise refuse(
            path,
            f"报告的文字太多（约 {size / 1024 / 1024:.1f} MB），写成表单会超过表单的上限 1 MB，draft 无法用它生成报告，所以没有导入。"
            "一年的报告正文通常只有几万字（不到 0.3 MB）：请确认导入的是一年的报告正文，或者把它分成几份分别导入。",
        )
