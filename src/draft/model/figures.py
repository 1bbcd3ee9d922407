"""The figures of a report and their arithmetic: typed values that remember where they were typed.

A kind with tables (:mod:`draft.kinds`) names its figures (:class:`FigureField`), the totals
draft computes (:class:`Sum`) and the equalities the figures must keep (:class:`Balance`).
:func:`compute` reads them from a validated form: a figure the form leaves out is 0, a total
the form leaves out is computed, and a total the form does hold is checked against the sum —
every disagreement is a :class:`Disagreement` at the path of the figure the rule is checked at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

from draft.model import FormPath

Number = int | Decimal


class Figure(NamedTuple):
    value: Number
    path: FormPath  # where the form holds it (or would: a figure left out is 0)
    typed: bool  # the form holds it; False: left out (0), or a total draft computed

    def shown(self) -> str:
        """As the table prints it: a whole number as it is, an amount as written (96171.6, 0)."""
        return str(self.value)


class FigureField(NamedTuple):
    path: FormPath
    label: str  # its own name, as a message quotes it: （七）总计
    place: str  # where it is, for a person: 三、收到和处理政府信息公开申请情况 › 自然人 › （七）总计
    decimal: bool = False  # an amount (万元), not a count


class Sum(NamedTuple):
    """``total`` is the sum of ``terms``: computed when left out, checked when typed."""

    total: FormPath
    terms: tuple[FormPath, ...]
    rule: str  # the rule as a message names it
    terms_name: str  # the terms together: （一）至（六）各项之和


class Balance(NamedTuple):
    """The sum of ``left`` equals the sum of ``right``; told at ``at`` (or where its column starts)."""

    left: tuple[FormPath, ...]
    right: tuple[FormPath, ...]
    rule: str
    at: FormPath
    official: bool = True  # stated by the format itself (else deduced)


class Disagreement(NamedTuple):
    """A rule the figures break, as the model knows it: with no file or line. It is a step towards a
    :class:`~draft.problems.Problem`, made where the figures were read (:mod:`draft.form.arithmetic`
    for a form, :mod:`draft.importer.figures` for an imported report's tables)."""

    rule: str
    path: FormPath  # the figure the message points at
    message: str


Figures = Mapping[FormPath, Figure]


class Arithmetic(NamedTuple):
    """A kind's figures and their rules: everything :func:`compute` needs."""

    fields: tuple[FigureField, ...]
    sums: tuple[Sum, ...]  # in the order they are computed: a total may be a term of a later sum
    balances: tuple[Balance, ...]
    #: (this year's figure, last year's figure) that must be equal: 二、上年结转 = last year's 四、结转下年度.
    carried: tuple[tuple[FormPath, FormPath], ...] = ()

    def field(self, path: FormPath) -> FigureField:
        return _fields_by_path(self.fields)[path]


@lru_cache(maxsize=8)
def _fields_by_path(fields: tuple[FigureField, ...]) -> dict[FormPath, FigureField]:
    return {field.path: field for field in fields}


def value_at(data: Any, path: FormPath) -> Any:
    """The value at ``path`` in a form's data; None where the form has none."""
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data


#: How an amount was written in the form, where it is known (None: as YAML read it).
Written = Callable[[FormPath], str | None]


def as_number(value: Any, decimal: bool, written: str | None = None) -> Number:
    """A validated value: a count as an int, an amount as the Decimal of what was written (0.00 stays 0.00)."""
    if value is None:
        return Decimal(0) if decimal else 0
    if not decimal:
        return int(value)
    try:
        exact = Decimal(written) if written is not None else None
    except InvalidOperation:
        exact = None
    # What was typed, where it is what YAML read: the float nearest to it is the value (a 16-digit
    # amount need not print again as it was typed from its float, while its text does).
    return exact if exact is not None and exact.is_finite() and float(exact) == value else Decimal(repr(value))


def compute(
    arithmetic: Arithmetic, data: dict[str, Any], written: Written | None = None
) -> tuple[dict[FormPath, Figure], list[Disagreement]]:
    """Every figure of a validated form, totals computed, and what disagrees with the rules.

    ``written`` gives an amount as typed, so that it prints so (YAML reads 0.00 as 0.0).
    """
    figures = {}
    for field in arithmetic.fields:
        value = value_at(data, field.path)
        text = written(field.path) if written is not None and field.decimal and value is not None else None
        figures[field.path] = Figure(as_number(value, field.decimal, text), field.path, value is not None)
    found: list[Disagreement] = []
    for rule in arithmetic.sums:
        total = sum((figures[term].value for term in rule.terms), start=0)
        typed = figures[rule.total]
        if typed.typed and typed.value != total:
            label = arithmetic.field(rule.total).label
            found.append(
                Disagreement(
                    rule.rule,
                    rule.total,
                    f"{label}写的是 {typed.value}，而{rule.terms_name}是 {total}，不符合“{rule.rule}”。"
                    f"请核对各项数字并改正；也可以删去这一行，由 draft 计算。",
                )
            )
        figures[rule.total] = Figure(typed.value if typed.typed else total, rule.total, typed.typed)
    for balance in arithmetic.balances:
        left, right = (_terms(arithmetic, figures, side) for side in (balance.left, balance.right))
        if left[1] != right[1]:
            at = balance.at if figures[balance.at].typed else balance.at[:-1]
            found.append(
                Disagreement(
                    balance.rule,
                    at,
                    f"不符合“{balance.rule}”：{left[0]} = {left[1]}，{right[0]} = {right[1]}，相差 {abs(left[1] - right[1])}。"
                    "请核对这一列的各项数字，找出漏记或多记的申请。",
                )
            )
    return figures, found


def _terms(arithmetic: Arithmetic, figures: Mapping[FormPath, Figure], paths: Iterable[FormPath]) -> tuple[str, Number]:
    """``一、本年新收 3001 + 二、上年结转 34`` and its sum."""
    paths = list(paths)
    shown = " + ".join(f"{arithmetic.field(path).label} {figures[path].value}" for path in paths)
    return shown, sum((figures[path].value for path in paths), start=0)


def carried_over(arithmetic: Arithmetic, this_year: Figures, last_year: Figures) -> list[tuple[FormPath, Number, Number]]:
    """The figures carried from last year that do not match: (this year's path, this year's value, last year's)."""
    return [
        (now, this_year[now].value, last_year[then].value)
        for now, then in arithmetic.carried
        if this_year[now].value != last_year[then].value
    ]
