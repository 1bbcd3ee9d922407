"""The schema of a form of one kind: the fields every report shares, the kind's parts, and ``kind:`` itself.

The shared fields (unit, year, title, date, …) are :func:`draft.form.schema.report_schema`'s,
so a field added there holds for every kind; the parts are the kind's (:mod:`draft.kinds`):
a part written as text is the shared node, a part of figures takes the kind's figure rules.
What a part's comment and the editor say of it is the kind's too (:attr:`PartSpec.description`).
"""

from __future__ import annotations

import datetime
from typing import Any

from draft.form.schema import report_schema, text_part
from draft.kinds import Kind
from draft.kinds.kind import PartSpec


def kind_field(kind: Kind) -> dict[str, Any]:
    """``kind:`` of a form of ``kind`` (which kinds it may name is :func:`draft.form.beyond_schema.unknown_kind`'s to say)."""
    return {"type": "string", "meta": {"label": "报告种类", "example": kind.id, "state": "不要改", "description": f"{kind.name}。"}}


def part_description(part: PartSpec) -> str:
    """What to write in ``part``: the kind's words, and the rule that asks for a part a form may leave out."""
    asked = f"{part.expected_by}要求报告。" if part.expected_by else ""
    return "\n".join(words for words in (part.description, asked) if words)


def kind_schema(kind: Kind, today: datetime.date | None = None) -> dict[str, Any]:
    """The schema of a form of ``kind``; ``today`` bounds the year, as for every report."""
    schema: dict[str, Any] = {"kind": kind_field(kind), **report_schema(today)}
    title = schema["title"]
    schema["title"] = {**title, "meta": {**title["meta"], "description": f"不写时自动生成“单位名称+年度+{kind.name}”。"}}
    for part in kind.parts:
        if part.table is not None:
            figures = kind.figure_schema[part.key]
            schema[part.key] = {**figures, "meta": {**figures["meta"], "description": part_description(part)}}
        else:
            schema[part.key] = text_part(part.label, part.required, part_description(part))
    return schema
