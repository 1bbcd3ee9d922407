"""``draft check``: the reading an experienced secretary gives a draft before it goes out.

The check runs on a form that passed validation, on the text as typed (lines
joined and punctuation normalized as the build does, but every finding points
at the file, line and column the user wrote). Each finding is a
:class:`~draft.check.context.Finding`: a :class:`~draft.problems.Problem` with a
stable ``code`` and, where the fix is mechanical, the ``fix``.

Errors are what would print wrong, so ``draft build`` writes no report for a form with one (unless
``--ignore-review-errors``: :func:`holding_back`); warnings are what a reader would question:

==========================  ========  ==================================================
code                        severity  what
==========================  ========  ==================================================
manual-numbering            错误      a number typed by hand where the tool numbers (prints twice)
unpaired-punctuation        错误      “ ” 《 》 （ ） left open, closed twice, or nested
empty-part                  错误      a part with a title and nothing under it
empty-item                  错误      a title, text or point holding only spaces or punctuation
duplicate-text              错误      a paragraph or point (or sibling title) repeated word for word
half-width-punctuation      提示      half-width marks the build turns full-width (one per form, counted)
year-mismatch               提示      a year that does not fit the report's year
plans-only-continue         提示      every plan starts with 继续
missing-responsibility      提示      no part on the principal leaders' duty (2019 regulation), nor a word of it in another
single-dash                 提示      one “—” as 破折号 (it is “——”); not between numbers (2019—2022年)
space-before-mark           提示      a space before 。，、；：？！ (prints as a gap)
paragraph-end               提示      a body paragraph with no end mark, or ending its text with ；，、
mixed-width                 提示      ＋ beside +, ％ beside %, ～ beside ~, ＝ beside = in one report
inconsistent-institutions   提示      区委区政府 beside 区委、区政府 (any such pair, with and without 顿号)
title-only                  提示      an item with a title and nothing under it
overlong-paragraph          提示      a paragraph printing over 600 characters
inconsistent-numbers        提示      5宗 and 五宗 in one report
invisible-character         错误/提示  a direction control (prints backwards) / a zero-width character
replacement-character       错误      “\ufffd” left where an imported source had bytes of no encoding
closing-twice               错误      特此报告 typed at the end of the body, and asked for by ``closing`` too
missing-date                提示      no 成文日期, so no 落款 either
missing-signer              提示      a 发文字号 and no 签发人 (a 报告 is 上行文: 条例第九条)
carried-over                提示      二、上年结转 is not last year's 四、结转下年度继续办理 (with --previous)
overview-too-long           提示      一、总体情况 over 1000 characters (政府信息公开工作年度报告)
problems-repeated           提示      五、存在的主要问题 as last year's, word for word (with --previous)
prescribed-heading          提示      a 政府信息公开 part's title other than the format's (五、存在的主要问题及改进情况)
published-total             提示      a total kept as the source printed it (``published``) that is not the sum printed
==========================  ========  ==================================================

Each family of findings has its module (``numbering``, ``punctuation``, ``sentences``,
``consistency``, ``years``, ``structure``, ``paragraphs``, ``numbers``, ``characters``, ``unfinished``, ``closing``,
``frame``, ``disclosure``) with a ``check(ctx)`` function; this module runs them and presents the result.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from draft.check import (
    characters,
    closing,
    consistency,
    disclosure,
    frame,
    numbering,
    numbers,
    paragraphs,
    punctuation,
    sentences,
    structure,
    unfinished,
    years,
)
from draft.check.context import Context, Finding
from draft.form.load import UnreadForm
from draft.form.read import ReadForm, read_as_fixed, read_form
from draft.model.report import Report
from draft.problems import MAX_SAME_PROBLEM, FormError, Problem, Severity

__all__ = ["CheckResult", "Finding", "check_form", "check_read", "summary", "to_json"]

CHECKS: tuple[Callable[[Context], list[Finding]], ...] = (
    numbering.check,
    punctuation.check,
    sentences.check,
    consistency.check,
    years.check,
    structure.check,
    paragraphs.check,
    numbers.check,
    characters.check,
    unfinished.check,
    closing.check,
    frame.check,
    disclosure.check,
)

#: Codes for problems that come from reading the form rather than from the check (JSON only).
INVALID_FORM = "invalid-form"
FORM_WARNING = "form-warning"


class CheckResult(NamedTuple):
    """The findings on one form, and the warnings met while reading it (e.g. a GBK file)."""

    warnings: list[Problem]
    findings: list[Finding]
    #: The report the form holds (two forms of a batch may be the same one: :mod:`draft.check.copies`).
    report: Report | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def check_form(path: Path, *, normalize: bool = True, previous: Path | None = None) -> CheckResult:
    """Read, validate and check the form at ``path``; FormError (from :func:`read_form`) if it is invalid.

    ``normalize=False`` checks the form as ``draft build --keep-punctuation`` prints it. ``previous``
    is last year's form, which this year's figures and problems are compared with.
    """
    try:
        read = read_form(path, normalize=normalize)
    except UnreadForm as unread:
        raise FormError(unread.problems + errors_beyond(unread, normalize)) from None
    last_year = read_form(previous, normalize=normalize).report if previous is not None else None
    return CheckResult(warnings=read.warnings, findings=check_read(read, last_year), report=read.report)


def errors_beyond(unread: UnreadForm, normalize: bool = True) -> list[Finding]:
    """The errors the check finds in a form that does not validate yet, as its fixes would make it: what would
    print wrong (a number typed before a title) is told in the same run as the slips. Its hints wait until the
    form validates; nothing is told of a line a fix wrote."""
    fixed = read_as_fixed(unread, normalize=normalize)
    if fixed is None:
        return []
    return [finding for finding in check_read(fixed.read) if finding.severity is Severity.ERROR and finding.line not in fixed.rewritten]


def check_read(read: ReadForm, previous: Report | None = None) -> list[Finding]:
    """Every finding on a form already read, in the order of the file; its punctuation as it was read (normalized or kept)."""
    report, positions = read.report, read.positions
    # In the order the fields are written: which of two equal texts comes "first" is the one higher in the file.
    texts = sorted(report.texts(), key=lambda text: positions.key_mark(text.path[:1]))
    nodes = {node.path: node for node in report.nodes()}
    ctx = Context(report=report, source=positions, texts=texts, nodes=nodes, previous=previous)
    findings = [finding for run in CHECKS for finding in run(ctx)]
    return _capped(sorted(findings, key=lambda f: (f.line, f.column)))


def _capped(findings: list[Finding]) -> list[Finding]:
    """The first :data:`MAX_SAME_PROBLEM` findings of each code, each code's last one followed by how many more there are."""
    listed: Counter[str] = Counter()
    last: dict[str, int] = {}
    kept: list[Finding] = []
    for finding in findings:
        if listed[finding.code] < MAX_SAME_PROBLEM:
            last[finding.code] = len(kept)
            kept.append(finding)
        listed[finding.code] += 1
    for code, index in sorted(last.items(), key=lambda item: -item[1]):  # from the end: indices stay right
        more = listed[code] - MAX_SAME_PROBLEM
        if more > 0:
            summary = kept[index]._replace(
                field="",
                place="",
                fix="",
                message=f"还有 {more:,} 处与上一条同样的问题没有逐个列出。请先改正上面列出的这些，再运行 draft check 查看其余的。",
            )
            kept.insert(index + 1, summary)
    return kept


def holding_back(findings: Iterable[Finding], *, strict: bool = False, ignore_errors: bool = False) -> list[Finding]:
    """The findings for which ``draft build`` does not write a form's report.

    Its errors, which would print wrong, unless ``ignore_errors`` (``--ignore-review-errors``); with
    ``strict`` (``--strict``) its hints too, whatever ``ignore_errors`` says. Never what draft puts right itself.
    """
    own = [finding for finding in findings if not finding.fixed_by_draft]
    if strict:
        return own
    return [] if ignore_errors else [finding for finding in own if finding.severity is Severity.ERROR]


def summary(problems: Iterable[Problem]) -> str:
    """``共 N 个错误、M 个提示。``"""
    problems = list(problems)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return f"共 {errors} 个错误、{len(problems) - errors} 个提示。"


def as_dict(problem: Problem) -> dict[str, object]:
    """A finding (or a validation problem) as ``--format json`` gives it."""
    # Validation's problems have no code of their own (but what is not the unit's own yet: unfinished-form, see
    # draft.form.unfinished): they are told apart from the findings by these two.
    code = problem.code or (INVALID_FORM if problem.severity is Severity.ERROR else FORM_WARNING)
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "field": problem.field,
        "place": problem.place,
        "severity": "error" if problem.severity is Severity.ERROR else "warning",
        "code": code,
        "message": problem.message,
        "fix": problem.fix or None,
    }


def to_json(problems: Iterable[Problem]) -> str:
    return json.dumps([as_dict(p) for p in problems], ensure_ascii=False, indent=2)
