"""A kind's figures written as a form holds them: one field a line, each with the format's label as its comment.

``draft init`` starts from such text (the built-in ``form.yaml`` was written by it) and
``draft import`` writes last year's figures with it, so both read alike: the user fills
named fields (``new: 3001  # 一、本年新收政府信息公开申请数量``), never a grid.
"""

from __future__ import annotations

from collections.abc import Mapping

from draft.kinds.groups import Group
from draft.model.figures import Number
from draft.model.report import FormPath

#: What stands for a total draft computes.
COMPUTED = "不用填写，由 draft 计算；填了会核对"


def figures_yaml(group: Group, values: Mapping[FormPath, Number], indent: str = "", path: FormPath = ()) -> list[str]:
    """``group`` as YAML lines; totals draft computes are left out (a comment says so)."""
    path = path + (group.key,)
    if group.computed:
        return [f"{indent}# {group.key}: {group.label}，{COMPUTED}"]
    if not group.fields:
        value = values.get(path, 0)
        return [f"{indent}{group.key}: {value}  # {group.label}"]
    lines = [f"{indent}{group.key}:  # {group.label}"]
    for field in group.fields:
        lines += figures_yaml(field, values, indent + "  ", path)
    return lines
