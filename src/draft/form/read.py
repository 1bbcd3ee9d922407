"""Read a form: load the YAML, validate it, and build the resolved :class:`~draft.model.report.Report`.

This is the reader of the pipeline (``YAML → Report``). It collects every
problem before giving up, so a user fixes a form in one pass, not one error per
run. Each text it makes knows the value and the lines it was typed on
(:class:`~draft.model.report.Origin`); the form's positions (lines and columns
of its keys and values) travel beside the report in :class:`ReadForm`, for the
check, so that the model holds nothing of the reader.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from draft.form.load import LoadedForm, UnreadForm, format_field, load_bytes, load_form
from draft.form.places import place_name
from draft.form.positions import Positions
from draft.form.unfinished import UNFINISHED
from draft.form.validate import validate_form
from draft.kinds import Kind, kind_of
from draft.model.numbering import STYLE_SPELLINGS
from draft.model.report import FormPath, Frame, Layout, Node, Origin, Part, PointPlacement, Report, Text, TextKind, TitlePlacement
from draft.model.resolve import TooDeep, resolve
from draft.problems import FormError, Problem, Rewrite, Severity
from draft.text.dates import parse_date
from draft.text.lines import Lines
from draft.text.paragraphs import Paragraph, one_line, split_paragraphs
from draft.text.punctuation import ChangesMemo, apply_changes, changes_found

if TYPE_CHECKING:
    from draft.model.figures import Figures

TOO_DEEP = "层级太深：公文的标题最多四级（一、（一）1.（1））。请把这些条目并入上一级的正文或要点（points），或减少一层。"


class ReadForm(NamedTuple):
    """A form that passed validation: the report model, where the form typed it, and the warnings met on the way."""

    report: Report
    positions: Positions
    warnings: list[Problem]


def read_form(path: Path, *, normalize: bool = True, today: datetime.date | None = None) -> ReadForm:
    """Load, validate and model the form at ``path``; raise FormError listing every problem.

    ``normalize=False`` keeps the punctuation as typed (``--keep-punctuation``), as does the form's
    ``normalize_punctuation: false``.
    """
    try:
        loaded = load_form(path)
    except UnreadForm as unread:
        raise UnreadForm(validated_too(unread, today), unread.recovered, unread.repaired) from None
    try:
        return read_loaded(loaded, normalize=normalize, today=today)
    except FormError as invalid:
        raise UnreadForm(invalid.problems, loaded) from None


def validated_too(unread: UnreadForm, today: datetime.date | None = None) -> list[Problem]:
    """The problems of a form YAML could not read as written, and what validation says of it as read past them.

    So one run tells a slip of YAML's and one of the form's alike (a Chinese colon and ``year: 2026年``). What
    validation says of a line that was repaired, or that has a message of the loader's, is left out: that line
    has its message already.
    """
    if unread.recovered is None:
        return unread.problems
    _, found = validate_form(unread.recovered, today)
    errors = [problem for problem in unread.problems if problem.severity is Severity.ERROR]
    told = unread.repaired | {problem.line for problem in errors}
    errors += [problem for problem in found if problem.line not in told]
    errors.sort(key=lambda problem: (problem.line, problem.column))
    return errors + [problem for problem in unread.problems if problem.severity is not Severity.ERROR]


class FixedForm(NamedTuple):
    """A form read as its fixes make it, and the lines whose words a fix changed (not only their indentation)."""

    read: ReadForm
    rewritten: frozenset[int]


def read_as_fixed(unread: UnreadForm, *, normalize: bool = True, today: datetime.date | None = None) -> FixedForm | None:
    """The form ``unread`` with each of its problems fixed, where that gives a form that validates: for the check to
    look at the rest of a form that does not validate yet, so that one run tells all. None where it does not.

    A problem is fixed as its rewrite says; one without, on a field written on one line, by emptying that line. The
    lines keep their numbers (a rewrite into fewer lines is followed by empty ones), so that what the check finds
    is where the user wrote it; what it finds on a line whose words a fix changed is not the user's text.
    """
    if unread.recovered is None:
        return None
    source = Lines(unread.recovered.source)
    lines = [source.line(number) for number in range(1, source.count + 1)]  # as YAML counts them
    fixed: set[int] = set()
    rewritten: set[int] = set()
    done: set[Rewrite] = set()
    for problem in sorted(unread.problems, key=lambda problem: -problem.line):
        rewrite = problem.rewrite or _emptied(lines, problem.line)
        if rewrite is not None and rewrite in done:  # several characters of one line, deleted by one rewrite
            continue
        if rewrite is None or not 1 <= rewrite.first <= rewrite.last <= len(lines) or fixed & set(range(rewrite.first, rewrite.last + 1)):
            return None
        written = rewrite.text.split("\n") if rewrite.text else []
        if len(written) > rewrite.last - rewrite.first + 1:
            return None
        if [line.strip() for line in written] != [line.strip() for line in lines[rewrite.first - 1 : rewrite.last]]:
            rewritten.update(range(rewrite.first, rewrite.last + 1))
        lines[rewrite.first - 1 : rewrite.last] = written + [""] * (rewrite.last - rewrite.first + 1 - len(written))
        fixed.update(range(rewrite.first, rewrite.last + 1))
        done.add(rewrite)
    try:
        read = read_loaded(load_bytes("\n".join(lines).encode("utf-8"), unread.recovered.path), normalize=normalize, today=today)
    except FormError:
        return None
    return FixedForm(read, frozenset(rewritten))


def _emptied(lines: list[str], number: int) -> Rewrite | None:
    """Line ``number`` emptied, where it holds a field and its whole value (the next line is not indented further)."""
    if not 1 <= number <= len(lines) or ": " not in lines[number - 1]:
        return None
    depth = len(lines[number - 1]) - len(lines[number - 1].lstrip())
    after = lines[number] if number < len(lines) else ""
    if after.strip() and len(after) - len(after.lstrip()) > depth:
        return None
    return Rewrite(number, number, "")


def read_loaded(loaded: LoadedForm, *, normalize: bool = True, today: datetime.date | None = None) -> ReadForm:
    """Validate and model a form already loaded; raise FormError listing every problem."""
    return _read(loaded, normalize, today, unfinished_ok=False)[0]


def read_past_unfinished(loaded: LoadedForm, *, normalize: bool = True) -> tuple[ReadForm, list[Problem]]:
    """:func:`read_loaded`, reading a form still holding examples or placeholders all the same: the form, and
    those problems (:mod:`draft.form.unfinished`), which keep it from being built. ``draft import`` compares
    the form it writes with its source so."""
    return _read(loaded, normalize, None, unfinished_ok=True)


def _read(loaded: LoadedForm, normalize: bool, today: datetime.date | None, unfinished_ok: bool) -> tuple[ReadForm, list[Problem]]:
    data, problems = validate_form(loaded, today)
    unfinished = [problem for problem in problems if problem.code == UNFINISHED] if unfinished_ok else []
    problems = [problem for problem in problems if problem not in unfinished]
    # A 提示 (a date late in the report's own year) is listed; the form is still built.
    hints = [problem for problem in problems if problem.severity is Severity.WARNING]
    errors = [problem for problem in problems if problem.severity is not Severity.WARNING]
    if errors:
        # A value refused is not warned about as well: the warning's fix (quote “0x10”, read as 16)
        # would contradict the refusal's (write a figure in plain digits).
        refused = {problem.field for problem in errors if problem.field}
        raise FormError([warning for warning in loaded.warnings if warning.field not in refused] + problems)
    warnings = loaded.warnings + hints
    normalize = normalize and data.get("normalize_punctuation") is not False
    positions = Positions(loaded)
    read = _Reader(normalize).report(data, positions)
    try:
        report = resolve(read)
    except TooDeep as too_deep:
        raise FormError(warnings + [_too_deep(read, positions, path) for path in too_deep.paths]) from None
    return ReadForm(report=report, positions=positions, warnings=warnings), unfinished


def _part_order(kind: Kind, data: dict[str, Any]) -> list[str]:
    """The parts a form holds, in the form's order, or in the kind's when the format prescribes it."""
    keys = [part.key for part in kind.parts]
    return [key for key in keys if key in data] if kind.fixed_order else [key for key in data if key in keys]


def _too_deep(report: Report, positions: Positions, path: FormPath) -> Problem:
    """GB/T 9704 has four heading levels; a form nesting items further cannot be numbered."""
    mark = positions.key_mark(path)
    titles = {node.path: node.title.raw for node in report.nodes() if node.title}
    place = place_name(path, titles.get)
    return Problem(positions.display, TOO_DEEP, mark.line, mark.column, format_field(path), Severity.ERROR, place)


def _computed(kind: Kind, data: dict[str, Any], positions: Positions) -> Figures | None:
    """The figures of a kind with tables, totals computed; None for a kind without (imported only then)."""
    if not kind.arithmetic:
        return None
    from draft.model.figures import compute

    return compute(kind.arithmetic, data, positions.scalar_text)[0]


class _Reader:
    """Validated data → Report. Only sees data the schema accepted."""

    def __init__(self, normalize: bool) -> None:
        self.normalize = normalize
        self.memo: ChangesMemo = {}  # a text written twice (the unit, in the title and the 落款) is looked at once

    def text(self, value: str | int | float, path: FormPath, kind: TextKind, number: int = 0, paragraph: Paragraph | None = None) -> Text:
        value = str(value)
        paragraph = paragraph or one_line(value)
        raw = paragraph.text
        changes = changes_found(raw, self.memo)
        printed = apply_changes(raw, changes) if self.normalize and changes else raw
        return Text(printed, raw, changes, Origin(path, kind, number, value, paragraph))

    def field(self, data: dict[str, Any], key: str) -> Text | None:
        value = data.get(key)
        return None if value is None or value == "" else self.text(value, (key,), TextKind.FIELD)

    def paragraphs(self, value: str | int | float | None, path: FormPath) -> list[Text]:
        if value is None:
            return []
        value = str(value)
        return [
            self.text(value, path, TextKind.PARAGRAPH, number, paragraph)
            for number, paragraph in enumerate(split_paragraphs(value))
        ]

    def report(self, data: dict[str, Any], positions: Positions) -> Report:
        closing = data.get("closing", False)
        date = data.get("date")
        kind = kind_of(data)
        figures = _computed(kind, data, positions)
        return Report(
            unit=self.text(data["unit"], ("unit",), TextKind.FIELD),
            year=data["year"],
            parts=[self.part(kind, key, data[key], figures) for key in _part_order(kind, data)],
            title=self.field(data, "title"),
            recipient=self.field(data, "recipient"),
            intro=self.paragraphs(data.get("intro"), ("intro",)),
            closing=closing if isinstance(closing, bool) else self.text(closing, ("closing",), TextKind.FIELD),
            signature=self.field(data, "signature"),
            date=parse_date(date) if date is not None else None,
            layout=self.layout(data.get("layout")),
            normalized=self.normalize,
            frame=self.frame(data),
            kind=kind.id,
            figures=figures,
        )

    def frame(self, data: dict[str, Any]) -> Frame:
        """The 版头, 版记 and attachments, as far as the form writes them."""
        printed_date = data.get("printed_date")
        return Frame(
            issuers=self.names(data, "issuer_mark"),
            doc_number=self.field(data, "doc_number"),
            signers=self.names(data, "signers"),
            cc=self.names(data, "cc"),
            printed_by=self.field(data, "printed_by"),
            printed_date=parse_date(printed_date) if printed_date is not None else None,
            attachments=tuple(self.node(item, ("attachments", i)) for i, item in enumerate(data.get("attachments") or [])),
            double_sided=data.get("double_sided") is not False,
        )

    def names(self, data: dict[str, Any], key: str) -> tuple[Text, ...]:
        """A field holding one name or a list of them."""
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            return tuple(self.text(name, (key, i), TextKind.FIELD) for i, name in enumerate(value))
        return (self.text(value, (key,), TextKind.FIELD),)

    def part(self, kind: Kind, key: str, data: dict[str, Any], figures: Figures | None) -> Part:
        """A part written as text, or a part of figures with its table filled in."""
        layout = kind.tables.get(next(part.table for part in kind.parts if part.key == key) or "")
        if layout is None or figures is None:
            return Part(key, self.node(data, (key,)))
        from draft.model.table import fill

        return Part(key, Node((key,), None, [], [], [], Layout()), table=fill(layout, lambda path: figures[path].shown()))

    def node(self, data: dict[str, Any], path: FormPath) -> Node:
        title = data.get("title")
        paragraphs = self.paragraphs(data.get("text"), path + ("text",))
        return Node(
            path=path,
            title=None if title is None else self.text(title, path + ("title",), TextKind.TITLE),
            paragraphs=paragraphs,
            points=[self.text(point, path + ("points", i), TextKind.POINT) for i, point in enumerate(data.get("points") or [])],
            items=[self.node(item, path + ("items", i)) for i, item in enumerate(data.get("items") or [])],
            layout=self.layout(data.get("layout")),
            blank_text=data.get("text") is not None and not paragraphs,
        )

    @staticmethod
    def layout(data: dict[str, Any] | None) -> Layout:
        data = data or {}
        return Layout(
            numbering=STYLE_SPELLINGS[data["numbering"]] if "numbering" in data else None,
            title=TitlePlacement(data["title"]) if "title" in data else None,
            points=PointPlacement(data["points"]) if "points" in data else None,
            continue_numbering=bool(data.get("continue_numbering", False)),
            items_as_parts=bool(data.get("items_as_parts", False)),
        )
