"""Punctuation: what normalization will change, and paired marks left open or closed twice.

``half-width-punctuation`` (warning): the half-width marks among Chinese text that
the build turns full-width (:func:`draft.text.punctuation.punctuation_changes`), so
the user knows; one finding per form, at the first one, with the count of each
kind and the lines. A form typed in English mode has hundreds; one line per mark
would bury everything else. When the form keeps its punctuation
(``normalize_punctuation: false`` or ``--keep-punctuation``) the same marks print
half-width, and the finding says so.

``unpaired-punctuation`` (error): “ ” 《 》 （ ） 【 】 〔 〕 that do not pair up
within the paragraph that prints (after normalization, so ``(`` counts as
``（``). Pairs never span paragraphs in a report.
"""

from __future__ import annotations

import re
from collections import Counter

from draft.check.context import Context, Finding
from draft.model.report import Text, TextKind
from draft.problems import Severity

HALF_WIDTH = "half-width-punctuation"
UNPAIRED = "unpaired-punctuation"

#: Most line numbers listed in the half-width finding.
_MAX_LINES = 10

_PAIRS = {"“": "”", "《": "》", "（": "）", "【": "】", "〔": "〕"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_FOLD = {"(": "（", ")": "）", "[": "【", "]": "】"}
_NAMES = {"“": "引号", "《": "书名号", "（": "括号", "【": "方括号", "〔": "括号"}
# Marks that must not nest: a quotation inside a quotation takes ‘’, a title inside a title 〈〉.
_NO_NESTING = {"“": "‘’", "《": "〈〉"}
#: Every character the pairing looks at: found by the regex engine, not one character at a time in Python.
_PAIRED_MARKS = re.compile("[" + re.escape("".join({**_PAIRS, **_CLOSERS, **_FOLD})) + "]")


def check(ctx: Context) -> list[Finding]:
    findings = _half_width(ctx)
    for text in ctx.texts:
        findings += _unpaired(ctx, text)
    return findings


# --- half-width-punctuation -------------------------------------------------------


def _half_width(ctx: Context) -> list[Finding]:
    changed = [(text, text.punctuation_changes()) for text in ctx.texts if text.changes]
    if not changed:
        return []
    kinds = Counter((change.old, change.new) for _, changes in changed for change in changes)
    count = sum(kinds.values())
    listed = "，".join(f"“{old}”→“{new}” {n} 处" for (old, new), n in kinds.most_common())
    marks = [
        (mark, text) for text, changes in changed for mark in ctx.all_at_raw(text, [change.offset for change in changes])
    ]
    lines = sorted({mark.line for mark, _ in marks})
    shown = "、".join(str(line) for line in lines[:_MAX_LINES])
    first, first_text = min(marks, key=lambda found: (found[0].line, found[0].column))
    where = f"在第 {shown} 行" if len(lines) <= _MAX_LINES else f"在第 {shown} 等 {len(lines)} 行"
    if ctx.normalize:
        message = (
            f"中文里有 {count} 处半角标点（或全角数字、字母），生成时会自动改正：{listed}；{where}。"
            "不必手改，这里列出供核对。"
        )
        fix = ""
    else:
        message = (
            f"中文里有 {count} 处半角标点（或全角数字、字母），{where}。表单设置了保留原有标点"
            f"（normalize_punctuation: false 或 --keep-punctuation），它们会原样印出：{listed}。"
        )
        fix = "删掉表单里的 normalize_punctuation: false（或生成时不加 --keep-punctuation），由程序统一改正"
    return [ctx.finding(HALF_WIDTH, Severity.WARNING, first_text.path, message, fix, first, fixed_by_draft=ctx.normalize)]


# --- unpaired-punctuation ---------------------------------------------------------


def _unpaired(ctx: Context, text: Text) -> list[Finding]:
    findings: list[Finding] = []
    open_: dict[str, list[int]] = {mark: [] for mark in _PAIRS}
    explained: set[str] = set()  # kinds already reported as nested: their unclosed marks say nothing new
    for found in _PAIRED_MARKS.finditer(text.printed):
        i, char = found.start(), _FOLD.get(found[0], found[0])
        if char in _PAIRS:
            if open_[char] and char in _NO_NESTING:
                findings.append(_nested(ctx, text, i, char))
                explained.add(char)
            open_[char].append(i)
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if open_[opener]:
                open_[opener].pop()
            elif opener not in explained:
                findings.append(_extra_close(ctx, text, i, opener, char))
    for opener, positions in open_.items():
        if opener not in explained:
            findings += [_unclosed(ctx, text, i, opener) for i in positions]
    return findings


def _show(mark: str) -> str:
    """A mark quoted for a message: 《 as “《”, but a quotation mark bare (““”” would not read)."""
    return mark if mark in "“”" else f"“{mark}”"


def _where(text: Text) -> str:
    if text.kind is TextKind.PARAGRAPH:
        return f"第{text.number + 1}段" if text.number else "这一段"
    return {"title": "标题", "point": "这个要点"}.get(text.kind.value, "这一项")


def _unclosed(ctx: Context, text: Text, i: int, opener: str) -> Finding:
    closer, name = _PAIRS[opener], _NAMES[opener]
    return ctx.finding(
        UNPAIRED,
        Severity.ERROR,
        text.path,
        f"左{name}{_show(opener)}没有对应的右{name}{_show(closer)}：{_where(text)}里它只开不关，印出来会缺半边。",
        fix=f"在该结束的地方补上右{name}{_show(closer)}，或删掉多余的左{name}{_show(opener)}",
        mark=ctx.at(text, i),
    )


def _extra_close(ctx: Context, text: Text, i: int, opener: str, closer: str) -> Finding:
    name = _NAMES[opener]
    return ctx.finding(
        UNPAIRED,
        Severity.ERROR,
        text.path,
        f"右{name}{_show(closer)}前面没有对应的左{name}{_show(opener)}：{_where(text)}里它多关了一次。",
        fix=f"在该开始的地方补上左{name}{_show(opener)}，或删掉多余的右{name}{_show(closer)}",
        mark=ctx.at(text, i),
    )


def _nested(ctx: Context, text: Text, i: int, opener: str) -> Finding:
    closer, name, inner = _PAIRS[opener], _NAMES[opener], _NO_NESTING[opener]
    return ctx.finding(
        UNPAIRED,
        Severity.ERROR,
        text.path,
        f"前面的左{name}{_show(opener)}还没有关上，这里又出现了左{name}{_show(opener)}："
        f"可能是把右{name}{_show(closer)}打成了左{name}{_show(opener)}。",
        fix=f"如果前面的内容到这里结束，把这个左{name}改为右{name}{_show(closer)}；{name}里面再套{name}请用“{inner}”",
        mark=ctx.at(text, i),
    )
