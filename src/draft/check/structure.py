"""The report's parts and items: present, and with something in them.

* ``missing-responsibility`` (warning), and ``missing-KEY`` for any part a kind marks
  :attr:`~draft.kinds.kind.PartSpec.expected_by`: no part on the principal leaders'
  duty (党政主要负责人履行推进法治建设第一责任人职责情况), which the 2019
  regulation lists as content of the annual report. A warning, not an error;
  and none where the report covers it elsewhere: many units report it inside the
  measures, as both example reports do (an item titled 履行第一责任人职责, or a
  paragraph saying 主要负责同志……履行推进法治建设第一责任人的职责). Where a
  report puts it is found as ``draft import`` finds the part's heading: by the
  part's heading words (:attr:`~draft.kinds.kind.PartSpec.heading_words`), here
  searched for in every text of every part.
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

from draft.check.context import Context, Finding
from draft.kinds.kind import PartSpec
from draft.model.report import FormPath, Node, Text
from draft.problems import Severity, excerpt

EMPTY_PART = "empty-part"
EMPTY_ITEM = "empty-item"
TITLE_ONLY = "title-only"

# A letter, a digit or an ideograph: something that prints as content.
_CONTENT = re.compile(r"[^\W_]")


def check(ctx: Context) -> list[Finding]:
    findings = [finding for part in ctx.kind.parts if part.expected_by for finding in _missing(ctx, part)]
    for node in ctx.report.nodes():
        findings += _empty_node(ctx, node)
    return findings


def _has_content(text: Text | None) -> bool:
    return text is not None and _CONTENT.search(text.printed) is not None


def _blank_pieces(ctx: Context, node: Node) -> list[Finding]:
    """Titles, texts and points written but holding nothing."""
    pieces: list[tuple[FormPath, str, str, str]] = []
    if node.title is not None and not _has_content(node.title):
        pieces.append((node.title.path, node.title.raw, "标题", "一个空的标题"))
    if node.blank_text or (node.paragraphs and not any(map(_has_content, node.paragraphs))):
        shown = "\n\n".join(text.raw for text in node.paragraphs)
        pieces.append(((*node.path, "text"), shown, "正文", "一个空段落"))
    pieces += [(point.path, point.raw, "这个要点", "一个空的“一是……”") for point in node.points if not _has_content(point)]
    return [
        ctx.finding(
            EMPTY_ITEM,
            Severity.ERROR,
            where,
            f"{what}{f'只有“{excerpt(shown)}”' if shown else '是空白的'}，没有文字内容，印出来是{prints}。",
            fix="写上内容，或删除这一行",
            mark=ctx.source.mark(where),
        )
        for where, shown, what, prints in pieces
    ]


def _covered_elsewhere(ctx: Context, part: PartSpec) -> bool:
    """Whether a text of another part speaks of ``part`` in the words that would make a heading name it."""
    words = "|".join(filter(None, (part.heading_words.first, part.heading_words.strong)))
    if not words:
        return False
    said = re.compile(words)
    return any(said.search(text.printed) for text in ctx.texts if ctx.in_part(text))


def _missing(ctx: Context, part: PartSpec) -> list[Finding]:
    """A part the kind's rules ask for, missing (and not reported inside another part): where it goes is above
    the next part of the kind the form has."""
    if ctx.report.has_part(part.key) or _covered_elsewhere(ctx, part):
        return []
    after = ctx.kind.parts[ctx.kind.parts.index(part) + 1 :]
    anchor = next((spec.key for spec in after if ctx.report.has_part(spec.key)), None)
    where = f"在 {anchor}: 的上一行" if anchor else "在表单末尾"
    return [
        ctx.finding(
            f"missing-{part.key}",
            Severity.WARNING,
            (part.key,),
            f"表单没有“{part.label}”这一部分（{part.key}）。{part.expected_by}把它列为{ctx.kind.name}应当报告的内容。",
            fix=f"{where}加上 {part.key}:，下一行缩进两格写 text: 及具体情况",
            mark=ctx.source.key_mark((anchor,)) if anchor else ctx.source.mark(()),
        )
    ]


def _has_body(node: Node) -> bool:
    return any(map(_has_content, node.paragraphs)) or any(map(_has_content, node.points)) or bool(node.items)


def _empty_node(ctx: Context, node: Node) -> list[Finding]:
    findings = _blank_pieces(ctx, node)
    if _has_body(node) or not _has_content(node.title):
        return findings
    path = node.path
    if len(path) == 1:
        code, severity, mark = EMPTY_PART, Severity.ERROR, ctx.source.key_mark(path)
        message = f"{path[0]}（{ctx.kind.labels[str(path[0])]}）只有标题，没有内容，报告里这一部分只会印出一个标题。"
        fix = "在 title: 下面写 text:（正文）、points:（要点）或 items:（下级条目）"
    else:
        code, severity, mark = TITLE_ONLY, Severity.WARNING, ctx.source.mark(path)
        message = "这个条目只有标题，下面没有正文、要点或下级条目。"
        fix = "在 title: 下面写 text: 说明具体情况，或把它并入上一级的要点（points）"
    findings.append(ctx.finding(code, severity, path, message, fix=fix, mark=mark))
    return findings
