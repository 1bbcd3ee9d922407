"""``inconsistent-numbers`` (warning): the same kind of count written in Arabic and in Chinese numerals.

``共有行政复议案件5宗……另有五宗`` reads careless; GB/T 15835 asks for one usage
within a text, Arabic numerals for counts. Only a sure count is taken: a
Chinese numeral directly followed by a measure word from a closed list, where
the same measure word also follows an Arabic number in the report.

Chinese numerals are normal, and left alone, in set phrases and approximate
numbers: a bare 一 (一批、一站式、一件事), a bare 百/千/万 (百家), ordinals (第三次、
统一), approximations (三五家、十余名、数十个、十几项), fixed political phrases
(三项制度、两个维护、四个意识 …), and anything inside 《》 or “”.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from draft.check.context import Context, Finding
from draft.model.report import Text, TextKind
from draft.problems import Severity, excerpt

CODE = "inconsistent-numbers"

MEASURE_WORDS = "宗件篇场次项家名人个期份条台册户起批所套类例轮堂支座部"
_NUMERAL = "一二两三四五六七八九十百千万零〇"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

_CHINESE = re.compile(rf"(?<![第统唯同逐每任其之单专划初周数几好万{_NUMERAL}])([{_NUMERAL}]+)([{MEASURE_WORDS}])")
_ARABIC = re.compile(rf"(?<![第0-9０-９.])([0-9０-９]+)\s*(?:余|多)?\s*([{MEASURE_WORDS}])")
_APPROXIMATE_AFTER = re.compile(r"[余多几来]")
#: Set phrases with a numeral and a measure word that are names, not counts.
FIXED_PHRASES = re.compile(
    "三项制度|两项制度|两个维护|两个确立|四个意识|四个自信|四个全面|三个务必|三个代表|五个必须|两个责任|两个大局"
    "|两个结合|三个规定|三个区分开来|两个毫不动摇|二次|[一二三四五六七八九]期(?:工程|项目)"
)
_SHOWN = 3
#: Beyond this, a Chinese numeral is no count of anything a report states (and its digits would not print).
_LARGEST_COUNT = 10**16


class _Count(NamedTuple):
    text: Text
    start: int  # printed index
    written: str  # the numeral and measure word, as printed
    value: int | None  # the Chinese numeral's value, when it has one


def chinese_number(numeral: str) -> int | None:
    """一 → 1, 十五 → 15, 二十 → 20, 两百 → 200, 三千零五 → 3005; None for 三五 (an approximation)."""
    total, digit, previous_digit = 0, None, False
    for char in numeral:
        if char in _DIGITS:
            if previous_digit and _DIGITS[char] != 0 and digit != 0:
                return None
            digit, previous_digit = _DIGITS[char], True
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit, previous_digit = None, False
        elif char == "万":
            total = (total + (digit or 0)) * 10000
            digit, previous_digit = None, False
            if total > _LARGEST_COUNT:  # 万万万…: no count, and each 万 would make a longer number to multiply
                return None
    return total + (digit or 0)


def _excluded_spans(printed: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》|“[^“”]*”", printed)]
    spans += [(m.start(), m.end()) for m in FIXED_PHRASES.finditer(printed)]
    return spans


def _counts(ctx: Context) -> tuple[dict[str, list[_Count]], dict[str, list[_Count]]]:
    arabic: dict[str, list[_Count]] = {}
    chinese: dict[str, list[_Count]] = {}
    for text in ctx.texts:
        if text.kind is TextKind.FIELD:
            continue
        printed = text.printed
        spans = _excluded_spans(printed)

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in spans)  # noqa: B023

        for m in _ARABIC.finditer(printed):
            if free(m.start(), m.end()):
                arabic.setdefault(m.group(2), []).append(_Count(text, m.start(), m.group(), None))
        for m in _CHINESE.finditer(printed):
            numeral = m.group(1)
            if numeral == "一" or numeral in ("百", "千", "万") or not free(m.start(), m.end()):
                continue
            if _APPROXIMATE_AFTER.match(printed, m.end(1)) or "几" in numeral:
                continue
            value = chinese_number(numeral)
            if value is None:
                continue
            chinese.setdefault(m.group(2), []).append(_Count(text, m.start(), m.group(), value))
    return arabic, chinese


def check(ctx: Context) -> list[Finding]:
    arabic, chinese = _counts(ctx)
    findings = []
    for word, written in chinese.items():
        digits = arabic.get(word)
        if not digits:
            continue

        def place(count: _Count) -> str:
            return f"“{excerpt(count.written)}”（第 {ctx.line_of(count.text, count.start)} 行）"

        in_chinese = "、".join(place(c) for c in written[:_SHOWN]) + ("等" if len(written) > _SHOWN else "")
        in_digits = "、".join(place(c) for c in digits[:_SHOWN]) + ("等" if len(digits) > _SHOWN else "")
        changes = "，".join(f"把“{excerpt(c.written)}”改为“{c.value}{word}”" for c in written[:_SHOWN])
        first = written[0]
        findings.append(
            ctx.finding(
                CODE,
                Severity.WARNING,
                first.text.path,
                f"“{word}”前的数字写法不统一：{in_chinese}用汉字，{in_digits}用阿拉伯数字。同一份报告里的统计数字应写法一致。",
                fix=f"统一用阿拉伯数字：{changes}",
                mark=ctx.at(first.text, first.start),
            )
        )
    return findings
