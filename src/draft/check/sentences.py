"""How sentences are marked where normalization cannot tell what was meant: dashes, spaces before marks, paragraph ends.

:mod:`draft.text.punctuation` turns half-width marks full-width (and ``--`` into ``——``); it never
adds, removes or doubles a mark, and never touches a space. What it leaves a careful secretary
still catches, so the check reads the text as it will print:

* ``single-dash`` (warning): one ``—`` where a 破折号 is meant, which takes two (``——``,
  GB/T 15834 4.9). One ``—`` between two numbers is a 连接号 (``2019—2022年``, ``1—6月``,
  ``第一季度—第三季度``) and is left alone.
* ``space-before-mark`` (warning): a space (half- or full-width) before ``。，、；：？！``: it prints
  as a gap before the mark.
* ``paragraph-end`` (warning): a body paragraph (of the intro or of a part) that ends with no end
  mark, or with ``；``/``，``/``、`` and nothing after it in its text. Points are left out: the
  build closes them itself (:mod:`draft.model.points`). So are a title, which takes none, a
  paragraph opening with a number typed by hand (``manual-numbering`` says what it is), a
  特此报告 typed in the body of a form that asks for the closing, or a 落款 (unit, date) typed last
  (``closing-twice`` says to delete them; a 落款 takes no 。), and the paragraphs of a list where
  each ends with ``；`` and the last with ``。``.
"""

from __future__ import annotations

import re

from draft.check import closing
from draft.check.context import Context, Finding, part_of
from draft.model.report import Text, TextKind
from draft.problems import Severity
from draft.text.closing import CLOSING
from draft.text.markers import read_marker

SINGLE_DASH = "single-dash"
SPACE_BEFORE_MARK = "space-before-mark"
PARAGRAPH_END = "paragraph-end"

#: A lone dash: ― (U+2015) is how some encodings map the same 破折号 half.
_LONE_DASH = re.compile(r"(?<![—―])[—―](?![—―])")
#: A dash joins a range (a 连接号) when a number follows it and one stands shortly before it:
#: 2019—2022年, 2019年—2022年, 1—6月, 5%—10%, 第一季度—第三季度.
_NUMBER = "0-9０-９〇一二三四五六七八九十"
_RANGE_START = re.compile(f"[{_NUMBER}]")
_RANGE_END = re.compile(f"[{_NUMBER}第]")
#: How far before the dash the range's first number may stand (第一季度—: four characters).
_RANGE_REACH = 4
#: Spaces before a mark; a match starts only where a run of spaces starts, so a long run is scanned once, not once a space.
_SPACE_BEFORE_MARK = re.compile(r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+(?=[。，、；：？！])")
#: Marks a paragraph may end with (and their half-width forms, printed as typed under --keep-punctuation).
_ENDS = "。！？…：.!?:"
#: Marks that close a quotation or an aside: the end mark looked for stands before them (……。” or ……”。).
_CLOSERS = "”’）》】〕」』) \t\u3000"
#: Marks that leave a sentence open at the end of a paragraph (half-width ones printed as typed under --keep-punctuation).
_OPEN_ENDS = "；;，,、"
#: How much of a paragraph's end a message quotes.
_SHOWN_ENDING = 12


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    last_paragraphs = _last_paragraphs(ctx)
    typed_again = {(text.path, text.number) for text in closing.pasted_ending(ctx.report)}
    for text in ctx.texts:
        findings += _single_dashes(ctx, text) + _spaces_before_marks(ctx, text)
        if (text.path, text.number) in typed_again:
            continue  # last year's closing or 落款 pasted in: closing-twice says to delete it, not to close it with 。
        if text.kind is TextKind.PARAGRAPH and (ctx.in_part(text) or part_of(text) == "intro"):
            findings += _paragraph_end(ctx, text, is_last=(text.path, text.number) in last_paragraphs)
    return findings


# --- single-dash ---------------------------------------------------------------------


def _single_dashes(ctx: Context, text: Text) -> list[Finding]:
    printed = text.printed
    return [
        ctx.finding(
            SINGLE_DASH,
            Severity.WARNING,
            text.path,
            f"这里只有一个“{found[0]}”：“{_context(printed, found.start(), found.end())}”。破折号占两个字的位置，应为“——”；"
            "如果它连接的是两个地名等（连接号），可以不改。",
            fix=f"把“{found[0]}”改为“——”",
            mark=ctx.at(text, found.start()),
        )
        for found in _LONE_DASH.finditer(printed)
        if not _joins_range(printed, found.start())
    ]


def _joins_range(printed: str, i: int) -> bool:
    return bool(_RANGE_END.match(printed, i + 1) and _RANGE_START.search(printed, max(i - _RANGE_REACH, 0), i))


def _context(printed: str, start: int, end: int, after: int = 6) -> str:
    """``printed[start:end]`` with up to 6 characters before it and ``after`` after: where a mark stands, quoted in a message."""
    return printed[max(start - 6, 0) : end + after]


# --- space-before-mark ---------------------------------------------------------------


def _spaces_before_marks(ctx: Context, text: Text) -> list[Finding]:
    findings = []
    for found in _SPACE_BEFORE_MARK.finditer(text.printed):
        mark = text.printed[found.end()]
        kind = "全角空格" if "\u3000" in found[0] else "空格"
        findings.append(
            ctx.finding(
                SPACE_BEFORE_MARK,
                Severity.WARNING,
                text.path,
                f"“{mark}”前面有{kind}：“{_context(text.printed, found.start(), found.end() + 1, after=0)}”，"
                "印出来标点前会空出一块。",
                fix=f"删掉“{mark}”前面的{kind}",
                mark=ctx.at(text, found.start()),
            )
        )
    return findings


# --- paragraph-end --------------------------------------------------------------------


def _last_paragraphs(ctx: Context) -> set[tuple[object, int]]:
    """(path, number) of the last paragraph of each text value."""
    last: dict[object, int] = {}
    for text in ctx.texts:
        if text.kind is TextKind.PARAGRAPH:
            last[text.path] = max(last.get(text.path, 0), text.number)
    return set(last.items())


def _paragraph_end(ctx: Context, text: Text, is_last: bool) -> list[Finding]:
    ending = text.printed.rstrip(_CLOSERS)
    if not ending or ending.endswith(tuple(_ENDS)) or read_marker(text.raw, 0) is not None:
        return []
    if ctx.report.closing and CLOSING.match(text.printed):
        return []  # a closing typed in the body while the form asks for one: closing-twice says to delete it
    where = f"第{text.number + 1}段" if text.number else "这一段"
    shown = ending if len(ending) <= _SHOWN_ENDING else "……" + ending[-_SHOWN_ENDING:]
    last = ending[-1]
    if last in _OPEN_ENDS:
        if not is_last and last in "；;":
            return []  # one of a list of paragraphs, each closed with ；: the last one says whether the list ends
        message = f"{where}以“{last}”结尾：“{shown}”，句子到段末还没有结束。"
        fix, index = f"把段末的“{last}”改为“。”", len(ending) - 1
    else:
        message = f"{where}末尾没有标点：“{shown}”，句子到段末还没有结束。"
        fix, index = "在段末加上“。”（引出下文的用“：”）", len(ending)
    mark = ctx.at(text, min(index, len(text.printed) - 1))
    return [ctx.finding(PARAGRAPH_END, Severity.WARNING, text.path, message, fix=fix, mark=mark)]
