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
#: The ``<`` of anything the parser looks for the end of.
_ANY_OPENER = re.compile(r"<(?=[!/?a-zA-Z])")
#: The parser's closing marks, reversed: the last one in a page is the first in its reverse.
_COMMENT_CLOSE_REVERSED = re.compile(r">\s*--")
_SECTION_CLOSE_REVERSED = re.compile(r">\s*]\s*]")
_MS_SECTION_CLOSE_REVERSED = re.compile(r">\s*]")
#: ``<![name`` as the parser scans it: the names it knows, and the closing marks it then looks for.
_SECTION_OPEN = re.compile(r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)?")
_SECTION_NAMES = {"temp": _SECTION_CLOSE_REVERSED, "cdata": _SECTION_CLOSE_REVERSED, "ignore": _SECTION_CLOSE_REVERSED,
                  "include": _SECTION_CLOSE_REVERSED, "rcdata": _SECTION_CLOSE_REVERSED, "if": _MS_SECTION_CLOSE_REVERSED,
                  "else": _MS_SECTION_CLOSE_REVERSED, "endif": _MS_SECTION_CLOSE_REVERSED}
#: A start tag as far as the parser reads it (a quoted value after ``=`` may hold a ``>``); possessive,
#: so that matching a long one keeps no states to go back to.
_START_TAG = re.compile(r"""<[a-zA-Z](?:[^>"'=]+|=\s*"[^"]*"|=\s*'[^']*'|[="'])*+""")
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


def _unopened(text: str) -> str:
    """Each ``<`` opening a construct with no closing mark after it, written ``&lt;``.

    Done by stretches, not ``<`` by ``<``: after the last ``>`` every construct is unclosed, and
    between the last comment's close and the last ``>`` every comment is.
    """
    text = _unknown_sections(text)
    last_gt = text.rfind(">")
    found = _COMMENT_CLOSE_REVERSED.search(text[::-1])
    comments_from = max(0, len(text) - found.end() - 3) if found else 0
    comments = text[comments_from : last_gt + 1].replace("<!--", "&lt;!--")
    return text[:comments_from] + comments + _ANY_OPENER.sub("&lt;", text[last_gt + 1 :])


def _unknown_sections(text: str) -> str:
    """Each ``<![`` the parser would fail on: a name it does not know (it raises), or no closing mark after it."""
    if "<![" not in text:
        return text
    reversed_text = text[::-1]
    last_closes: dict[re.Pattern[str], int] = {}

    def last_close(reversed_pattern: re.Pattern[str]) -> int:
        """Where the last closing mark of that kind starts (-1: none); searched for once."""
        if reversed_pattern not in last_closes:
            found = reversed_pattern.search(reversed_text)
            last_closes[reversed_pattern] = len(text) - found.end() if found else -1
        return last_closes[reversed_pattern]

    def checked(section: re.Match[str]) -> str:
        close = _SECTION_NAMES.get((section.group(1) or "").lower())
        return section.group() if close is not None and last_close(close) >= section.start() + 3 else "&lt;" + section.group()[1:]

    return _SECTION_OPEN.sub(checked, text)


def _count_attributes(text: str) -> None:
    """Refuse a tag with more attributes than :data:`MAX_ATTRIBUTES` before the parser lists them all."""
    for tag in _START_TAG.finditer(text):  # one after another: the parser reads a tag inside another as part of it
        if tag.end() - tag.start() > MAX_ATTRIBUTES and _SEPARATOR.subn("", tag.group())[1] > MAX_ATTRIBUTES:
            raise too_much("网页中一个标签的属性", MAX_ATTRIBUTES)
