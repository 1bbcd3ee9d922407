"""Text typed over several lines → paragraphs: the one splitter of forms and imported reports.

A blank line starts a new paragraph; the lines of one paragraph are joined as
Chinese is written: without a space, except between two Latin letters or digits
(``English`` / ``words``). Marks are not judged here: a line ending in a half-width
``)`` before ``2022年`` is still Chinese, and becomes ``）`` only later. Each paragraph remembers where each of its lines began in the
text it was split from, so that the check can point at the line a user typed.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from draft.text.lines import LINE_BREAK

# A blank line between paragraphs. The lines inside one break where YAML breaks them (LINE_BREAK):
# the characters str.splitlines() breaks at besides are refused in a form.
_BLANK_LINE = re.compile(r"\n\s*\n")


class Paragraph(NamedTuple):
    """One paragraph, and for each line it was typed on: (its index here, its index in the value)."""

    text: str
    lines: tuple[tuple[int, int], ...]

    def value_index(self, index: int) -> int:
        """Where character ``index`` of the paragraph stands in the value it was split from.

        A space put between two joined lines stands where the earlier line ended.
        """
        if not self.lines:
            return 0
        line = max(bisect_right(self.lines, (index, sys.maxsize)) - 1, 0)
        here, there = self.lines[line]
        return there + index - here

    @property
    def line_starts(self) -> list[int]:
        """Indices of the paragraph where a typed line begins, the first line excluded."""
        return [here for here, _ in self.lines[1:]]


def join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph (already stripped) as one line of text."""
    return _Joiner().extend(lines).text()


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


class _Joiner:
    """Lines joined one by one, in time proportional to their length (a paragraph may have thousands)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0

    def add(self, line: str) -> int:
        """Append a non-empty line; its index in the joined text."""
        if self.pieces and _latin(self.pieces[-1][-1]) and _latin(line[0]):
            self.pieces.append(" ")
            self.length += 1
        self.pieces.append(line)
        self.length += len(line)
        return self.length - len(line)

    def extend(self, lines: Iterable[str]) -> _Joiner:
        for line in lines:
            if line:
                self.add(line)
        return self

    def text(self) -> str:
        return "".join(self.pieces)


def split_paragraphs(value: str) -> list[Paragraph]:
    """The paragraphs of a text as typed: split at blank lines, each line stripped, lines joined."""
    found: list[Paragraph] = []
    start = 0
    for blank in [*_BLANK_LINE.finditer(value), None]:
        end = blank.start() if blank else len(value)
        paragraph = _paragraph(value, start, end)
        if paragraph.text:
            found.append(paragraph)
        start = blank.end() if blank else end
    return found


def one_line(value: str) -> Paragraph:
    """A one-line field (a title, a point) as it prints: its paragraphs run together, as its lines are."""
    if LINE_BREAK.search(value) is None:  # typed on one line, as nearly every title and point is
        return _single(value)
    text, lines = "", []
    for paragraph in split_paragraphs(value):
        lines += [(here + len(text), there) for here, there in paragraph.lines]
        text += paragraph.text
    return Paragraph(text, tuple(lines))


def _single(line: str) -> Paragraph:
    stripped = line.strip()
    return Paragraph(stripped, ((0, len(line) - len(line.lstrip())),) if stripped else ())


def _paragraph(value: str, start: int, end: int) -> Paragraph:
    joiner = _Joiner()
    lines: list[tuple[int, int]] = []
    line_start = start
    for line_end, next_start in [*((m.start(), m.end()) for m in LINE_BREAK.finditer(value, start, end)), (end, end)]:
        line = value[line_start:line_end]
        stripped = line.strip()
        first = line_start + len(line) - len(line.lstrip())
        line_start = next_start
        if not stripped:
            continue
        lines.append((joiner.add(stripped), first))
    return Paragraph(joiner.text(), tuple(lines))
