"""What the text says without a field for it: the year, the unit, and which wording is the template's own.

The year comes from the title, else the part headings, else the intro, else the
date; the unit from the title, else the 落款, else the unit's line under the title. Where neither is found the form gets
a placeholder that stands out, and a note says so. A title, heading or closing
that equals what the template writes is left out of the form, so that changing
``year`` next year updates it.
"""

from __future__ import annotations

import datetime
import re
from typing import Protocol

from draft.form.schema import FIRST_YEAR
from draft.form.write import UNIT_PLACEHOLDER
from draft.importer.compare import comparable
from draft.importer.model import Imported, note
from draft.kinds import by_id
from draft.kinds.kind import Tense
from draft.model.report import Report, Text
from draft.text.dates import DateForYear, date_for_year
from draft.text.names import UNIT_SUFFIXES, YEAR, YEAR_DIGITS, is_unit_name


class TemplateWording(Protocol):
    """What the import asks of the template: the texts it writes. The application hands in the renderer's
    :class:`draft.render.wording.Wording` (:mod:`draft.imports`); a reader does not import the renderer."""

    def for_kind(self, kind: str) -> TemplateWording: ...
    def title(self, report: Report) -> str: ...
    def heading(self, kind: str, report: Report) -> str: ...
    def closing(self, report: Report) -> str: ...

_BEFORE_YEAR = re.compile(rf"^(.+?)\s*(?:关于)?\s*(?:{YEAR_DIGITS}\s*年)")
_BEFORE_ABOUT = re.compile(r"^(.+?)\s*关于")
_AFTER_YEAR = re.compile(rf"^{YEAR_DIGITS}\s*年度?\s*(.+?)\s*(?:关于|法治政府|法治建设|依法行政|推进)")
_SHORT_NAME = re.compile(
    rf"(?:^|[，,。；;])\s*(?:{YEAR_DIGITS}\s*年(?:度|以来)?\s*[，,]?\s*)?(?:在[^，,。]{{2,30}}?下\s*[，,]\s*)?"
    rf"([\u4e00-\u9fff]{{2,20}}?(?:{UNIT_SUFFIXES}))"
    r"(?:坚持|以|在|深入|认真|全面|围绕|紧紧|始终|牢固|按照|持续|紧扣|聚焦|切实|积极)"
)


def _unit_in_title(title: str) -> str | None:
    for pattern in (_BEFORE_YEAR, _BEFORE_ABOUT, _AFTER_YEAR):
        found = pattern.match(title)
        if found:
            unit = found.group(1).strip()
            if unit.endswith("关于"):
                unit = unit[:-2].strip()
            if is_unit_name(unit.replace(" ", "").replace("　", "")):
                return unit
    return None


def infer(imported: Imported, wording: TemplateWording, today: datetime.date) -> None:
    """Set the report's unit and year; leave to the template the title, headings and closing it would write alike."""
    year = _year(imported, today)
    unit = _unit(imported)
    report = imported.report._replace(unit=Text.plain(unit or UNIT_PLACEHOLDER), year=year)

    def templates(text: Text | None, written: str) -> bool:
        return text is not None and comparable(text.printed) == comparable(written)

    wording = wording.for_kind(report.kind)
    if unit and templates(report.title, wording.title(report)):
        report = report._replace(title=None)
    if isinstance(report.closing, Text) and templates(report.closing, wording.closing(report)):
        report = report._replace(closing=True)
    parts = []
    for part in report.parts:
        node = part.node
        # A part with nothing under it keeps its heading: the form needs something there.
        if (node.paragraphs or node.points or node.items) and templates(node.title, wording.heading(part.kind, report)):
            part = part._replace(node=node._replace(title=None))
        parts.append(part)
    imported.report = report._replace(parts=parts)
    if report.date and date_for_year(report.date, year) is DateForYear.TOO_EARLY:
        imported.date_rejected = True
        imported.notes.append(
            note(
                f"成文日期 {imported.date_text} 在 {year} 年度结束之前，draft 不接受这样的日期，"
                "表单中把它写成了注释（date 一行前有 #）。请改为实际成文日期并删去 #。"
            )
        )


def _year(imported: Imported, today: datetime.date) -> int:
    """The year reported on, and where it was found (a note when it is unsure)."""
    report = imported.report
    found: list[tuple[int, str]] = []
    tenses = {part.key: part.tense for part in by_id(report.kind).parts}
    if report.title:
        match = YEAR.search(report.title.printed)
        if match:
            found.append((int(match.group(1)), "标题"))
    for part in report.parts:
        # A part whose heading ran into its paragraph is held as its one item, printed as a part.
        held_as_item = imported.source_layouts[part.node.path].items_as_parts and len(part.node.items) == 1
        named = part.node.items[0] if held_as_item else part.node
        heading = named.title.printed if named.title else ""
        match = YEAR.match(heading) or YEAR.search(heading[:12])
        if match and tenses[part.kind] is Tense.PAST:
            found.append((int(match.group(1)), "部分标题"))
        elif match and tenses[part.kind] is Tense.COMING:
            found.append((int(match.group(1)) - 1, "下一年度安排的标题"))
    for text in report.intro[:1]:
        match = YEAR.search(text.printed[:40])
        if match:
            found.append((int(match.group(1)), "开头段落"))
    if report.date:
        found.append((report.date.year - 1 if report.date.month <= 6 else report.date.year, "成文日期"))
    found = [(year, source) for year, source in found if FIRST_YEAR <= year <= today.year]
    if not found:
        imported.notes.append(note(f"原文中没有找到报告年度，暂填 {today.year - 1}，请核对 year。"))
        return today.year - 1
    year, imported.year_from = found[0]
    others = sorted({other for other, _ in found if other != year})
    if others and imported.year_from != "成文日期":
        conflicting = "、".join(str(y) for y in others)
        imported.notes.append(note(f"年度取自{imported.year_from}（{year}），但文中还出现了 {conflicting} 年，请核对 year。"))
    return year


def _unit(imported: Imported) -> str | None:
    """The unit's name, and where it was found (a note when it is a short name or missing)."""
    report = imported.report
    if report.title:
        unit = _unit_in_title(report.title.printed)
        if unit:
            imported.unit_from = "标题"
            return unit
    if report.signature and is_unit_name(report.signature.printed.replace(" ", "")):
        imported.unit_from = "落款"
        return report.signature.printed
    if imported.unit_line:
        imported.unit_from = "标题下的单位名称"
        return imported.unit_line
    hint = ""
    for text in report.intro[:2]:
        match = _SHORT_NAME.search(text.printed)
        if match:
            hint = match.group(1)
            break
    imported.unit_hint = hint
    if hint:
        imported.unit_from = "开头段落（简称）"
        imported.notes.append(note(f"原文中没有单位全称，单位名称暂用开头段落里的“{hint}”，请改为单位全称（unit）。"))
        return hint
    imported.notes.append(note(f"原文中没有写出单位名称，表单里写了占位文字“{UNIT_PLACEHOLDER}”，请改为单位全称（unit）。"))
    return None
