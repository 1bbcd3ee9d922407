"""The 法治政府建设年度报告 (《法治政府建设与责任落实督察工作规定》): prose parts in the form's order, no tables."""

from __future__ import annotations

from draft.form.schema import PART_LABELS, REQUIRED_PARTS
from draft.kinds.kind import Kind, PartSpec

KIND = Kind(
    id="law-based-government",
    name="法治政府建设年度报告",
    folder="report",  # the folder every unit's own template was copied from before there were kinds
    parts=tuple(PartSpec(key, label, key in REQUIRED_PARTS) for key, label in PART_LABELS.items()),
)
