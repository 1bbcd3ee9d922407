"""What a field's value should be, in the words every message about it uses.

``draft validate`` says them where the value written adds nothing (:mod:`draft.form.explain`), and the
editor's JSON Schema gives them as each field's ``errorMessage`` (:mod:`draft.form.json_schema`): so the
editor and ``draft validate`` never word the same mistake two ways. Kept apart from the explanations,
which a form without a mistake never loads, because the schema file is refreshed on every build.
"""

from __future__ import annotations

from typing import Any

from draft.form.figure_notation import expected


def value_expected(types: list[str]) -> str:
    """What a field of ``types`` holds, said whatever was written there: ``draft validate`` says it where the value
    adds nothing, and the editor (the JSON Schema's ``errorMessage``, :mod:`draft.form.json_schema`) of any value."""
    if "count" in types or "amount" in types:
        return f"{expected('amount' in types)}。没有的写 0。"
    if "year" in types:
        return f"应写阿拉伯数字的年份，不要加引号，例如 {_reporting_year()}。"
    if "dict" in types:
        return "应在下面分行写出下级字段（如 title:、text:），每行比它多缩进两格。"
    if "list" in types and "string" in types:
        return "应写一个名称，或写成列表：每项单独一行，以“- ”开头。"
    if "list" in types:
        return "应是一个列表：每一项单独一行，以“- ”开头，例如：\n  - 第一项\n  - 第二项"
    if "boolean" in types and "string" not in types:
        return "只能写 true（是）或 false（否）。"
    if "date" in types:
        return f"应写日期，例如 {_example_date()}。"
    return "应是一段文字。如果写了列表或下级字段，请改成一段文字。"


def one_of(allowed: list[Any]) -> str:
    """A field that takes only some words: which."""
    return f"只能写以下之一：{'、'.join(str(word) for word in allowed)}。"


def date_written() -> str:
    """How a date is written right: said after “写法不对”."""
    return f"请写成 {_example_date()} 这样的日期。"


def _reporting_year() -> int:
    """The year a unit is reporting on today: the examples name it, never a year long past."""
    from draft.text import dates

    return dates.proposed_year(dates.today())


def _example_date() -> str:
    """A 成文日期 of the report being written: January of the year after the one reported on."""
    year = _reporting_year() + 1
    return f"{year}-01-15 或 {year}年1月15日"


#: How a 发文字号 is written right: said after “写法不对”.
DOC_NUMBER_WRITTEN = "发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，例如 青市监〔2026〕3号。"
