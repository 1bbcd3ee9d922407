"""What the text says without a field for it: the year, the unit, and which wording is the template's own.

The year comes from the title, else the part headings, else the intro, else the
date; the unit from the title, else the 落款. Where neither is found the form gets
a placeholder that stands out, and a note says so. A title, heading or closing
that equals what the template writes is left out of the form, so that changing
``year`` next year updates it.
"""

from __future__ import annotations

import datetime
import re

from draft.form.schema import FIRST_YEAR
from draft.importer.model import ImportedReport, Note
from draft.importer.parse import comparable
from draft.model.report import Report, Text
from draft.render.wording import Wording
from draft.text.names import UNIT_NAME, UNIT_SUFFIXES, YEAR

#: What the form says for a unit the text never names. It must stand out in the form and in the built
#: title, yet pass ``draft validate`` (the issue asks for a form that validates and rebuilds): tests assert both.
UNIT_PLACEHOLDER = "（单位全称）"

_BEFORE_YEAR = re.compile(r"^(.+?)\s*(?:关于)?\s*(?:20\d{2}\s*年)")
_BEFORE_ABOUT = re.compile(r"^(.+?)\s*关于")
_AFTER_YEAR = re.compile(r"^20\d{2}\s*年度?\s*(.+?)\s*(?:关于|法治政府|法治建设|依法行政|推进)")
_SHORT_NAME = re.compile(
    r"(?:^|[，,。；;])\s*(?:20\d{2}\s*年(?:度|以来)?\s*[，,]?\s*)?(?:在[^，,。]{2,30}?下\s*[，,]\s*)?"
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
            if UNIT_NAME.match(unit.replace(" ", "").replace("　", "")):
                return unit
    return None


def infer(report: ImportedReport, wording: Wording, today: datetime.date) -> None:
    _year(report, today)
    _unit(report)
    model = Report(unit=Text.plain(report.unit or UNIT_PLACEHOLDER), year=report.year or today.year - 1, parts=[])
    if report.title and report.unit:
        report.default_title = comparable(report.title) == comparable(wording.title(model))
    for part in report.parts:
        part.default_heading = comparable(part.heading) == comparable(wording.heading(part.kind, model))
    if report.closing:
        report.default_closing = comparable(report.closing) == comparable(wording.closing(model))
    if report.date and report.year and report.date.year <= report.year:
        report.date_rejected = True
        report.notes.append(
            Note(
                f"成文日期 {report.date_text} 在 {report.year} 年度结束之前，draft 不接受这样的日期，"
                "表单中把它写成了注释（date 一行前有 #）。请改为实际成文日期并删去 #。"
            )
        )


def _year(report: ImportedReport, today: datetime.date) -> None:
    found: list[tuple[int, str]] = []
    if report.title:
        match = YEAR.search(report.title)
        if match:
            found.append((int(match.group(1)), "标题"))
    for part in report.parts:
        match = YEAR.match(part.heading) or YEAR.search(part.heading[:12])
        if match and part.kind in ("measures", "shortcomings", "responsibility"):
            found.append((int(match.group(1)), "部分标题"))
        elif match and part.kind == "plans":
            found.append((int(match.group(1)) - 1, "下一年度安排的标题"))
    for text in report.intro[:1]:
        match = YEAR.search(text[:40])
        if match:
            found.append((int(match.group(1)), "开头段落"))
    if report.date:
        found.append((report.date.year - 1 if report.date.month <= 6 else report.date.year, "成文日期"))
    found = [(year, source) for year, source in found if FIRST_YEAR <= year <= today.year]
    if found:
        report.year, report.year_from = found[0]
        others = sorted({year for year, _ in found if year != report.year})
        if others and report.year_from != "成文日期":
            conflicting = "、".join(str(y) for y in others)
            report.notes.append(Note(f"年度取自{report.year_from}（{report.year}），但文中还出现了 {conflicting} 年，请核对 year。"))
    else:
        report.year, report.year_from = today.year - 1, ""
        report.notes.append(Note(f"原文中没有找到报告年度，暂填 {report.year}，请核对 year。"))


def _unit(report: ImportedReport) -> None:
    if report.title:
        unit = _unit_in_title(report.title)
        if unit:
            report.unit, report.unit_from = unit, "标题"
            return
    if report.signature and UNIT_NAME.match(report.signature.replace(" ", "")):
        report.unit, report.unit_from = report.signature, "落款"
        return
    hint = ""
    for text in report.intro[:2]:
        match = _SHORT_NAME.search(text)
        if match:
            hint = match.group(1)
            break
    report.unit_hint = hint
    if hint:
        report.unit, report.unit_from = hint, "开头段落（简称）"
        report.notes.append(Note(f"原文中没有单位全称，单位名称暂用开头段落里的“{hint}”，请改为单位全称（unit）。"))
        return
    report.notes.append(Note(f"原文中没有写出单位名称，表单里写了占位文字“{UNIT_PLACEHOLDER}”，请改为单位全称（unit）。"))
