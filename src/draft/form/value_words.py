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
        return "应写阿拉伯数字的年份，不要加引号，例如 2023。"
    if "dict" in types:
        return "应在下面分行写出下级字段（如 title:、text:），每行比它多缩进两格。"
    if "list" in types and "string" in types:
        return "应写一个名称，或写成列表：每项单独一行，以“- ”开头。"
    if "list" in types:
        return "应是一个列表：每一项单独一行，以“- ”开头，例如：\n  - 第一项\n  - 第二项"
    if "boolean" in types and "string" not in types:
        return "只能写 true（是）或 false（否）。"
    if "date" in types:
        return "应写日期，例如 2024-01-15 或 2024年1月15日。"
    return "应是一段文字。如果写了列表或下级字段，请改成一段文字。"


def one_of(allowed: list[Any]) -> str:
    """A field that takes only some words: which."""
    return f"只能写以下之一：{'、'.join(str(word) for word in allowed)}。"


#: How a date is written right, and a 发文字号: said after “写法不对”.
DATE_WRITTEN = "请写成 2024-01-15 或 2024年1月15日 这样的日期。"
DOC_NUMBER_WRITTEN = "发文字号由机关代字、年份和序号组成，年份用六角括号“〔〕”括入，例如 青市监〔2026〕3号。"
