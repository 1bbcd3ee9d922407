"""Numbering markers typed at the start of a line: the one grammar the check, the importer and the readers share.

A secretary numbers headings 一、（一）1.（1）, or 1、, and now and then 一. ① ⑴ ⒈ ㈠; points
open with 一是、二是. `draft check` flags such a marker typed in a form (the build numbers,
so it would print twice), the importer reads one as a level of the outline, and the .txt
and .md readers start a paragraph at one. Read with this one grammar, a line the check
flags is a line the importer would have numbered, and the other way round.

A number that belongs to the text is no marker — what a reader reads decides:

- ``1.5万``: a decimal; but ``1.2022年`` is item 1 opening with a year;
- ``1、2月``, ``一、二级``: two numbers listed (with 、, the next number: 一、二 but not
  一、一网通办 or 一、二〇二三年); ``1、2023年`` is item 1 again;
- ``2022年``, ``1名``, ``12345热线``: no separator after the number.

``①`` has no style of its own in a form: it is the level of ``（1）`` (as ⑴), ``⒈`` that of
``1.`` and ``㈠`` that of ``（一）``; the importer rebuilds it so.

What differs by who reads is an option of :func:`read_marker`, named: ``enumerator`` (一是
counts: at a point's start for the check, at any line's start for the readers) and
``needs_text_after`` (the importer's: a marker alone on its line heads nothing, while the
check flags even a title of ``一、`` alone, which would print ``一、一、``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from draft.text.numerals import DIGIT_NUMERALS, NUMERAL_1_TO_99, numeral_value

_DIGIT = "0-9０-９"
_CHINESE_NUMERALS = DIGIT_NUMERALS + "十"
#: A number from 1 to 99 in Arabic digits, half- or full-width (01 too).
_ARABIC = f"(?:[1-9１-９][{_DIGIT}]|[0０]?[1-9１-９])"
#: After a marker's dot or 、, a digit means the number goes on (1.5, 1、2月) — unless a year starts there.
_NUMBER_GOES_ON = rf"(?![{_DIGIT}]{{4}}\s*年)[{_DIGIT}]"
#: After 、 the numeral that follows, unless it begins a year (二〇二三年): 一、二级 lists 一 and 二 (see _lists_numbers).
_NEXT_NUMERAL = rf"\s*({NUMERAL_1_TO_99})(?![〇零])"

#: The grammar: each style a form writes (a value of :class:`draft.model.numbering.MarkerStyle`), and how a marker
#: of that style is typed. The first style that matches is the one: （一） before 一、.
STYLES: dict[str, str] = {
    "(一)": rf"[（(]\s*{NUMERAL_1_TO_99}\s*[）)]|[\u3220-\u3229]",  # （一） (一) ㈠
    "(1)": rf"[（(]\s*{_ARABIC}\s*[）)]|[\u2460-\u2487]|{_ARABIC}\s*[）)]",  # （1） (1) ① ⑴, and 1） 1) with no opening bracket
    "一、": rf"{NUMERAL_1_TO_99}\s*[、.．]",  # 一、 一. 一． (not 一、二级: see _lists_numbers)
    "1.": rf"{_ARABIC}\s*[.．](?!{_NUMBER_GOES_ON}|%)|[\u2488-\u249b]",  # 1. 1． ⒈ (not 1.5, nor 1.% — a number lost)
    "1、": rf"{_ARABIC}\s*、(?!{_NUMBER_GOES_ON})",  # 1、
}
#: The lead-in of a point: 一是, 二是. The build writes it; a line may open with one.
ENUMERATOR = "一是"
_ENUMERATOR = f"{NUMERAL_1_TO_99}是"


class _Compiled(NamedTuple):
    styles: tuple[tuple[str, re.Pattern[str]], ...]
    enumerator: re.Pattern[str]
    next_numeral: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    """The grammar compiled, on first use: a build reads a marker only where a dot follows 一 (draft.text.punctuation)."""
    styles = tuple((style, re.compile(pattern)) for style, pattern in STYLES.items())
    return _Compiled(styles, re.compile(_ENUMERATOR), re.compile(_NEXT_NUMERAL))


class Marker(NamedTuple):
    """A marker read at the start of a line."""

    style: str  # the style a form writes it in (a MarkerStyle's value), or ENUMERATOR for 一是
    number: int  # 1 to 99
    spelled: str  # as typed: （一）, 1．, ①
    end: int  # where the text after it starts (spaces after the marker skipped)


def read_marker(text: str, start: int = 0, *, enumerator: bool = False, needs_text_after: bool = False) -> Marker | None:
    """The marker ``text`` opens with at ``start``, or None.

    ``enumerator``: a point's lead-in 一是 counts too. ``needs_text_after``: a marker with
    nothing (but spaces) after it is none.
    """
    marker = _read(text, start, enumerator)
    if marker is None or (needs_text_after and marker.end >= len(text)):
        return None
    return marker


def _read(text: str, start: int, enumerator: bool) -> Marker | None:
    grammar = _compiled()
    for style, pattern in grammar.styles:
        found = pattern.match(text, start)
        if found:
            marker = _marker(text, style, found)
            return None if _lists_numbers(text, marker, found) else marker
    if enumerator and (found := grammar.enumerator.match(text, start)):
        return _marker(text, ENUMERATOR, found)
    return None


def _lists_numbers(text: str, marker: Marker, found: re.Match[str]) -> bool:
    """Whether the numeral after 一、 is the next number (一、二级, 三、四季度): two numbers listed, not a heading."""
    if marker.style != "一、" or not found[0].endswith("、"):
        return False
    following = _compiled().next_numeral.match(text, found.end())
    return following is not None and numeral_value(following[1]) == marker.number + 1


def _marker(text: str, style: str, found: re.Match[str]) -> Marker:
    spelled = found[0]
    written = "".join(filter(str.isnumeric, spelled))  # without the brackets, the dot or 、, spaces, 是
    if written.isdecimal():
        number = int(written)
    elif len(written) == 1 and written not in _CHINESE_NUMERALS:  # ① ⑴ ⒈ ㈠
        number = int(unicodedata.numeric(written))
    else:
        number = numeral_value(written)
    end = found.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return Marker(style, number, spelled, end)
