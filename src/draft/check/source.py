"""The form's text as the checks read it: each title, paragraph and point, and where it was typed.

A check looks at the text as it will print (lines joined, punctuation
normalized) but must point at what the user typed. Three maps lead back:

    printed index ──(normalization)──▶ raw index ──(joining lines)──▶ index in the YAML value
                  ──(aligning the value with the file)──▶ line and column in the file

The last step re-reads the file and walks the value through it from the value's
mark: every non-blank character of the value must be the next non-blank
character of the file, so a position is only ever reported where it was
verified. Plain, ``|``/``>`` block and single-quoted scalars align; anything
else (escapes in double quotes, ``*alias`` copies) falls back to the start of
the value, which :meth:`~draft.form.load.LoadedForm.mark` always knows.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, NamedTuple

from draft.form.load import LoadedForm, Mark, format_field
from draft.form.places import place_name
from draft.form.read import paragraphs as build_paragraphs
from draft.form.schema import PART_LABELS
from draft.model.report import Report
from draft.problems import Problem, Severity
from draft.text.punctuation import ChangesMemo, PunctuationChange, punctuation_changes

Path_ = tuple[str | int, ...]

# The line breaks YAML counts (PyYAML and libyaml alike).
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_BLANK = " \t" + _BREAK_CHARS
# What form.paragraphs splits on: a blank line, and then str.splitlines()'s breaks.
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_NEWLINE = re.compile("\n")


# --- Positions in the file --------------------------------------------------------


def _source_text(loaded: LoadedForm) -> str | None:
    """The file's text as the loader decoded it, or None if it cannot be read again."""
    try:
        raw = loaded.path.read_bytes()
    except OSError:
        return None
    try:
        if raw.startswith(codecs.BOM_UTF8):
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return raw.decode("utf-16")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("gb18030")  # the loader's fallback for Notepad/WPS files
    except UnicodeDecodeError:
        return None


def align(source: str, start: int, value: str) -> list[int] | None:
    """The offset in ``source`` of each character of ``value``, written from ``start``; None if unsure."""
    pos = start
    # Anchors and tags written before the value: &名字 !!str
    while pos < len(source) and source[pos] in "&!":
        while pos < len(source) and source[pos] not in _BLANK:
            pos += 1
        while pos < len(source) and source[pos] in " \t":
            pos += 1
    quote = ""
    if pos < len(source) and source[pos] in "|>":
        found = _BREAK.search(source, pos)  # the text starts on the next line
        if found is None:
            return None
        pos = found.end()
    elif pos < len(source) and source[pos] in "'\"":
        quote = source[pos]
        pos += 1
    offsets: list[int] = []
    for piece in _PIECES.findall(value):
        if len(piece) > 1:
            # A run without blanks or quotes, typed as it is (most of the text): its first
            # character is found after any indentation, the rest follow it.
            while pos < len(source) and source[pos] in _BLANK:
                pos += 1
            if source.startswith(piece, pos):
                offsets += range(pos, pos + len(piece))
                pos += len(piece)
                continue
        for char in piece:
            pos = _align_char(source, pos, char, quote, offsets)
            if pos < 0:
                return None
    return offsets


#: What :func:`align` walks through at once: runs of characters that stand for themselves
#: in any scalar, and any other single character.
_PIECES = re.compile(r"[^\s'\\\"]{2,}|.", re.DOTALL)


def _align_char(source: str, pos: int, char: str, quote: str, offsets: list[int]) -> int:
    """Find ``char`` from ``pos``, append its offset; where to go on, or -1 if it is not there."""
    while pos < len(source):
        here = source[pos]
        if here == char:
            offsets.append(pos)
            return pos + (2 if (quote == "'" and char == "'") else 1)  # '' stands for '
        if char in " \n" and here in _BREAK_CHARS:  # a folded or kept line break
            offsets.append(pos)
            return pos + (2 if source.startswith("\r\n", pos) else 1)
        if here not in _BLANK:  # indentation, and spaces YAML dropped, are stepped over
            return -1
        pos += 1
    return -1


class Locator:
    """Line and column of any character of any text value of a form."""

    def __init__(self, loaded: LoadedForm) -> None:
        self.loaded = loaded
        self.source = _source_text(loaded)
        self.line_starts = [0]
        if self.source is not None:
            self.line_starts += [m.end() for m in _BREAK.finditer(self.source)]
        self._offsets: dict[Path_, list[int] | None] = {}

    def position(self, path: Path_, index: int) -> Mark:
        """Where character ``index`` of the value at ``path`` was typed (else where the value starts)."""
        return self.positions(path, [index])[0]

    def positions(self, path: Path_, indices: list[int]) -> list[Mark]:
        """:meth:`position` of each of ``indices``, at once (a value may have hundreds to place)."""
        offsets = self._value_offsets(path) or []
        start = self.loaded.mark(path)
        return [self._mark(offsets[i]) if 0 <= i < len(offsets) else start for i in indices]

    def _value_offsets(self, path: Path_) -> list[int] | None:
        if path not in self._offsets:
            self._offsets[path] = self._align(path)
        return self._offsets[path]

    def _align(self, path: Path_) -> list[int] | None:
        value: Any = self.loaded.data
        for step in path:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                return None
        mark = self.loaded.value_marks.get(path)
        if self.source is None or mark is None or isinstance(value, bool) or not isinstance(value, str | int):
            return None
        if mark.line > len(self.line_starts):
            return None
        start = self.line_starts[mark.line - 1] + mark.column - 1
        return align(self.source, start, str(value))

    def _mark(self, offset: int) -> Mark:
        line = bisect_right(self.line_starts, offset)
        return Mark(line, offset - self.line_starts[line - 1] + 1)


# --- Pieces of text ----------------------------------------------------------------


def split_paragraphs(value: str) -> list[tuple[str, list[int]]]:
    """:func:`draft.form.read.paragraphs`, and for each character of each paragraph its index in ``value``."""
    lead = len(value) - len(value.lstrip())
    stripped = value.strip()
    # Chunks between blank lines, then the lines of each chunk, as (start, end) in ``stripped``.
    chunks, begin = [], 0
    for blank in _BLANK_LINE.finditer(stripped):
        chunks.append((begin, blank.start()))
        begin = blank.end()
    chunks.append((begin, len(stripped)))
    result: list[tuple[str, list[int]]] = []
    for chunk_start, chunk_end in chunks:
        text, offsets = "", []
        line_start = chunk_start
        ends = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(stripped, chunk_start, chunk_end)]
        for line_end, next_start in [*ends, (chunk_end, chunk_end)]:
            line = stripped[line_start:line_end]
            first = line_start + len(line) - len(line.lstrip())
            line_start = next_start
            line = line.strip()
            if not line:
                continue
            if text and text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum():
                text += " "  # form.paragraphs keeps two Latin words apart
                offsets.append(lead + first - 1)
            text += line
            offsets += range(lead + first, lead + first + len(line))
        if text:
            result.append((text, offsets))
    # Should this ever disagree with what the build prints, trust the build's text
    # and point at the value's start.
    expected = build_paragraphs(value)
    if [text for text, _ in result] != expected:
        return [(text, [0] * len(text)) for text in expected]
    return result


def _line_starts(offsets: list[int], value: str) -> list[int]:
    """Indices of a piece where a new line of the value begins (its first line excluded):
    ``i`` such that a line break lies between the value characters of ``i - 1`` and ``i``."""
    if not offsets:
        return []
    # Only the piece's own stretch of the value: a value holds many paragraphs.
    breaks = _NEWLINE.finditer(value, offsets[0], offsets[-1])
    starts = {bisect_right(offsets, m.start()) for m in breaks}
    return sorted(i for i in starts if 0 < i < len(offsets))


def _normalized(raw: str, memo: ChangesMemo | None) -> tuple[str, list[int], list[PunctuationChange]]:
    """The text as the build prints it, the raw index of each printed character, and the changes."""
    changes = punctuation_changes(raw, memo)
    printed: list[str] = []
    to_raw: list[int] = []
    position = 0
    for change in changes:
        printed.append(raw[position : change.index])
        to_raw += range(position, change.index)
        printed.append(change.new)
        to_raw += [change.index] * len(change.new)
        position = change.index + len(change.old)
    printed.append(raw[position:])
    to_raw += range(position, len(raw))
    return "".join(printed), to_raw, changes


class Text(NamedTuple):
    """One piece of the report as it prints: a title, a paragraph, a point, a one-line field."""

    path: Path_  # the form value it comes from
    kind: str  # "title" (of a part or an item), "paragraph", "point" or "field"
    number: int  # which paragraph of the value (0-based); 0 for the others
    raw: str  # as typed, lines joined as the build joins them
    to_value: list[int]  # raw index → index in the value
    printed: str  # what prints: ``raw`` with punctuation normalized (when the form asks for it)
    to_raw: list[int]  # printed index → raw index
    changes: list[PunctuationChange]  # what normalization changes (or would change) in ``raw``
    line_starts: list[int]  # raw indices that begin a line of the value

    @property
    def part(self) -> str:
        """The top-level field: ``measures``, ``intro``, ``title``…"""
        return str(self.path[0])

    @property
    def in_part(self) -> bool:
        return self.part in PART_LABELS


#: One-line fields outside the parts, read as the build reads them.
_FIELDS = ("unit", "title", "recipient", "signature")


def collect_texts(data: dict[str, Any], normalize: bool, memo: ChangesMemo | None = None) -> list[Text]:
    """Every piece of text of a validated form, in the order of the form.

    ``memo`` holds the punctuation changes the build's reading of the form already found
    (:attr:`draft.form.read.ReadForm.punctuation`); the texts found again are not worked out twice.
    """
    return _Collector(normalize, memo).form(data)


class _Collector:
    def __init__(self, normalize: bool, memo: ChangesMemo | None) -> None:
        self.normalize = normalize
        self.memo = memo

    def form(self, data: dict[str, Any]) -> list[Text]:
        texts: list[Text] = []
        for key, value in data.items():
            if key in _FIELDS:
                texts += self.pieces((key,), "field", value, joined=True)
            elif key == "intro":
                texts += self.pieces((key,), "paragraph", value, joined=False)
            elif key == "closing" and isinstance(value, str | int | float) and not isinstance(value, bool):
                texts += self.pieces((key,), "field", value, joined=True)
            elif key in PART_LABELS and isinstance(value, dict):
                texts += self.node((key,), value)
        return texts

    def node(self, path: Path_, node: dict[str, Any]) -> list[Text]:
        texts = self.pieces((*path, "title"), "title", node.get("title"), joined=True)
        texts += self.pieces((*path, "text"), "paragraph", node.get("text"), joined=False)
        for i, point in enumerate(node.get("points") or []):
            texts += self.pieces((*path, "points", i), "point", point, joined=True)
        for i, item in enumerate(node.get("items") or []):
            if isinstance(item, dict):
                texts += self.node((*path, "items", i), item)
        return texts

    def pieces(self, path: Path_, kind: str, value: Any, joined: bool) -> list[Text]:
        if value is None or isinstance(value, bool):
            return []
        value = str(value)
        found = split_paragraphs(value)
        if joined and found:  # a title or a point is one paragraph whatever the user typed
            found = [("".join(text for text, _ in found), [i for _, offsets in found for i in offsets])]
        texts = []
        for number, (raw, to_value) in enumerate(found):
            printed, to_raw, changes = _normalized(raw, self.memo)
            if not self.normalize:
                printed, to_raw = raw, list(range(len(raw)))
            texts.append(Text(path, kind, number, raw, to_value, printed, to_raw, changes, _line_starts(to_value, value)))
        return texts


# --- Findings ----------------------------------------------------------------------


@dataclass(frozen=True)
class Finding(Problem):
    """A :class:`Problem` found by ``draft check``: with a stable ``code`` and, where mechanical, a ``fix``."""

    code: str = ""
    fix: str = ""
    #: Draft itself puts this right when it builds (the finding is listed to be checked, not acted on),
    #: so ``build --strict`` does not hold the report back for it.
    fixed_by_draft: bool = False

    def __str__(self) -> str:
        fix = f"（改法：{self.fix}）" if self.fix else ""
        # Beside a review's hints, its errors say so too.
        return f"{self.heading(tag_errors=True)}{self.message}{fix}"


class Context(NamedTuple):
    """What every check needs: the form, its year, its texts and the way back to the file."""

    loaded: LoadedForm
    report: Report  # the form as the build reads it: layouts resolved
    normalize: bool
    texts: list[Text]
    locator: Locator

    @property
    def data(self) -> dict[str, Any]:
        return self.loaded.data

    @property
    def year(self) -> int:
        return int(self.data["year"])

    def at(self, text: Text, printed_index: int = 0) -> Mark:
        """Where the character at ``printed_index`` of ``text`` was typed."""
        raw = text.to_raw[printed_index] if 0 <= printed_index < len(text.to_raw) else 0
        return self.at_raw(text, raw)

    def at_raw(self, text: Text, raw_index: int) -> Mark:
        return self.all_at_raw(text, [raw_index])[0]

    def all_at_raw(self, text: Text, raw_indices: list[int]) -> list[Mark]:
        """:meth:`at_raw` of each of ``raw_indices``, at once (a text may have hundreds to place)."""
        if not text.to_value:
            return [self.loaded.mark(text.path)] * len(raw_indices)
        last = len(text.to_value) - 1
        return self.locator.positions(text.path, [text.to_value[min(max(i, 0), last)] for i in raw_indices])

    def finding(
        self,
        code: str,
        severity: Severity,
        path: Path_,
        message: str,
        fix: str = "",
        mark: Mark | None = None,
        fixed_by_draft: bool = False,
    ) -> Finding:
        mark = mark or self.loaded.mark(path)
        return Finding(
            file=self.loaded.display,
            message=message,
            line=mark.line,
            column=mark.column,
            field=format_field(path),
            place=place_name(path, self.loaded.data),
            severity=severity,
            code=code,
            fix=fix,
            fixed_by_draft=fixed_by_draft,
        )

    def line_of(self, text: Text, printed_index: int = 0) -> int:
        return self.at(text, printed_index).line
