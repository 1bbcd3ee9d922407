"""Undo the space YAML puts where a text wrapped over lines meets among Chinese.

YAML folds a line break inside a plain, quoted or ``>`` text into a space:
right for English, wrong for Chinese, where ``在肯定成绩的同时，`` wrapped
onto ``我们……`` must read ``同时，我们`` in the report. PyYAML does not say
where it folded, so the value is walked side by side with the text as written:
a space in the value that stands for a run of white space holding a line break
is a fold. Anything the walk cannot account for (escapes, more-indented lines
of a ``>`` text) leaves the value exactly as YAML read it: only folds change.
"""

from __future__ import annotations

import re

from draft.text.chinese import chinese_at_join

_LINE_BREAKS = "\r\n\u2028\u2029"
_FOLDED_BREAKS = re.compile(r"(?<=[^\n])\n+(?=[^\n])")  # between text: not the final break a ">" text keeps
_WHITE = " \t" + _LINE_BREAKS


def join_folded_lines(value: str, written: str, style: str | None) -> str:
    """``value`` without the spaces that folded line breaks of ``written`` became among Chinese.

    ``written`` is the scalar as it stands in the form, quotes or ``>`` header included;
    ``style`` is PyYAML's: None (plain), ``'``, ``"`` or ``>``.
    """
    if not any(char in written for char in _LINE_BREAKS):
        return value  # written on one line: most values, so checked first
    # A blank line is all that folds into a line break, and it starts a new paragraph: the
    # paragraphs of a form's text are split at blank lines, which a lone break would not be.
    value = _FOLDED_BREAKS.sub("\n\n", value)
    folds = _folds(value, written, _content_start(written, style), style) if " " in value else []
    if not folds:
        return value
    kept, start = [], 0
    for fold in folds:
        if 0 < fold < len(value) - 1 and chinese_at_join(value[fold - 1], value[fold + 1]):
            kept.append(value[start:fold])
            start = fold + 1
    kept.append(value[start:])
    return "".join(kept)


def _content_start(written: str, style: str | None) -> int:
    if style in ("'", '"'):
        return 1
    if style == ">":
        header_end = next((i for i, char in enumerate(written) if char in _LINE_BREAKS), len(written))
        return _skip(written, header_end, _WHITE)
    return 0


def _folds(value: str, written: str, j: int, style: str | None) -> list[int]:
    """Indexes in ``value`` of the spaces that are folded line breaks; [] where the walk fails."""
    folds: list[int] = []
    i = 0
    while i < len(value):
        char = value[i]
        run_end = _skip(written, j, _WHITE) if char in " \n" else j
        if any(c in _LINE_BREAKS for c in written[j:run_end]):
            if char == " ":
                folds.append(i)
                i += 1
            else:  # blank lines: the breaks stay breaks
                i = _skip(value, i, "\n")
            j = run_end
        elif style == "'" and char == "'" and written.startswith("''", j):
            i, j = i + 1, j + 2
        elif j < len(written) and written[j] == char:
            i, j = i + 1, j + 1
        else:
            return []
    return folds


def _skip(text: str, index: int, chars: str) -> int:
    while index < len(text) and text[index] in chars:
        index += 1
    return index
