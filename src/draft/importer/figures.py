"""The figures of last year's tables → the form's fields, found by each cell's row and column labels.

Every figure of a kind's table layout is known by the labels to its left (its row) and above
it up to the first label spanning the table (its column); the same labels are read off each
table of the source, and a figure is taken from the source cell whose labels match. Labels are
compared by meaning (:mod:`draft.importer.labels`: numbering, punctuation and brackets aside, the
kind's aliases, a misspelling read as the label it nearly is, noted), and a group the format before
2021 printed as one row gives its figures to the field the kind names. A row or column the source
lacks is 0, with a note; so is a blank cell; a figure of the source no field takes is named in a
note. The totals the source prints are compared with the sums draft computes: a difference is
noted, and the total kept as printed (:attr:`FigureReader.published_totals`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from draft.form.figure_notation import MAX_DECIMALS, MAX_WHOLE_DIGITS
from draft.importer.grid import Grid, Placed, SpanCell, expand
from draft.importer.labels import Vocabulary, canonical
from draft.importer.model import note
from draft.kinds import Kind
from draft.kinds.groups import Group
from draft.model.figures import Number, compute
from draft.model.report import FormPath
from draft.model.table import TableLayout
from draft.problems import Problem, excerpt

Key = tuple[tuple[str, ...], tuple[str, ...]]  # (row labels, column labels)
_NUMBER = re.compile(r"^-?[\d,，]*(?:\.\d+)?$")
#: A unit some pages print after a figure (8件, 96171.6万元): the figure is the number.
_UNIT = re.compile(r"(?<=\d)(?:件|个|项|次|万元)$")
#: A cell standing for nothing: 0 (a blank cell too, but that one is said).
_NOTHING = {"-", "—", "/", "／", "无", "0"}
#: How many places a note lists before it says 等.
_LISTED = 3


def _lines(text: str) -> list[str]:
    """A cell's paragraphs (a reader gives a line each), white space dropped, a unit after a figure too."""
    squeezed = (re.sub(r"\s+", "", line) for line in text.split("\n"))
    return [_UNIT.sub("", line.replace(",", "").replace("，", "")) for line in squeezed if line]


def _written_figure(text: str) -> str:
    """The figure a cell holds as written: of a cell of several paragraphs (8 / 件), the one that is a number.
    A cell of two numbers (8 / 0) is no one figure: its paragraphs are kept, and it is said to be no number."""
    lines = _lines(text)
    numbers = [line for line in lines if _NUMBER.match(line)]
    return numbers[0] if len(lines) > 1 and len(numbers) == 1 else "\n".join(lines)


def _is_label(text: str) -> bool:
    lines = _lines(text)
    return bool(lines) and "".join(lines) not in _NOTHING and not any(_NUMBER.match(line) for line in lines)


def _beyond_a_form(number: Decimal, amount: bool) -> str | None:
    """Why a form would not take ``number`` as a figure (:mod:`draft.form.figure_notation`), or None: 10¹⁰ or
    more (5,000 digits are no count, and would be no text either), or an amount to more than 6 decimals."""
    if not number.is_finite() or (number and number.adjusted() >= MAX_WHOLE_DIGITS):
        return "位数太多"
    exponent = number.as_tuple().exponent
    if amount and isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        return f"小数多于 {MAX_DECIMALS} 位"
    return None


def _keys(grid: Grid, is_label: Callable[[Placed], bool], named: Callable[[str], str] = canonical) -> dict[tuple[int, int], Key]:
    """The labels of every position that is not a label itself: to its left, and above it up to a label spanning the table.

    Both are carried along as the grid is read (the row's labels so far, each column's labels above),
    so that a table of 10,000 positions costs 10,000 steps, not one walk up its column for each.
    """
    width = len(grid[0]) if grid else 0
    names: dict[str, str] = {}

    def name(placed: Placed) -> str:
        if placed.text not in names:
            names[placed.text] = named(placed.text)
        return names[placed.text]

    keys: dict[tuple[int, int], Key] = {}
    above: list[_Column] = [_Column() for _ in range(width)]
    for r, line in enumerate(grid):
        row: dict[str, None] = {}
        row_key: tuple[str, ...] = ()
        for c, placed in enumerate(line):
            label = is_label(placed)
            if placed.start == (r, c) and not label:
                keys[(r, c)] = (row_key, above[c].key(grid, c, r, is_label, name, width))
            if label and name(placed) not in row:
                row[name(placed)] = None
                row_key = tuple(row)
        for c, placed in enumerate(line):
            if is_label(placed):
                above[c].add(name(placed), placed.cols >= width, r)
    return keys


class _Column:
    """The labels above a row of one column, nearest first, as far as the first label spanning the table.

    Walking up from a row, a label is taken once (where it is nearest), and the walk ends at the first
    label it takes that spans the table. Going down, a new label goes first; the labels below it stay
    as they were unless it is the one the walk ended at, and then (rarely) the column is walked again.
    """

    def __init__(self) -> None:
        self.labels: tuple[str, ...] = ()
        self.end: str | None = None  # the label spanning the table the walk ended at (None: it reached the top)
        self.stale_from: int | None = None  # the row below which the column must be walked again

    def add(self, label: str, spans_table: bool, r: int) -> None:
        if spans_table:
            self.labels, self.end, self.stale_from = (label,), label, None
        elif self.stale_from is None and label == self.end:
            self.stale_from = r + 1
        elif self.stale_from is None:
            self.labels = (label, *(kept for kept in self.labels if kept != label))

    def key(
        self, grid: Grid, c: int, r: int, is_label: Callable[[Placed], bool], name: Callable[[Placed], str], width: int
    ) -> tuple[str, ...]:
        """The labels above row ``r`` of column ``c``."""
        if self.stale_from is not None:
            column: list[str] = []
            self.end = None
            for y in range(r - 1, -1, -1):
                cell = grid[y][c]
                if is_label(cell) and name(cell) not in column:
                    column.append(name(cell))
                    if cell.cols >= width:
                        self.end = name(cell)
                        break
            self.labels, self.stale_from = tuple(column), None
        return self.labels


KeysOf = Callable[[Grid, Callable[[Placed], bool], Callable[[str], str]], dict[tuple[int, int], Key]]


def _ordinal_keys(grid: Grid, is_label: Callable[[Placed], bool], named: Callable[[str], str]) -> dict[tuple[int, int], Key]:
    """Every position that is not a label by the labels to its left and its place among the figures after them
    (``#0``, ``#1``…): how a figure is found in a table whose spans were lost, copied from a browser as
    tab-separated text or written in Markdown, where the cells above no longer stand over their figures.

    Where the last row of labels above has as many labels as the row has figures or more, the figures' columns
    are also known by those labels, aligned to the right (信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
    over 规章 | 1 | 0 | 11): so that a table of other columns (the format before 2021) is not read by order alone.
    """
    keys: dict[tuple[int, int], Key] = {}
    header: list[str] = []
    for r, line in enumerate(grid):
        labels = [c for c, placed in enumerate(line) if is_label(placed)]
        after = labels[-1] + 1 if labels else 0
        # up to the last cell written: the rest is the padding of a row shorter than the table
        written = max((c + 1 for c, placed in enumerate(line) if placed.text.strip()), default=0)
        if labels and written <= after:  # a row of labels only: the columns' names for the rows below
            header = [named(line[c].text) for c in labels]
            continue
        row = tuple(dict.fromkeys(named(line[c].text) for c in labels))
        count = written - after
        above = header[len(header) - count :] if count <= len(header) else []
        for index, c in enumerate(range(after, written)):
            keys[(r, c)] = (row, (f"#{index}", *above[index : index + 1]))
    return keys


def _layout_keys(layout: TableLayout, named: Callable[[str], str], keys_of: KeysOf = _keys) -> dict[FormPath, Key]:
    """Where each figure of the layout stands, as labels."""
    rows = [[SpanCell("\0" + "/".join(map(str, cell.figure)) if cell.figure else cell.text, cell.rows, cell.cols) for cell in row]
            for row in layout.rows]
    grid = expand(rows)
    if keys_of is _ordinal_keys:  # as a copy without spans gives it: a figure spanning columns is one cell
        grid = [[placed for c, placed in enumerate(line) if placed.start == (r, c) or not placed.text.startswith("\0")]
                for r, line in enumerate(grid)]
    by_position = keys_of(grid, lambda placed: not placed.text.startswith("\0"), named)
    return {tuple(grid[r][c].text[1:].split("/")): key for (r, c), key in by_position.items()}


def _layout_labels(layout: TableLayout) -> list[str]:
    return [cell.text for row in layout.rows for cell in row if not cell.figure]


class _SourceTable:
    """One table of the source: its figures by their labels read as the kind's (see :mod:`draft.importer.labels`),
    the same labels as the source wrote them (for notes), and which of its figures a layout took."""

    def __init__(self, grid: Grid, vocabulary: Vocabulary, keys_of: KeysOf) -> None:
        self.keys_of = keys_of
        #: Misspelt labels read as the kind's: as written → as the format writes it.
        self.guesses: dict[str, str] = {}

        def named(text: str) -> str:
            label, guessed = vocabulary.read(text)
            if guessed:
                self.guesses[_squeezed(text)] = vocabulary.known[label]
            return label

        keys = keys_of(grid, _is_label_cell, named)
        written = keys_of(grid, _is_label_cell, _squeezed)
        self.found = {key: grid[r][c].text for (r, c), key in keys.items()}
        self.written = {key: written[position] for position, key in keys.items()}
        #: The places by their most specific labels, the last row label and first column label: where :meth:`match` looks when not exact.
        self.near: dict[Key, list[Key]] = {}
        for row, column in self.found:
            self.near.setdefault((row[-1:], column[:1]), []).append((row, column))
        self.used: set[Key] = set()

    def match(self, wanted: Key) -> Key | None:
        """The place at ``wanted``'s labels; else the one place whose most specific labels are the same."""
        if wanted in self.found:
            return wanted
        row, column = wanted
        near = [key for key in self.near.get((row[-1:], column[:1]), []) if set(key[1]) <= set(column)]
        return near[0] if len(near) == 1 else None


def _shown(text: str) -> str:
    """A cell's text as a note quotes it: on one line (the note is a comment line of the form), its paragraphs apart."""
    return excerpt(" / ".join(line.strip() for line in text.split("\n") if line.strip()))


def _is_label_cell(placed: Placed) -> bool:
    return _is_label(placed.text)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


class FigureReader:
    """Reads a kind's figures from the source's tables, noting what it had to assume."""

    def __init__(self, kind: Kind) -> None:
        assert kind.arithmetic is not None
        self.kind = kind
        self.arithmetic = kind.arithmetic
        self.notes: list[Problem] = []
        #: The figures of the form (totals left to draft), once :meth:`read`.
        self.figures: dict[FormPath, Number] = {}
        #: The figures read from a cell of the source (the others are 0: the source has no place for them, or a blank cell).
        self.read_from_source: set[FormPath] = set()
        #: Totals the source printed that are not the sums of their figures, as printed (the form keeps them to be checked).
        self.published_totals: dict[FormPath, Number] = {}
        self._one_row = {path: group.one_row_into for path, group in _groups(kind) if group.one_row_into}

    def read(self, tables: list[list[list[SpanCell]]]) -> dict[FormPath, Number]:
        layouts = list(self.kind.tables.values())
        vocabulary = Vocabulary(self.kind.figure_groups, [label for layout in layouts for label in _layout_labels(layout)])
        grids = [expand(rows) for rows in tables]
        # each table read by its labels, then by the order of its figures (a copy that lost its spans): a tie goes to the labels
        sources = [_SourceTable(grid, vocabulary, keys_of) for keys_of in (_keys, _ordinal_keys) for grid in grids]
        values: dict[FormPath, Number] = {}
        chosen: list[_SourceTable] = []
        for layout in layouts:
            wanted_by: dict[KeysOf, dict[FormPath, Key]] = {
                keys_of: _layout_keys(layout, vocabulary.official, keys_of) for keys_of in (_keys, _ordinal_keys)
            }
            # each source's matches: the layout's table is the source matching most of its figures
            candidates = [{path: self._match(path, key, source) for path, key in wanted_by[source.keys_of].items()} for source in sources]
            best = max(range(len(sources)), key=lambda i: sum(key is not None for key in candidates[i].values()), default=None)
            if best is None or not any(key is not None for key in candidates[best].values()):
                self.notes.append(note(f"原文中没有找到“{layout.caption}”表，表单里这一表的数字都是 0，请填写。"))
                continue
            source, matched, wanted = sources[best], candidates[best], wanted_by[sources[best].keys_of]
            if source not in chosen:
                chosen.append(source)
            source.used.update(key for key in matched.values() if key is not None)
            self._read_layout(layout, wanted, source, matched, values)
        # a guess that placed a figure, said once (a table chosen by its labels and by its order made the same guesses)
        guesses = {
            written: label for source in chosen for written, label in source.guesses.items()
            if any(vocabulary.official(label) in key[0] + key[1] for key in source.used)
        }
        for written, label in guesses.items():
            self.notes.append(note(f"原文表格中的“{written}”与格式的“{label}”只差个别字，按“{label}”读入，请核对。"))
        for source in chosen:
            self._unplaced(source)
        self._totals(values)
        self.figures = {path: value for path, value in values.items() if not _computed(self.kind, path)}
        return self.figures

    def _match(self, path: FormPath, wanted: Key, source: _SourceTable) -> Key | None:
        """Where ``path`` stands in ``source``; a group the source prints as one row (the format before 2021)
        gives its figures to the field :attr:`~draft.kinds.groups.Group.one_row_into` names."""
        found = source.match(wanted)
        if found is None and self._one_row.get(path[:-1]) == path[-1]:
            one_row = source.match((wanted[0][:-1], wanted[1]))
            return one_row if one_row is not None and one_row[0] == wanted[0][:-1] else None
        return found

    def _read_layout(
        self, layout: TableLayout, wanted: dict[FormPath, Key], source: _SourceTable, matched: dict[FormPath, Key | None],
        values: dict[FormPath, Number],
    ) -> None:
        one_row = {path[:-1] for path, key in matched.items()
                   if key is not None and self._one_row.get(path[:-1]) == path[-1] and source.match(wanted[path]) is None}
        # one note for the row, not one for each of its columns
        said = {tuple(self.arithmetic.field((*group, self._one_row[group])).place.rsplit(" › ", 2)[-2:]) for group in one_row}
        for group_label, into in sorted(said):
            self.notes.append(note(
                f"原文的“{layout.caption}”表是 2021 年以前的格式，“{group_label}”只有一行："
                f"它的数字按“{group_label} › {into}”导入，其余各项为 0，请核对。"
            ))
        missing = [wanted[path][0] or wanted[path][1] for path, key in matched.items() if key is None and path[:-1] not in one_row]
        for labels in dict.fromkeys(missing):
            named = " › ".join(self._written_labels(layout, labels))
            self.notes.append(note(f"“{layout.caption}”表中没有“{named}”这一栏，按 0 导入，请核对。"))
        blank: list[FormPath] = []
        for path, key in matched.items():
            text = source.found[key] if key is not None else None
            if text is not None and text.strip():
                self.read_from_source.add(path)
            if text is not None and not text.strip():
                if _computed(self.kind, path):
                    continue  # a total left blank was not printed: draft computes it
                blank.append(path)
            values[path] = self._value(path, text)
        if blank:
            places = "；".join(self.arithmetic.field(path).place.split(" › ", 1)[-1] for path in blank[:_LISTED])
            more = f"等 {len(blank)} 格" if len(blank) > _LISTED else ""
            self.notes.append(note(f"“{layout.caption}”表中有空白的格子（{places}{more}），按 0 导入，请核对。"))

    def _written_labels(self, layout: TableLayout, labels: tuple[str, ...]) -> list[str]:
        """The layout's labels as the format prints them, for a note (``labels`` are canonical)."""
        printed = {canonical(text): text for text in _layout_labels(layout)}
        return [printed.get(label, label) for label in labels if not label.startswith("#")]  # #0: a place by order

    def _unplaced(self, source: _SourceTable) -> None:
        """Each row of a source's table holding figures no field took, named with them: else they would be lost unsaid."""
        rows: dict[tuple[str, ...], list[str]] = {}
        for key, text in source.found.items():
            written = _written_figure(text)
            if key in source.used or written in _NOTHING or not written or not _NUMBER.match(written) or not written.strip("0.-"):
                continue
            row, column = source.written[key]
            names = [label for label in column if not label.startswith("#")]  # #0, #1: a place by order, no name
            rows.setdefault(row, []).append(f"{names[0]} {written}" if names else written)
        for row, figures in rows.items():
            named = " › ".join(row) or "（没有标签的一行）"
            self.notes.append(note(f"原文表格中“{named}”的数字没有对应的栏目，没有导入：{'，'.join(figures)}。请核对，需要时填入表单。"))

    def _value(self, path: FormPath, text: str | None) -> Number:
        field = self.arithmetic.field(path)
        if text is None:
            return Decimal(0) if field.decimal else 0
        written = _written_figure(text)
        if not written or written in _NOTHING:
            return Decimal(0) if field.decimal else 0
        try:
            number = Decimal(written)
        except InvalidOperation:
            self.notes.append(note(f"“{field.place}”在原文中是“{_shown(text)}”，不是数字，按 0 导入，请核对。"))
            return Decimal(0) if field.decimal else 0
        beyond = _beyond_a_form(number, field.decimal)
        if beyond is not None:
            self.notes.append(note(f"“{field.place}”在原文中是“{_shown(text)}”，{beyond}，表单写不下，按 0 导入，请核对。"))
            return Decimal(0) if field.decimal else 0
        if field.decimal:
            return Decimal(format(number, "f"))  # as the form writes it: 1000, not 1E+3
        if number != number.to_integral_value() or number < 0:
            self.notes.append(note(f"“{field.place}”在原文中是“{_shown(text)}”，不是件数，按 0 导入，请核对。"))
            return 0
        return int(number)

    def _totals(self, values: dict[FormPath, Number]) -> None:
        """The source's totals against the sums of its figures: a difference is the source's mistake, noted,
        and the total kept as printed (:attr:`published_totals`) for ``draft check`` to tell again."""
        data: dict[str, object] = {}
        for path, value in values.items():
            node = data
            for step in path[:-1]:
                node = node.setdefault(str(step), {})  # type: ignore[assignment]
            node[str(path[-1])] = int(value) if isinstance(value, int) else float(value)  # type: ignore[index]
        for disagreement in compute(self.arithmetic, data)[1]:
            place = self.arithmetic.field(disagreement.path).place if disagreement.path in values else ""
            if disagreement.path in values and _computed(self.kind, disagreement.path):
                self.published_totals[disagreement.path] = values[disagreement.path]
            self.notes.append(note(f"原文的数字不符合“{disagreement.rule}”（{place}）：表单按各项数字重新计算，请核对原文。"))


def _groups(kind: Kind) -> list[tuple[FormPath, Group]]:
    """Every group of the kind's figures with its path."""
    found: list[tuple[FormPath, Group]] = []
    pending: list[tuple[FormPath, Group]] = [((group.key,), group) for group in kind.figure_groups]
    while pending:
        path, group = pending.pop()
        found.append((path, group))
        pending += [((*path, field.key), field) for field in group.fields]
    return found


def _computed(kind: Kind, path: FormPath) -> bool:
    """A total draft computes: the form leaves it out."""
    groups = {group.key: group for group in kind.figure_groups}
    group = groups[str(path[0])]
    for step in path[1:]:
        if group.computed:
            return True
        group = next(field for field in group.fields if field.key == step)
    return group.computed
