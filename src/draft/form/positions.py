"""Where each text of a form was typed: line and column of any character of any value.

A check looks at the text as it will print (lines joined, punctuation
normalized) but must point at what the user typed. Three maps lead back:

    printed index ──(normalization, Text.raw_index)──▶ raw index ──(joining lines, Paragraph.value_index)──▶
    index in the YAML value ──(aligning the value with the file, here)──▶ line and column in the file

The last step walks the value through the form's text (as the loader decoded it)
from the value's mark: every non-blank character of the value must be the next
non-blank character of the file, so a position is only ever reported where it was
verified. Plain, ``|``/``>`` block and single-quoted scalars align; anything
else (escapes in double quotes, ``*alias`` copies) falls back to the start of
the value, which :meth:`~draft.form.load.LoadedForm.mark` always knows.
"""

from __future__ import annotations

import re

from draft.form.load import LoadedForm, Mark
from draft.model.report import FormPath, Origin
from draft.text.lines import LINE_BREAK, LINE_BREAKS, Lines

_BLANK = " \t" + LINE_BREAKS


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
        found = LINE_BREAK.search(source, pos)  # the text starts on the next line
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
        if char in " \n" and here in LINE_BREAKS:  # a folded or kept line break
            offsets.append(pos)
            return pos + (2 if source.startswith("\r\n", pos) else 1)
        if here not in _BLANK:  # indentation, and spaces YAML dropped, are stepped over
            return -1
        pos += 1
    return -1


class Positions:
    """Line and column of the values of one form, and of any character of its texts.

    Worked out only when asked (a build whose check finds nothing asks for few), each
    value aligned at most once.
    """

    def __init__(self, loaded: LoadedForm) -> None:
        self.display = loaded.display  # the file, as messages name it
        # The form's marks and text only: its values are the model's business.
        self._marks = loaded._replace(data={})
        # The same lines as the loader counts, so that a check's finding and a message of the
        # loader's point at one line.
        self._lines = Lines(loaded.source)
        self._offsets: dict[FormPath, list[int] | None] = {}

    def mark(self, path: FormPath) -> Mark:
        """Where the value at ``path`` starts, or else its nearest ancestor that has a mark."""
        return self._marks.mark(path)

    def scalar_text(self, path: FormPath) -> str | None:
        """A number as it was typed (``0.00``, which YAML reads as 0.0), or None."""
        return self._marks.numbers_written.get(path)

    def key_mark(self, path: FormPath) -> Mark:
        """Where the key introducing ``path`` starts, falling back to :meth:`mark`."""
        return self._marks.key_mark(path)

    def last_field(self) -> FormPath:
        """The top-level field written last in the form: where a missing one is best added."""
        fields = [path for path in self._marks.key_marks if len(path) == 1]
        return max(fields, key=self._marks.key_marks.__getitem__, default=())

    def in_text(self, origin: Origin, value_indices: list[int]) -> list[Mark]:
        """Where each of ``value_indices`` of ``origin``'s value was typed (else where the value starts)."""
        offsets = self._value_offsets(origin) or []
        start = self.mark(origin.path)
        return [self._mark(offsets[i]) if 0 <= i < len(offsets) else start for i in value_indices]

    def _value_offsets(self, origin: Origin) -> list[int] | None:
        if origin.path not in self._offsets:
            self._offsets[origin.path] = self._align(origin)
        return self._offsets[origin.path]

    def _align(self, origin: Origin) -> list[int] | None:
        mark = self._marks.value_marks.get(origin.path)
        if mark is None or mark.line > self._lines.count:
            return None
        return align(self._lines.text, self._lines.index(mark.line, mark.column), origin.value)

    def _mark(self, offset: int) -> Mark:
        return Mark(*self._lines.position(offset))
