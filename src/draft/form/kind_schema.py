"""The schema of a form of one kind: the fields every report shares, the kind's parts, and ``kind:`` itself.

The shared fields (unit, year, title, date, …) are :func:`draft.form.schema.report_schema`'s,
so a field added there holds for every kind; the parts are the kind's (:mod:`draft.kinds`):
a part written as text is the shared node, a part of figures takes the kind's figure rules.
"""

from __future__ import annotations

import datetime
from typing import Any

from draft.form.schema import report_schema, text_part
from draft.kinds import Kind


def kind_field() -> dict[str, Any]:
    return {"type": "string", "meta": {"label": "报告种类", "example": "information-disclosure"}}


def kind_schema(kind: Kind, today: datetime.date | None = None) -> dict[str, Any]:
    """The schema of a form of ``kind``; ``today`` bounds the year, as for every report."""
    schema: dict[str, Any] = {"kind": kind_field(), **report_schema(today)}
    for part in kind.parts:
        if part.table is not None:
            schema[part.key] = kind.figure_schema[part.key]
        else:
            schema[part.key] = text_part(part.label, part.required)
    return schema
