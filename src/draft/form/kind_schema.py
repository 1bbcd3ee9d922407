"""The schema of a form of one kind: the fields every report shares, the kind's parts, and ``kind:`` itself.

The shared fields (unit, year, title, date, …) are :func:`draft.form.schema.report_schema`'s,
so a field added there holds for every kind; the parts are the kind's (:mod:`draft.kinds`):
a part written as text is the shared node, a part of figures takes the kind's figure rules.
"""

from __future__ import annotations

import datetime
from typing import Any

from draft.form.schema import PART_LABELS, _part, report_schema
from draft.kinds import Kind


def kind_field() -> dict[str, Any]:
    return {"type": "string", "meta": {"label": "报告种类", "example": "information-disclosure"}}


def kind_schema(kind: Kind, today: datetime.date | None = None) -> dict[str, Any]:
    """The schema of a form of ``kind``; ``today`` bounds the year, as for every report."""
    shared = {key: rules for key, rules in report_schema(today).items() if key not in PART_LABELS}
    schema: dict[str, Any] = {"kind": kind_field(), **shared}
    for part in kind.parts:
        if part.table is not None:
            schema[part.key] = kind.figure_schema[part.key]
        else:
            rules = _part(required=part.required)
            schema[part.key] = {**rules, "meta": {**rules["meta"], "label": part.label}}
    return schema
