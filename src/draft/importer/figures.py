"""The figures of last year's tables → the form's fields, found by each cell's row and column labels.

Every figure of a kind's table layout is known by the labels to its left (its row) and above
it up to the first label spanning the table (its column); the same labels are read off each
table of the source, and a figure is taken from the source cell whose labels match. Labels are
compared without spaces, with 1、 as 1. and ( ) as （ ）, so that "第二十条 第（一）项" and "1、其他"
match the format. A row or column the source lacks is 0, with a note; the totals the source
prints are compared with the sums draft computes, and a difference is noted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from draft.form.figure_notation import MAX_DECIMALS, MAX_WHOLE_DIGITS
from draft.importer.grid import Grid, Placed, SpanCell, expand
from draft.importer.model import note
from draft.kinds import Kind
from draft.model.figures import Number, compute
from draft.model.report import FormPath
from draft.model.table import TableLayout
from draft.problems import Problem, excerpt

Key = tuple[tuple[str, ...], tuple[str, ...]]  # (row labels, column labels)
_NUMBER = re.compile(r"^-?[\d,，]*(?:\.\d+)?$")
_ITEM = re.compile(r"^(\d+)[、．.]")
_UNIFY = str.maketrans({"(": "（", ")": "）", ":": "："})
#: A cell standing for nothing: 0.
_NOTHING = {"", "-", "—", "/", "／", "无", "0"}


def _beyond_a_form(number: Decimal, amount: bool) -> str | None:
    """Why a form would not take ``number`` as a figure (:mod:`draft.form.figure_notation`), or None: 10¹⁰ or
    more (5,000 digits are no count, and would be no text either), or an amount to more than 6 decimals."""
    if not number.is_finite() or (number and number.adjusted() >= MAX_WHOLE_DIGITS):
        return "位数太多"
    exponent = number.as_tuple().exponent
    if amount and isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        return f"小数多于 {MAX_DECIMALS} 位"
    return None


def normalized(label: str) -> str:
    """A label as compared: no spaces, 1、 as 1., half-width brackets as full-width."""
    label = re.sub(r"\s+", "", label).translate(_UNIFY)
    return _ITEM.sub(r"\1.", label)


def _is_label(text: str) -> bool:
    return bool(text) and not _NUMBER.match(text.replace(" ", ""))


def _keys(grid: Grid, is_label: Callable[[Placed], bool]) -> dict[tuple[int, int], Key]:
    """The labels of every position that is not a label itself: to its left, and above it up to a label spanning the table."""
    width = len(grid[0]) if grid else 0
    keys: dict[tuple[int, int], Key] = {}
    for r, line in enumerate(grid):
        for c, placed in enumerate(line):
            if placed.start != (r, c) or is_label(placed):
                continue
            row = tuple(dict.fromkeys(normalized(grid[r][x].text) for x in range(c) if is_label(grid[r][x])))
            column: list[str] = []
            for y in range(r - 1, -1, -1):
                above = grid[y][c]
                if is_label(above) and normalized(above.text) not in column:
                    column.append(normalized(above.text))
                    if above.cols >= width:
                        break
            keys[(r, c)] = (row, tuple(column))
    return keys


def _layout_keys(layout: TableLayout) -> dict[FormPath, Key]:
    """Where each figure of the layout stands, as labels."""
    rows = [[SpanCell("\0" + "/".join(map(str, cell.figure)) if cell.figure else cell.text, cell.rows, cell.cols) for cell in row]
            for row in layout.rows]
    grid = expand(rows)
    by_position = _keys(grid, lambda placed: not placed.text.startswith("\0"))
    return {tuple(grid[r][c].text[1:].split("/")): key for (r, c), key in by_position.items()}


def _match(wanted: Key, found: dict[Key, str]) -> str | None:
    """The source text at ``wanted``'s labels; else at the one place whose most specific labels are the same."""
    if wanted in found:
        return found[wanted]
    (row, column) = wanted
    near = [text for (r, c), text in found.items() if r[-1:] == row[-1:] and c[:1] == column[:1] and set(c) & set(column) == set(c)]
    return near[0] if len(near) == 1 else None


class FigureReader:
    """Reads a kind's figures from the source's tables, noting what it had to assume."""

    def __init__(self, kind: Kind) -> None:
        assert kind.arithmetic is not None
        self.kind = kind
        self.arithmetic = kind.arithmetic
        self.notes: list[Problem] = []

    def read(self, tables: list[list[list[SpanCell]]]) -> dict[FormPath, Number]:
        grids = [expand(rows) for rows in tables]
        sources = [{key: grid[r][c].text for (r, c), key in _keys(grid, lambda p: _is_label(p.text)).items()} for grid in grids]
        values: dict[FormPath, Number] = {}
        for layout in self.kind.tables.values():
            wanted = _layout_keys(layout)
            best = max(sources, key=lambda found: sum(_match(key, found) is not None for key in wanted.values()), default={})
            matched = {path: _match(key, best) for path, key in wanted.items()}
            if not any(text is not None for text in matched.values()):
                self.notes.append(note(f"原文中没有找到“{layout.caption}”表，表单里这一表的数字都是 0，请填写。"))
                continue
            missing = [row or column for path, (row, column) in wanted.items() if matched[path] is None]
            for labels in dict.fromkeys(missing):
                self.notes.append(note(f"“{layout.caption}”表中没有“{' › '.join(labels)}”这一栏，按 0 导入，请核对。"))
            for path, text in matched.items():
                values[path] = self._value(path, text)
        self._totals(values)
        return {path: value for path, value in values.items() if not _computed(self.kind, path)}

    def _value(self, path: FormPath, text: str | None) -> Number:
        field = self.arithmetic.field(path)
        if text is None:
            return Decimal(0) if field.decimal else 0
        written = text.replace(",", "").replace("，", "").strip()
        if written in _NOTHING:
            return Decimal(0) if field.decimal else 0
        try:
            number = Decimal(written)
        except InvalidOperation:
            self.notes.append(note(f"“{field.place}”在原文中是“{text}”，不是数字，按 0 导入，请核对。"))
            return Decimal(0) if field.decimal else 0
        beyond = _beyond_a_form(number, field.decimal)
        if beyond is not None:
            self.notes.append(note(f"“{field.place}”在原文中是“{excerpt(text)}”，{beyond}，表单写不下，按 0 导入，请核对。"))
            return Decimal(0) if field.decimal else 0
        if field.decimal:
            return Decimal(format(number, "f"))  # as the form writes it: 1000, not 1E+3
        if number != number.to_integral_value() or number < 0:
            self.notes.append(note(f"“{field.place}”在原文中是“{text}”，不是件数，按 0 导入，请核对。"))
            return 0
        return int(number)

    def _totals(self, values: dict[FormPath, Number]) -> None:
        """The source's totals against the sums of its figures: a difference is the source's mistake, noted."""
        data: dict[str, object] = {}
        for path, value in values.items():
            node = data
            for step in path[:-1]:
                node = node.setdefault(str(step), {})  # type: ignore[assignment]
            node[str(path[-1])] = int(value) if isinstance(value, int) else float(value)  # type: ignore[index]
        for disagreement in compute(self.arithmetic, data)[1]:
            place = self.arithmetic.field(disagreement.path).place if disagreement.path in values else ""
            self.notes.append(note(f"原文的数字不符合“{disagreement.rule}”（{place}）：表单按各项数字重新计算，请核对原文。"))


def _computed(kind: Kind, path: FormPath) -> bool:
    """A total draft computes: the form leaves it out."""
    groups = {group.key: group for group in kind.figure_groups}
    group = groups[str(path[0])]
    for step in path[1:]:
        if group.computed:
            return True
        group = next(field for field in group.fields if field.key == step)
    return group.computed
