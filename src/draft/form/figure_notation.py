"""How a figure of a table is written in a form: a count in plain digits, an amount (万元) in plain
digits with at most six decimal places. Whatever else YAML reads as a number is told at its line.

cerberus checks a figure's type and sign (:mod:`draft.form.validate`), but YAML 1.1 reads many
writings as an int or a float that passes them: ``.nan``, ``.inf``, ``-0.0``, ``+12``, ``1.0e+3``,
``1_000.5``, ``1:30.5``, ``012.5``, ``12.50000000000000000001`` (12.5 once a float). A fee prints
as it was typed (``0.00`` stays ``0.00``; the spec's real ``24252.311082`` keeps its six decimals),
so what was typed (:attr:`~draft.form.load.LoadedForm.numbers_written`) is what is judged here, and
what passes is a plain decimal that prints as itself.

Light on purpose: :mod:`draft.form.explain` words a figure of the wrong type with
:func:`not_a_number`, and is imported by every validation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draft.form.load import LoadedForm
    from draft.kinds import Kind
    from draft.model.figures import FigureField
    from draft.problems import Problem

#: Most digits before the decimal point: 99 亿 applications is more than any body receives, and
#: 99 亿万元 (10¹⁴ 元) more than any fee. More is a slip of the keyboard.
MAX_WHOLE_DIGITS = 10
#: Most decimal places of an amount: the sixth decimal of 万元 is 1 分 (the spec's 24252.311082).
MAX_DECIMALS = 6

# A figure written as it prints: no sign, no leading zero, digits on both sides of the point.
_PLAIN = re.compile(r"(?P<whole>0|[1-9][0-9]*)(?:\.(?P<fraction>[0-9]+))?")
#: Longest plain form a message offers for a slip (``1.0e+3`` → ``1000``); longer ones are not offered.
_SHOWN = 24


def expected(amount: bool) -> str:
    """What a figure should be, as every message about one says it."""
    return "应写金额（万元）的数字，例如 96171.6 或 0" if amount else "应写不小于 0 的整数，例如 12 或 0"


def not_a_number(written: str, amount: bool) -> str | None:
    """What ``.nan`` or ``.inf`` (YAML's "not a number" and "infinity") are, said of a figure; None for other writings."""
    lowered = written.lower()
    if "nan" in lowered:
        meaning = "不是一个数"
    elif "inf" in lowered:
        meaning = "无穷大"
    else:
        return None
    return f"{expected(amount)}。现在写的“{written}”在 YAML 里表示“{meaning}”，不是{_what(amount)}；没有的写 0。"


def figure_problems(loaded: LoadedForm, kind: Kind) -> list[Problem]:
    """Every figure whose type and sign cerberus accepted but that is not written as a figure prints."""
    from draft.form.load import WrittenNumber
    from draft.model.figures import value_at

    assert kind.arithmetic is not None
    problems = []
    for field in kind.arithmetic.fields:
        written = loaded.numbers_written.get(field.path)
        value = value_at(loaded.data, field.path)
        if written is None or isinstance(value, WrittenNumber) or value < 0:
            continue  # not a number, or one cerberus tells (0x…, 1_000, a negative one)
        if isinstance(value, float) and not field.decimal:
            continue  # a count with decimals: cerberus tells
        slip = notation_slip(written, value, field.decimal)
        if slip is not None:
            problems.append(_problem(loaded, field, slip))
    return problems


def notation_slip(written: str, value: float, amount: bool) -> str | None:
    """What is wrong with a figure typed as ``written`` (which YAML read as ``value``), or None if it prints as typed."""
    told = not_a_number(written, amount)
    if told is not None:
        return told
    plain = _plain(written)
    instead = f"写 {plain} 而不是“{written}”" if plain else f"请直接写出每一位数字，不要写“{written}”"
    if written[0] == "-":
        return f"{_what(amount)}不能是负数，前面不要写“-”：{instead}。"
    if written[0] == "+":
        return f"{_what(amount)}前面不要写“+”：{instead}。"
    if ":" in written:
        return f"{expected(amount)}。现在写的“{written}”会被 YAML 当作六十进制的数字 {value:g}（用冒号隔开的数字），请改写。"
    if "e" in written.lower():
        return f"不要用科学计数法：{instead}。"
    if "_" in written:
        return f"数字中间不要写“_”：{instead}。"
    found = _PLAIN.fullmatch(written)
    if found is None:  # 012.5, .5, 5.
        return f"{expected(amount)}：{instead}。"
    if len(found["whole"]) > MAX_WHOLE_DIGITS:
        digits = f"的整数部分有 {len(found['whole'])} 位" if amount else f"有 {len(found['whole'])} 位"
        unit = "，单位是万元" if amount else ""
        return f"“{written}”{digits}，太大了（最多 {MAX_WHOLE_DIGITS} 位）。请检查是否多写了数字{unit}。"
    if found["fraction"] is not None and len(found["fraction"]) > MAX_DECIMALS:
        return (
            f"“{written}”有 {len(found['fraction'])} 位小数，最多写 {MAX_DECIMALS} 位（单位是万元，第 {MAX_DECIMALS} 位小数已是 1 分）。"
            "请按实际金额写，例如 18651.06。"
        )
    return None


def _plain(written: str) -> str | None:
    """``written`` as a figure is written (``+1_000.50`` → ``1000.50``, ``1.0e+3`` → ``1000.0``), or None if that is no sane figure."""
    from decimal import Decimal, InvalidOperation

    try:
        number = abs(Decimal(written.lstrip("+-")))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    shown = format(number, "f")
    return shown if len(shown) <= _SHOWN else None


def _what(amount: bool) -> str:
    return "金额" if amount else "件数"


def _problem(loaded: LoadedForm, field: FigureField, message: str) -> Problem:
    from draft.form.load import format_field
    from draft.problems import Problem

    mark = loaded.mark(field.path)
    return Problem(
        file=loaded.display,
        message=f"{field.path[-1]}（{field.label}） {message}",
        line=mark.line,
        column=mark.column,
        field=format_field(field.path),
        place=field.place,
    )

