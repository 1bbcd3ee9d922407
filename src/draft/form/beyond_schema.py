"""The checks a form needs that its schema cannot state: the date against the year, the kind, a closing that is a yes.

cerberus checks each field by its own rules; a date that is a real date but years from the
report's year, or a kind draft does not know (there is then no schema to check against) need
the form as a whole; a ``closing`` that answers yes or no in words (``ture``, ``"true"``, ``是``) is text
to the schema, and would print as the closing line (“ture。”), so they are found here (and what is still a sample's or draft init's, in
:mod:`draft.form.unfinished`).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from draft.form.load import LoadedForm
from draft.kinds import all_kinds
from draft.problems import Problem, Severity
from draft.text.dates import DateForYear, date_for_year, parse_date, written_date


def date_problems(loaded: LoadedForm, data: dict[str, Any]) -> list[Problem]:
    """A report on year Y is written after Y ends, early in Y+1, or late in Y itself (a 提示 then): a date
    earlier, or years after, is a slip of the keyboard (:func:`draft.text.dates.date_for_year`)."""
    year, raw = data.get("year"), data.get("date")
    date = parse_date(raw) if isinstance(raw, (str, datetime.date)) else None
    if isinstance(year, bool) or not isinstance(year, int) or date is None:
        return []  # a year that is no year (true is an int to Python) is told by the schema
    timing = date_for_year(date, year)
    if timing is DateForYear.EXPECTED:
        return []
    written = f"date（成文日期）{written_date(date)}"
    severity = Severity.ERROR
    if timing is DateForYear.IN_THE_YEAR:
        message = f"{written} 在 {year} 年度结束之前。年度报告也有在当年年底成文的；如果确是这一天，可以不改。"
        severity = Severity.WARNING
    elif timing is DateForYear.TOO_EARLY:
        message = f"{written} 早于 {year} 年度结束。报告应在 {year} 年之后成文，例如 {year + 1}-01-15。"
    else:
        message = f"{written} 比 {year} 年度晚了 {date.year - year} 年。报告通常在下一年年初成文，例如 {year + 1}-01-15。"
    return [loaded.problem_at(("date",), message, severity=severity)]


#: Words that answer “a closing?” rather than say one; compared with the value stripped, lower-cased and without 。.
_YES_OR_NO = frozenset(
    "true false yes no y n on off ok 是 否 对 错 要 不要 需要 不需要 有 无 没有 用 不用 加 不加 好 是的 不是".split()
)
#: What a Chinese closing never is: only Latin letters (ture, treu, flase, True…), a true or false mistyped.
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def closing_problems(loaded: LoadedForm, data: dict[str, Any]) -> list[Problem]:
    """A ``closing`` written as a yes or no (a mistyped or quoted true/false, 是, 要…): refused, or it prints as the closing."""
    closing = data.get("closing")
    if not isinstance(closing, str):
        return []
    word = closing.strip().rstrip("。.").strip()
    if word.lower() not in _YES_OR_NO and not _LATIN_WORD.fullmatch(word):
        return []
    return [
        loaded.problem_at(
            ("closing",),
            f"closing（结束语）写的是“{word}”，会被当作结束语原样印出来，印成“{word}。”。"
            "closing 只能写 true（使用“特此报告。”）、false（不要结束语），或者写出结束语的全文。",
            fix="写 true（不加引号）或写出结束语的全文",
        )
    ]


def unknown_kind(loaded: LoadedForm) -> Problem:
    """A form of a kind draft does not know: nothing else about it can be checked."""
    from draft.form.explain import as_written  # how cerberus's errors are worded: needed only for this one

    names = "、".join(f"{kind.id}（{kind.name}）" for kind in all_kinds().values())
    return loaded.problem_at(
        ("kind",),
        f"kind（报告种类）不能写“{as_written(loaded.data.get('kind'))}”，只能写以下之一：{names}。"
        "不写 kind 时是法治政府建设年度报告。",
        place="报告种类",
    )
