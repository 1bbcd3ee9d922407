"""HTML made safe for :mod:`html.parser` before it reads it: in time linear in its length, in bounded memory, without an error.

Python's parser before 3.11.13 searches the rest of the page again for each construct that is
never closed — ``<a``, ``<!--``, ``</``, ``<?``, ``<![CDATA[`` with no ``>`` (or ``-->``, ``]]>``)
anywhere after it — so 100,000 of them take minutes; it raises on ``<![x[``; it builds the list of
all of a tag's attributes before draft sees one (10 million in a 20 MB tag); and ``&#`` followed
by 5,000 digits is an integer Python refuses to read. Draft cannot count on the user's Python, so
:func:`guarded` rewrites what would cost that, and nothing else:

* a ``<`` opening a construct whose closing mark appears nowhere after it is written ``&lt;``: the
  parser shows such a ``<`` as text in any case, so the page reads the same;
* a run of white space longer than :data:`_SPACE_RUN` is cut to that length (a page shows a run as
  one space; the parser's own patterns, ``--\\s*>`` and its tag pattern, rescan long runs);
* a character reference of more digits than any character has is ``&#65533``, the replacement
  character the parser gives any number beyond Unicode (leading zeros are dropped first);
* a tag with more than :data:`~draft.importer.budget.MAX_ATTRIBUTES` attributes is refused.
"""

from __future__ import annotations

import re

from draft.importer.budget import MAX_ATTRIBUTES, too_much

#: White space beyond this many characters in a row is dropped: a page shows any run as one space.
_SPACE_RUN = 64
_LONG_SPACE = re.compile(rf"(\s{{{_SPACE_RUN}}})\s+")
#: A character reference long enough to be beyond U+10FFFF (or to have leading zeros to drop).
_LONG_CHARREF = re.compile(r"&#(?:([xX])([0-9A-Fa-f]{7,})|([0-9]{8,}))")
#: What opens a construct the parser looks for the end of; the alternatives are tried in the parser's order.
_OPENER = re.compile(r"<(?:(!--)|(!\[)|(!)|(/)|(\?)|([a-zA-Z]))")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_MS_SECTION_CLOSE = re.compile(r"]\s*>")
#: ``<![name`` as the parser scans it: names it knows, and the closing marks it then looks for.
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_SECTION_NAMES = {"temp": _SECTION_CLOSE, "cdata": _SECTION_CLOSE, "ignore": _SECTION_CLOSE, "include": _SECTION_CLOSE,
                  "rcdata": _SECTION_CLOSE, "if": _MS_SECTION_CLOSE, "else": _MS_SECTION_CLOSE, "endif": _MS_SECTION_CLOSE}
#: A start tag as far as the parser reads it: a quoted value after ``=`` may hold a ``>``.
_START_TAG = re.compile(r"""<[a-zA-Z](?:[^>"'=]+|=\s*"[^"]*"|=\s*'[^']*'|[="'])*""")
#: What separates one attribute from the next (a name may follow a quote or a slash directly).
_SEPARATOR = re.compile(r"""[\s/"']+""")


def guarded(text: str) -> str:
    """``text`` rewritten so that :mod:`html.parser` reads it in linear time and memory (see the module's notes)."""
    text = _LONG_SPACE.sub(r"\1", text)
    text = _LONG_CHARREF.sub(_short_charref, text)
    _count_attributes(text)
    return _unopened(text)


def _short_charref(match: re.Match[str]) -> str:
    """The reference with its leading zeros dropped, or U+FFFD's when it is beyond Unicode (as the parser reads it)."""
    hexadecimal, digits = match.group(1), (match.group(2) or match.group(3)).lstrip("0") or "0"
    beyond = len(digits) > (6 if hexadecimal else 7) or int(digits, 16 if hexadecimal else 10) > 0x10FFFF
    return "&#65533" if beyond else f"&#{hexadecimal or ''}{digits}"


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` starts (-1: none); linear, as white space runs are short now."""
    last = -1
    for match in pattern.finditer(text):
        last = match.start()
    return last


def _unopened(text: str) -> str:
    """Each ``<`` opening a construct with no closing mark after it, written ``&lt;``."""
    last_gt = text.rfind(">")
    closes = {pattern: _last_start(pattern, text) for pattern in (_COMMENT_CLOSE, _SECTION_CLOSE, _MS_SECTION_CLOSE)}
    pieces: list[str] = []
    done = 0
    for match in _OPENER.finditer(text):
        at = match.start()
        comment, section, _declaration, _end, _pi, _tag = match.groups()
        if comment:
            closed = closes[_COMMENT_CLOSE] >= at + 4
        elif section:
            name = _SECTION_NAME.match(text, at + 3)
            close = _SECTION_NAMES.get(name.group().lower()) if name else None
            closed = close is not None and closes[close] >= at + 3
        else:
            closed = last_gt > at
        if not closed:
            pieces += [text[done:at], "&lt;"]
            done = at + 1
    return "".join(pieces) + text[done:] if pieces else text


def _count_attributes(text: str) -> None:
    """Refuse a tag with more attributes than :data:`MAX_ATTRIBUTES` before the parser lists them all."""
    for match in _START_TAG.finditer(text):
        if match.end() - match.start() > MAX_ATTRIBUTES and _SEPARATOR.subn("", match.group())[1] > MAX_ATTRIBUTES:
            raise too_much("网页中一个标签的属性", MAX_ATTRIBUTES)
