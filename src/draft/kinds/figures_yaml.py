"""A kind's figures written as a form holds them: one field a line, each with the format's label as its comment.

``draft init`` starts from such text (the built-in ``form.yaml`` was written by it) and
``draft import`` writes last year's figures with it, so both read alike: the user fills
named fields (``new: 3001  # 一、本年新收政府信息公开申请数量``), never a grid.
"""

from __future__ import annotations

from collections.abc import Mapping

from draft.kinds.groups import PUBLISHED, Group, published, published_path
from draft.model.figures import Number
from draft.model.report import FormPath

#: What stands for a total draft computes.
COMPUTED = "不用填写，由 draft 计算；填了会核对"


#: What the form says above the totals a source printed that are not the sums of their figures.
PUBLISHED_NOTE = "原文印的总计，与各项之和不符：生成时按各项之和，draft check 会提示；核对原文后可删去"


def figures_yaml(
    group: Group, values: Mapping[FormPath, Number], indent: str = "", path: FormPath = (), printed: Mapping[FormPath, Number] | None = None
) -> list[str]:
    """``group`` as YAML lines; totals draft computes are left out (a comment says so). ``printed``: the totals a
    source printed that are not the sums of their figures, by the total's path, kept under ``published``."""
    lines = _figures_yaml(group, values, indent, path)
    kept = {published_path(total): value for total, value in (printed or {}).items() if total[: len(path) + 1] == (*path, group.key)}
    below = published(group)
    if kept and below is not None:
        lines.append(f"{indent}  {PUBLISHED}:  # {PUBLISHED_NOTE}")
        for field in below.fields:
            lines += _present_yaml(field, kept, indent + "    ", (*path, group.key, PUBLISHED))
    return lines


def _present_yaml(group: Group, values: Mapping[FormPath, Number], indent: str, path: FormPath) -> list[str]:
    """The figures of ``group`` that ``values`` holds, with the groups above them."""
    path = path + (group.key,)
    if not group.fields:
        return [f"{indent}{group.key}: {values[path]}  # {group.label}"] if path in values else []
    below = [line for field in group.fields for line in _present_yaml(field, values, indent + "  ", path)]
    return [f"{indent}{group.key}:  # {group.label}", *below] if below else []


def _figures_yaml(group: Group, values: Mapping[FormPath, Number], indent: str = "", path: FormPath = ()) -> list[str]:
    path = path + (group.key,)
    if group.computed:
        return [f"{indent}# {group.key}: {group.label}，{COMPUTED}"]
    if not group.fields:
        value = values.get(path, 0)
        return [f"{indent}{group.key}: {value}  # {group.label}"]
    lines = [f"{indent}{group.key}:  # {group.label}"]
    for field in group.fields:
        lines += _figures_yaml(field, values, indent + "  ", path)
    return lines
