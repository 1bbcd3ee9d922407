"""The report's parts and items: present, and with something in them.

* ``missing-responsibility`` (warning): no part on the principal leaders'
  duty (党政主要负责人履行推进法治建设第一责任人职责情况), which the 2019
  regulation lists as content of the annual report. A warning, not an error:
  many units report it inside the measures, as both example reports do.
* ``empty-part`` (error): a part with a title but nothing under it — the
  heading would print over nothing. (A part that is missing or wholly empty is
  already refused by validation.)
* ``empty-item`` (error): a title, paragraph or point that holds nothing but
  spaces or punctuation — it would print as a bare number or ``一是；``.
* ``title-only`` (warning): an item with a title and nothing under it. Some
  reports list plans as bare headings, so this is only a warning.
"""

from __future__ import annotations

import re
from typing import Any

from draft.check.source import Context, Finding, Path_
from draft.form.schema import PART_LABELS
from draft.problems import Severity

MISSING_RESPONSIBILITY = "missing-responsibility"
EMPTY_PART = "empty-part"
EMPTY_ITEM = "empty-item"
TITLE_ONLY = "title-only"

REGULATION = "《法治政府建设与责任落实督察工作规定》（中共中央办公厅、国务院办公厅2019年印发）"

# A letter, a digit or an ideograph: something that prints as content.
_CONTENT = re.compile(r"[^\W_]")


def check(ctx: Context) -> list[Finding]:
    findings = _missing_responsibility(ctx)
    for key, node in ctx.data.items():
        if key in PART_LABELS and isinstance(node, dict):
            findings += _empty_nodes(ctx, (key,), node)
    return findings


def _has_content(value: Any) -> bool:
    return value is not None and _CONTENT.search(str(value)) is not None


def _blank_pieces(ctx: Context, path: Path_, node: dict[str, Any]) -> list[Finding]:
    """Titles, texts and points written but holding nothing."""
    pieces: list[tuple[Path_, Any, str, str]] = []
    if node.get("title") is not None:
        pieces.append(((*path, "title"), node["title"], "标题", "一个空的标题"))
    if node.get("text") is not None:
        pieces.append(((*path, "text"), node["text"], "正文", "一个空段落"))
    for i, point in enumerate(node.get("points") or []):
        pieces.append(((*path, "points", i), point, "这个要点", "一个空的“一是……”"))
    findings = []
    for where, value, what, prints in pieces:
        if not _has_content(value):
            shown = str(value).strip()
            findings.append(
                ctx.finding(
                    EMPTY_ITEM,
                    Severity.ERROR,
                    where,
                    f"{what}{f'只有“{shown}”' if shown else '是空白的'}，没有文字内容，印出来是{prints}。",
                    fix="写上内容，或删除这一行",
                    mark=ctx.loaded.mark(where),
                )
            )
    return findings


def _missing_responsibility(ctx: Context) -> list[Finding]:
    if "responsibility" in ctx.data:
        return []
    label = PART_LABELS["responsibility"]
    anchor = ("plans",) if "plans" in ctx.data else ()
    return [
        ctx.finding(
            MISSING_RESPONSIBILITY,
            Severity.WARNING,
            ("responsibility",),
            f"表单没有“{label}”这一部分（responsibility）。{REGULATION}把它列为法治政府建设年度报告应当报告的内容。",
            fix="在 plans: 的上一行加上 responsibility:，下一行缩进两格写 text: 及具体情况",
            mark=ctx.loaded.key_mark(anchor) if anchor else ctx.loaded.mark(()),
        )
    ]


def _has_body(node: dict[str, Any]) -> bool:
    points = node.get("points") or []
    return _has_content(node.get("text")) or any(_has_content(p) for p in points) or bool(node.get("items"))


def _empty_nodes(ctx: Context, path: Path_, node: dict[str, Any]) -> list[Finding]:
    findings = _blank_pieces(ctx, path, node)
    if not _has_body(node) and _has_content(node.get("title")):
        if len(path) == 1:
            label = PART_LABELS[str(path[0])]
            findings.append(
                ctx.finding(
                    EMPTY_PART,
                    Severity.ERROR,
                    path,
                    f"{path[0]}（{label}）只有标题，没有内容，报告里这一部分只会印出一个标题。",
                    fix="在 title: 下面写 text:（正文）、points:（要点）或 items:（下级条目）",
                    mark=ctx.loaded.key_mark(path),
                )
            )
        else:
            findings.append(
                ctx.finding(
                    TITLE_ONLY,
                    Severity.WARNING,
                    path,
                    "这个条目只有标题，下面没有正文、要点或下级条目。",
                    fix="在 title: 下面写 text: 说明具体情况，或把它并入上一级的要点（points）",
                    mark=ctx.loaded.mark(path),
                )
            )
    for i, item in enumerate(node.get("items") or []):
        if isinstance(item, dict):
            findings += _empty_nodes(ctx, (*path, "items", i), item)
    return findings
