"""What every check reads — the resolved report and the way back to the form — and what it gives: findings.

The checks look at the text as it will print (:attr:`~draft.model.report.Text.printed`:
lines joined, punctuation normalized as the build does) but point at what the user
typed: each text's origin leads from a printed character back to the line and
column of the form (:mod:`draft.form.positions`).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from draft.form.load import Mark, format_field
from draft.form.places import place_name
from draft.form.positions import Positions
from draft.kinds import Kind, by_id
from draft.model.report import FormPath, Node, Report, Text
from draft.problems import Problem, Severity

#: What a check finds: a :class:`Problem` with its ``code`` and, where the fix is mechanical, its ``fix``
#: (made by :meth:`Context.finding`). The review lists it with :meth:`Problem.line_text` ``(tag_errors=True)``.
Finding = Problem


def part_of(text: Text) -> str:
    """The top-level field ``text`` belongs to: ``measures``, ``intro``, ``title``…"""
    return str(text.path[0]) if text.path else ""


@cache
def _text_parts(kind: str) -> frozenset[str]:
    return frozenset(part.key for part in by_id(kind).text_parts)


def line_starts(text: Text) -> list[int]:
    """Raw indices of ``text`` that begin a line the user typed, the first line excluded."""
    return text.origin.paragraph.line_starts if text.origin else []


class Context(NamedTuple):
    """What every check needs: the report, its texts in the order of the form, and the way back to the file."""

    report: Report
    #: Where the form was typed (the reader's, handed beside the report): the check runs only on a form.
    source: Positions
    texts: list[Text]  # in the order of the form
    nodes: dict[FormPath, Node]  # every part and item by its path
    previous: Report | None = None  # last year's report, when the check is given its form

    @property
    def kind(self) -> Kind:
        """The report's kind: its parts, and its figures if it has any."""
        return by_id(self.report.kind)

    def in_part(self, text: Text) -> bool:
        """Whether ``text`` is written in one of the report's parts (titles, text, points)."""
        return part_of(text) in _text_parts(self.report.kind)

    @property
    def normalize(self) -> bool:
        """Whether the report prints its punctuation normalized."""
        return self.report.normalized

    @property
    def year(self) -> int:
        return self.report.year

    def at(self, text: Text, printed_index: int = 0) -> Mark:
        """Where the character at ``printed_index`` of ``text`` was typed."""
        raw = text.raw_index(printed_index) if 0 <= printed_index < len(text.printed) else 0
        return self.at_raw(text, raw)

    def at_raw(self, text: Text, raw_index: int) -> Mark:
        return self.all_at_raw(text, [raw_index])[0]

    def all_at_raw(self, text: Text, raw_indices: list[int]) -> list[Mark]:
        """:meth:`at_raw` of each of ``raw_indices``, at once (a text may have hundreds to place)."""
        origin = text.origin
        if origin is None or not text.raw:
            return [self.source.mark(text.path)] * len(raw_indices)
        last = len(text.raw) - 1
        return self.source.in_text(origin, [origin.paragraph.value_index(min(max(i, 0), last)) for i in raw_indices])

    def place(self, path: FormPath) -> str:
        """The place at ``path`` named as a person would, items by their titles, figures by the table's labels."""
        arithmetic = self.kind.arithmetic
        if arithmetic is not None and path in {field.path for field in arithmetic.fields}:
            return arithmetic.field(path).place

        def title_of(item: FormPath) -> object:
            node = self.nodes.get(item)
            return node.title.raw if node and node.title else None

        return place_name(path, title_of, self.kind.labels)

    def finding(
        self,
        code: str,
        severity: Severity,
        path: FormPath,
        message: str,
        fix: str = "",
        mark: Mark | None = None,
        fixed_by_draft: bool = False,
    ) -> Finding:
        mark = mark or self.source.mark(path)
        return Problem(
            file=self.source.display,
            message=message,
            line=mark.line,
            column=mark.column,
            field=format_field(path),
            place=self.place(path),
            severity=severity,
            code=code,
            fix=fix,
            fixed_by_draft=fixed_by_draft,
        )

    def line_of(self, text: Text, printed_index: int = 0) -> int:
        return self.at(text, printed_index).line
