"""Paragraphs that repeat or run on.

* ``duplicate-text`` (error): a paragraph or point printed twice word for word
  (spaces and the closing mark aside), or two sibling items with the same title.
  Short texts (under 8 characters, e.g. ``加强学习``) count only among siblings:
  the measures and the plans may well share a short phrase.
* ``overlong-paragraph`` (warning): a paragraph that prints over 600
  characters — a text paragraph, a point, or a run-in item (its title and its
  first paragraph print as one) — with the report's median for comparison.
"""

from __future__ import annotations

import re

from draft.check.context import Context, Finding
from draft.model.report import FormPath, Text, TextKind
from draft.problems import Severity, excerpt

DUPLICATE = "duplicate-text"
OVERLONG = "overlong-paragraph"

#: Longest paragraph that reads well; a page holds 22 lines of 28 characters.
MAX_PARAGRAPH = 600
#: Shorter texts are compared with their siblings only.
_MIN_DUPLICATE = 8
_IGNORED = re.compile(r"[\s。；;，,！!？?：:、.]+")


def check(ctx: Context) -> list[Finding]:
    return _duplicates(ctx) + _overlong(ctx)


# --- duplicate-text -------------------------------------------------------------


def _key(text: Text) -> str:
    return _IGNORED.sub("", text.printed)


def _siblings(text: Text) -> FormPath:
    """Texts that print side by side: the points of one list, the paragraphs of one text, sibling titles."""
    if text.kind is TextKind.TITLE:
        return text.path[:-2] if len(text.path) > 2 else ("<parts>",)
    if text.kind is TextKind.POINT:
        return text.path[:-1]
    return text.path


def _duplicates(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    first: dict[tuple[object, ...], Text] = {}
    for text in ctx.texts:
        key = _key(text)
        if not ctx.in_part(text) or not key:
            continue
        if text.kind is TextKind.TITLE:
            seen: tuple[object, ...] = ("title", _siblings(text), key)
        elif len(key) < _MIN_DUPLICATE:
            seen = ("short", _siblings(text), key)
        else:
            seen = ("body", key)
        earlier = first.setdefault(seen, text)
        if earlier is not text:
            findings.append(_duplicate(ctx, text, earlier))
    return findings


def _duplicate(ctx: Context, text: Text, earlier: Text) -> Finding:
    line = ctx.line_of(earlier)
    where = f"第 {line} 行（{ctx.place(earlier.path)}）"
    what = {"title": "这个标题", "point": "这个要点"}.get(text.kind.value, "这段文字")
    return ctx.finding(
        DUPLICATE,
        Severity.ERROR,
        text.path,
        f"{what}与{where}一字不差，报告里会重复出现：“{excerpt(text.printed)}”。",
        fix="删除其中一处，或改写其中一处",
        mark=ctx.at(text, 0),
    )


# --- overlong-paragraph ------------------------------------------------------------


def _overlong(ctx: Context) -> list[Finding]:
    run_in = _run_in_titles(ctx)
    first_body: dict[FormPath, Text] = {}  # the first paragraph or point of each node: a run-in title leads it
    lengths: list[tuple[Text, int]] = []
    for text in ctx.texts:
        if text.kind not in (TextKind.PARAGRAPH, TextKind.POINT):
            continue
        owner = _owner(text)
        length = len(text.printed)
        if first_body.setdefault(owner, text) is text and owner in run_in:
            length += run_in[owner] + 1  # the marker is not counted; the title and its full stop are
        lengths.append((text, length))
    overlong = [(text, length) for text, length in lengths if length > MAX_PARAGRAPH]
    if not overlong:
        return []
    import statistics  # only to word a finding: a build that finds none does not pay for its import

    median = round(statistics.median(length for _, length in lengths))
    return [
        ctx.finding(
            OVERLONG,
            Severity.WARNING,
            text.path,
            f"这一段印出来有 {length} 字，超过 {MAX_PARAGRAPH} 字（本报告各段的中位数是 {median} 字），"
            "太长的段落不便阅读。",
            fix="拆成几段（正文里空一行即开始新的一段），或分成要点（points）",
            mark=ctx.at(text, 0),
        )
        for text, length in overlong
    ]


def _owner(text: Text) -> FormPath:
    """The node a paragraph or point belongs to."""
    return text.path[:-1] if text.kind is TextKind.PARAGRAPH else text.path[:-2]


def _run_in_titles(ctx: Context) -> dict[FormPath, int]:
    """Items whose title runs into their first paragraph, with the title's printed length."""
    return {node.path: len(node.title.printed) for node in ctx.report.nodes() if node.runs_in and node.title and node.title.printed}
