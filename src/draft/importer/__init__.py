"""``draft import``: last year's report (.docx, .txt, .md) becomes this year's form.

Like pandoc, the stages meet in one structure::

    files (safety checks) → readers (docx / txt / md → SourcePara list)
        → parse (→ the report model, with what only an import knows: Imported)
        → infer (year, unit, default wording) → layout → emit (YAML text)

and a last stage checks the result the way ``draft build`` would: the form is loaded,
validated and rendered, and every body paragraph is compared with the source's.
What differs, and every other place the import was unsure of, becomes a note that
the summary prints and the form's header comment repeats.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

from draft.importer.compare import same_when_built
from draft.importer.emit import emit
from draft.importer.figures import FigureReader
from draft.importer.files import open_report, refuse
from draft.importer.infer import infer
from draft.importer.layout import choose_layout
from draft.importer.model import Imported, is_note, note, snippet
from draft.importer.parse import NotAReport, Parser
from draft.importer.readers import read
from draft.importer.source import SourcePara
from draft.importer.summary import summarize
from draft.kinds import DEFAULT, Kind, all_kinds
from draft.model.figures import Number
from draft.model.report import FormPath
from draft.problems import DraftError, Problem, readable
from draft.render.wording import Wording

__all__ = ["ImportResult", "import_report", "verify_round_trip"]


@dataclass
class ImportResult:
    """The form's text, the summary to print, and every problem: the notes on what the import was unsure
    of, and what ``draft validate`` would still find in the form."""

    form_text: str
    summary: list[str]
    imported: Imported
    problems: list[Problem] = field(default_factory=list)

    @property
    def notes(self) -> list[Problem]:
        """The warnings on the source: where the import was unsure, and what it assumed (the summary lists them)."""
        return [problem for problem in self.problems if is_note(problem)]

    @property
    def form_problems(self) -> list[Problem]:
        """What ``draft validate`` would find in the form (the source had ×× for a name, …): it is written anyway."""
        return [problem for problem in self.problems if not is_note(problem)]


def import_report(
    path: Path,
    *,
    wording: Wording | None = None,
    now: datetime.datetime | None = None,
    check: bool = True,
    form_path: Path | None = None,
) -> ImportResult:
    """Read the report at ``path`` and write it as a form; FormError/CannotProceed if the file cannot be used."""
    now = now or datetime.datetime.now()
    wording = wording or Wording()
    raw = open_report(path)
    paras, reader_notes = read(raw)
    tables = [para for para in paras if para.table is not None]
    paras = [para for para in paras if para.table is None]
    kind = _kind(paras)
    if not paras:
        raise refuse(path, "文件里没有文字。请确认导入的是报告正文；扫描件（图片）需要先转成文字。")
    # A form draft would refuse is no use: refused here, before the work of parsing it.
    _refuse_if_too_long(path, sum(len(para.text.encode("utf-8")) for para in paras))
    figures, figure_notes = _figures(kind, tables)
    try:
        imported = Parser(paras, kind).parse()
    except NotAReport:
        raise refuse(
            path,
            "没有找到报告的各个部分。draft 按“一、……”“二、……”这样的标题识别各部分，"
            "请确认文件是法治政府建设年度报告的正文，并且各部分标题单独成行、以“一、二、三、”开头。",
        ) from None
    imported.notes[:0] = [note(message) for message in raw.notes + reader_notes] + figure_notes
    imported.figures = figures
    infer(imported, wording, now.date())
    choose_layout(imported)
    # The name goes into the form's text: one that is not UTF-8 (from a Chinese Windows zip) is made readable.
    name = readable(path.name)
    form_text = emit(imported, name, now)
    _refuse_if_too_long(path, len(form_text.encode("utf-8")))
    problems: list[Problem] = []
    if check:
        mismatches, problems = verify_round_trip(form_text, imported, wording, form_path or Path(path.stem + ".yaml"))
        imported.notes += mismatches
        if mismatches or problems:
            form_text = emit(imported, name, now)
    # The notes were made where the source's name was not known: they point at it now.
    notes = [replace(found, file=name) for found in imported.notes]
    return ImportResult(form_text=form_text, summary=summarize(imported, name), imported=imported, problems=notes + problems)


#: How many of the first paragraphs may hold the title.
_TITLE_LINES = 5


def _kind(paras: list[SourcePara]) -> Kind:
    """The kind whose title words the first lines hold; the default kind when none does."""
    head = "".join(para.text for para in paras[:_TITLE_LINES])
    found = (kind for kind in all_kinds().values() if kind.title_words and kind.title_words in head)
    return next(found, all_kinds()[DEFAULT])


def _figures(kind: Kind, tables: list[SourcePara]) -> tuple[dict[FormPath, Number], list[Problem]]:
    """The figures of a kind with tables, read from the source's; for a kind without, a note for each table left out."""
    if kind.arithmetic is None:
        return {}, [note(f"第{table.number}段之后有一个表格，表格内容没有导入，请在表单中另行补充。") for table in tables]
    reader = FigureReader(kind)
    figures = reader.read([table.table for table in tables if table.table is not None])
    return figures, reader.notes


def _refuse_if_too_long(path: Path, size: int) -> None:
    """A form of ``size`` bytes would be over the size every form is held to (:data:`draft.form.load.MAX_BYTES`)."""
    from draft.form.load import MAX_BYTES

    if size > MAX_BYTES:
        raise refuse(
            path,
            f"报告的文字太多（约 {size / 1024 / 1024:.1f} MB），写成表单会超过表单的上限 1 MB，draft 无法用它生成报告，所以没有导入。"
            "一年的报告正文通常只有几万字（不到 0.3 MB）：请确认导入的是一年的报告正文，或者把它分成几份分别导入。",
        )


def verify_round_trip(form_text: str, imported: Imported, wording: Wording, form_path: Path) -> tuple[list[Problem], list[Problem]]:
    """Read the form back as ``draft build`` would and compare its body with the source, paragraph by paragraph.

    Returns notes on paragraphs that would come out differently, and the problems
    ``draft validate`` would list (say, a published report with ×× where a name was, or the
    placeholders of what the source lacks: the form is compared past those).
    """
    from draft.form.load import load_bytes
    from draft.form.read import read_loaded
    from draft.render.blocks import render
    from draft.render.document import HEAD_ROLES, IMPRINT_ROLES, Role

    try:
        read = read_loaded(load_bytes(form_text.encode("utf-8"), form_path), unfinished_ok=True)
    except DraftError as error:
        return [], error.problems
    document = render(read.report, wording)
    # The 版头 and 版记 lines are not in the expected body: they went to the frame fields; nor are the tables' cells.
    left_out = HEAD_ROLES | IMPRINT_ROLES | {Role.TITLE, Role.TABLE}
    built = [block.text for block in document.blocks if block.role not in left_out]
    notes: list[Problem] = []
    if imported.source_title and not same_when_built(document.title, imported.source_title):
        notes.append(note(f"重建后的标题与原文不同：“{document.title}”。"))
    expected = imported.expected
    for got, source in zip(built, expected, strict=False):
        if not same_when_built(got, source.text):
            notes.append(
                note(f"从这一段起，重建后的报告与原文不同（重建为“{snippet(got, 24)}”），请核对表单。", source)
            )
            break
    else:
        if len(built) != len(expected):
            extra = built[len(expected) :] if len(built) > len(expected) else []
            if extra and len(extra) == 2 * len(imported.placeholders):
                pass  # the headings and texts of the parts the source lacks: already noted
            elif extra:
                notes.append(note(f"重建后的报告比原文多出 {len(extra)} 段（从“{snippet(extra[0], 24)}”起），请核对表单。"))
            elif not (imported.date_rejected and expected[len(built) :] == expected[-1:]):  # the date: already noted
                missing = expected[len(built)]
                notes.append(note("重建后的报告比原文少了从这一段起的内容，请核对表单。", missing))
    return notes, list(read.unfinished)
