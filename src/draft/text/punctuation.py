"""Full-width punctuation among Chinese text (GB/T 15834); half-width digits, letters (GB/T 15835).

Staff type report text with the keyboard in English mode, so ``2022年,我局...如下:``
arrives with ASCII marks. A mark is made full-width only where it stands among
Chinese text. Numbers, dates, times, decimals, Latin words, URLs, e-mail
addresses and file names have ASCII on both sides of the marks inside them, so
they are left alone by construction; and no rule inserts or removes a space.

How it works. Each place that might change is a candidate: one mark, a pair of
brackets or quotes that change together, a ``...``. Some always apply (a bracket
pair with Chinese inside); the others apply when the character beside them reads
as Chinese. "Beside" is judged on the result, not on the source: in ``(a),中`` the
comma becomes ``，``, and that puts the brackets beside Chinese punctuation. Judged
on the source, ``(a)，中`` would be left behind for a second run to change again.
Rules only ever turn ASCII into Chinese punctuation, so a candidate that holds
on the source holds on the result and is settled at once (nearly all of them);
the others wait, and are looked at again whenever a character they read is
rewritten. One scan per rule plus that local follow-up: linear in the text.
Whether a character reads as Chinese is :mod:`draft.text.chinese`'s to say.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from draft.text.chinese import chinese_after, chinese_before, has_ideograph, is_ideograph
from draft.text.markers import read_marker
from draft.text.numerals import DIGIT_NUMERALS


class PunctuationChange(NamedTuple):
    """``old`` at ``offset`` in the original text becomes ``new``."""

    offset: int  # not "index": that name would hide tuple.index
    old: str
    new: str


def punctuation_changes(text: str, memo: ChangesMemo | None = None) -> list[PunctuationChange]:
    """Everything :func:`normalize_punctuation` would change, ordered by position."""
    return list(map(PunctuationChange._make, _changes(text, memo)))


def normalize_punctuation(text: str, memo: ChangesMemo | None = None) -> str:
    """``text`` with :func:`punctuation_changes` applied."""
    return apply_changes(text, _changes(text, memo))


def changes_found(text: str, memo: ChangesMemo | None = None) -> tuple[Change, ...]:
    """:func:`punctuation_changes` as plain tuples, for a reader that keeps them with each text."""
    return _changes(text, memo)


def apply_changes(text: str, changes: tuple[Change, ...]) -> str:
    """``text`` with ``changes`` (from :func:`changes_found`) made."""
    parts: list[str] = []
    position = 0
    for index, old, new in changes:
        parts += (text[position:index], new)
        position = index + len(old)
    parts.append(text[position:])
    return "".join(parts)


#: (offset, old, new): a PunctuationChange without the cost of building an object,
#: which for a long report would be most of the running time.
Change = tuple[int, str, str]


#: The changes found in each text, kept while one form is read: a text written twice
#: (the unit in the title and the 落款) is looked at once. Held for one form, it grows with nothing else.
ChangesMemo = dict[str, tuple[Change, ...]]


def _changes(text: str, memo: ChangesMemo | None) -> tuple[Change, ...]:
    if memo is None:
        return _find_changes(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _find_changes(text)
    return found


def _find_changes(text: str) -> tuple[Change, ...]:
    # Full-width digits and letters are judged as the half-width ones they become,
    # so that １,０００ is a number exactly as 1,000 is.
    plain = text.translate(_HALF_WIDTH) if _FULL_WIDTH_ALNUM.search(text) else text
    source = _Source(plain)
    rewrite = _Rewrite(source)
    for find in (_marks, _brackets, _double_quotes, _single_quotes, _periods, _ellipses, _dashes):
        find(source, rewrite)
    return tuple(sorted(_half_width_changes(text) + rewrite.changes()))


#: A position that is never Chinese: what a candidate reads on a side it ignores.
_NOWHERE = -1

# A number between a mark and Chinese text leaves the mark among Chinese:
# 参考率100%,优秀率100%;30名 → ；  The second pattern is the first written
# backwards, for the number that ends where a mark starts.
_NUMBER = re.compile(r"[0-9]+(?:[.,:][0-9]+)*%?")
_NUMBER_BACKWARDS = re.compile(r"%?[0-9]+(?:[.,:][0-9]+)*")


class _Source:
    """The text as the rules read it: full-width digits and letters already half-width."""

    def __init__(self, plain: str) -> None:
        self.plain = plain

    def char(self, index: int) -> str:
        """The character at ``index``; empty outside the text."""
        return self.plain[index] if 0 <= index < len(self.plain) else ""

    def paragraph_end(self, index: int) -> int:
        end = self.plain.find("\n", index)
        return len(self.plain) if end < 0 else end

    def match_before(self, backwards: re.Pattern[str], index: int) -> re.Match[str] | None:
        """Match a pattern written backwards against the text that ends at ``index``:
        the cost is the length of the match, not of the text before it."""
        return backwards.match(self._reversed, len(self.plain) - index)

    def left_of(self, index: int) -> int:
        """What the mark at ``index`` reads on its left: the character before it, or
        before the number that ends there."""
        number = self.match_before(_NUMBER_BACKWARDS, index)
        return index - 1 - (len(number[0]) if number else 0)

    def right_of(self, index: int) -> int:
        """What the mark at ``index`` reads on its right: the character after it, or
        after the number that starts there."""
        number = _NUMBER.match(self.plain, index + 1)
        return number.end() if number else index + 1

    @cached_property
    def _reversed(self) -> str:
        return self.plain[::-1]


# --- Deciding which candidates apply --------------------------------------------


class _Candidate:
    """Changes that apply together when the character at ``before`` (to their left)
    or at ``after`` (to their right) reads as Chinese; with ``needs_both``, both.

    (A plain class, not a dataclass: making a dataclass costs every run of draft about a millisecond.)"""

    __slots__ = ("changes", "before", "after", "needs_both", "chinese_after", "applied")

    def __init__(
        self, changes: tuple[Change, ...], before: int, after: int, needs_both: bool, chinese_after: Callable[[str], bool]
    ) -> None:
        self.changes = changes
        self.before = before
        self.after = after
        self.needs_both = needs_both
        self.chinese_after = chinese_after
        self.applied = False

    def holds(self, char: Callable[[int], str]) -> bool:
        left = chinese_before(char(self.before))
        right = self.chinese_after(char(self.after))
        return (left and right) if self.needs_both else (left or right)


class _Rewrite:
    """Collects the changes; settles candidates that wait on their neighbours."""

    def __init__(self, source: _Source) -> None:
        self._source = source
        self._settled: list[Change] = []
        self._waiting: list[_Candidate] = []

    def always(self, *changes: Change) -> None:
        self._settled += changes

    def if_chinese(
        self,
        *changes: Change,
        before: int = _NOWHERE,
        after: int = _NOWHERE,
        needs_both: bool = False,
        chinese_after: Callable[[str], bool] = chinese_after,
    ) -> None:
        candidate = _Candidate(changes, before, after, needs_both, chinese_after)
        if candidate.holds(self._source.char):
            self._settled += changes
        else:
            self._waiting.append(candidate)

    def changes(self) -> list[Change]:
        self._settled.sort()
        if self._waiting:
            self._settled = sorted(self._settled + self._settle_waiting())
        return self._settled

    def _settle_waiting(self) -> list[Change]:
        """Apply waiting candidates as their neighbours are rewritten, until none moves."""
        # What a rewritten position now reads as: the first character of its
        # replacement, which for "……" and "——" stands for every one of them.
        rewritten: dict[int, str] = {}

        def char(index: int) -> str:
            return rewritten.get(index) or self._settled_char(index) or self._source.char(index)

        readers: defaultdict[int, list[_Candidate]] = defaultdict(list)
        for candidate in self._waiting:
            readers[candidate.before].append(candidate)
            readers[candidate.after].append(candidate)
        applied: list[Change] = []
        pending = list(self._waiting)
        while pending:
            candidate = pending.pop()
            if candidate.applied or not candidate.holds(char):
                continue
            candidate.applied = True
            for index, old, new in candidate.changes:
                applied.append((index, old, new))
                for position in range(index, index + len(old)):
                    rewritten[position] = new[0]
                    pending += readers.get(position, ())
        return applied

    def _settled_char(self, index: int) -> str:
        """What ``index`` reads as after the settled changes (sorted), or "" if none touched it."""
        k = bisect_right(self._settled, index, key=itemgetter(0)) - 1
        if k >= 0:
            start, old, new = self._settled[k]
            if index < start + len(old):
                return new[0]
        return ""


# --- Full-width digits and letters ----------------------------------------------

_FULL_WIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
# U+FF10..FF5A sit exactly 0xFEE0 above their ASCII counterparts.
_HALF_WIDTH = {
    code: code - 0xFEE0
    for first, last in (("０", "９"), ("Ａ", "Ｚ"), ("ａ", "ｚ"))
    for code in range(ord(first), ord(last) + 1)
}


def _half_width_changes(text: str) -> list[Change]:
    return [
        (m.start(), m[0], m[0].translate(_HALF_WIDTH)) for m in _FULL_WIDTH_ALNUM.finditer(text)
    ]


# --- , ; : ? ! ------------------------------------------------------------------

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MARK = re.compile("[,;:?!]")
_DIGITS = frozenset("0123456789")


def _marks(source: _Source, rewrite: _Rewrite) -> None:
    char = source.char
    for m in _MARK.finditer(source.plain):
        i = m.start()
        change = (i, m[0], _FULL_WIDTH[m[0]])
        if chinese_before(char(i - 1)) or chinese_after(char(i + 1)):
            rewrite.always(change)
        # A mark between two digits belongs to the number: 1,000 10:30 3:2.
        elif not (char(i - 1) in _DIGITS and char(i + 1) in _DIGITS):
            rewrite.if_chinese(change, before=source.left_of(i), after=source.right_of(i))


# --- Paired marks ---------------------------------------------------------------


def _by_paragraph(source: _Source, pattern: re.Pattern[str]) -> Iterator[list[int]]:
    """Positions of ``pattern``, a paragraph at a time: pairs never span paragraphs."""
    positions: list[int] = []
    end = -1
    for m in pattern.finditer(source.plain):
        if m.start() > end:
            if positions:
                yield positions
            positions = []
            end = source.paragraph_end(m.start())
        positions.append(m.start())
    if positions:
        yield positions


def _lone(rewrite: _Rewrite, i: int, old: str, new: str) -> None:
    rewrite.if_chinese((i, old, new), before=i - 1, after=i + 1)


_BRACKET = re.compile("[()]")
# A bracket glued to a Latin word is notation, not Chinese text: 函数f(x)的值.
_LATIN_LETTERS = frozenset(string.ascii_letters + "_")


def _brackets(source: _Source, rewrite: _Rewrite) -> None:
    """Brackets matched in a paragraph change as a pair; unmatched ones alone."""
    for paragraph in _by_paragraph(source, _BRACKET):
        # Open brackets, and whether Chinese was seen inside each so far. Each
        # stretch between two brackets is searched once and credited to the
        # innermost open bracket, which hands it on to its parent when it closes:
        # linear however deep the nesting.
        opened: list[int] = []
        chinese_inside: list[bool] = []
        previous = paragraph[0]
        for i in paragraph:
            if opened and has_ideograph(source.plain, previous + 1, i):
                chinese_inside[-1] = True
            previous = i
            if source.plain[i] == "(":
                opened.append(i)
                chinese_inside.append(False)
            elif opened:
                has_chinese = chinese_inside.pop()
                if chinese_inside:
                    chinese_inside[-1] |= has_chinese
                _bracket_pair(source, rewrite, opened.pop(), i, has_chinese)
            else:
                _lone(rewrite, i, ")", "）")
        for o in opened:
            _lone(rewrite, o, "(", "（")


def _bracket_pair(source: _Source, rewrite: _Rewrite, o: int, c: int, has_chinese: bool) -> None:
    changes = ((o, "(", "（"), (c, ")", "）"))
    if has_chinese:
        rewrite.always(*changes)
    elif source.char(o - 1) not in _LATIN_LETTERS:
        rewrite.if_chinese(*changes, before=o - 1, after=c + 1)


_DOUBLE_QUOTE = re.compile('"')


def _double_quotes(source: _Source, rewrite: _Rewrite) -> None:
    """Straight double quotes alternate opening, closing within each paragraph."""
    for quotes in _by_paragraph(source, _DOUBLE_QUOTE):
        for o, c in zip(quotes[0::2], quotes[1::2], strict=False):  # an odd quote at the end stays as it is
            changes = ((o, '"', "“"), (c, '"', "”"))
            if has_ideograph(source.plain, o + 1, c):
                rewrite.always(*changes)
            else:
                rewrite.if_chinese(*changes, before=o - 1, after=c + 1)
        if len(quotes) % 2:
            # A quotation over several paragraphs opens each of them and closes
            # only in the last, so a lone quote is judged by where it stands.
            i = quotes[-1]
            ends_word = source.char(i - 1).strip() != "" and source.char(i + 1).strip() == ""
            _lone(rewrite, i, '"', "”" if ends_word else "“")


# Single quotes double as apostrophes (don't, students'), so only a tight pair
# around Chinese is taken: not glued to a Latin word, no space just inside, no
# other single quote or line break between.
_SINGLE_QUOTED = re.compile(r"'(?<![A-Za-z0-9]')(?![\s'])[^'‘’\n]*(?<!\s)'(?![A-Za-z0-9])")


def _single_quotes(source: _Source, rewrite: _Rewrite) -> None:
    position = 0
    while m := _SINGLE_QUOTED.search(source.plain, position):
        if has_ideograph(source.plain, m.start() + 1, m.end() - 1):
            rewrite.always((m.start(), "'", "‘"), (m.end() - 1, "'", "’"))
            position = m.end()
        else:  # not a pair around Chinese; its closing quote may open one
            position = m.start() + 1


# --- . ... -- -------------------------------------------------------------------

# A full stop follows an ideograph, or a percentage that follows one (达到99.2%.);
# so 1. 98.5% v3.11 www.gov.cn e.g. never qualify. Never before another dot or an
# ellipsis: those are the ellipsis rule's.
_DOT = re.compile(r"\.(?![.…])")
#: After these a dot is settled only when checked: a percentage (whose number must
#: follow an ideograph) or a numeral (一.总体情况 is a heading number, to be written 一、).
_NUMERALS = frozenset(DIGIT_NUMERALS + "十")
# Numerals that start their paragraph, written backwards (see _Source.match_before): where a heading number may start.
_NUMERALS_OPENING_BACKWARDS = re.compile(rf"[{DIGIT_NUMERALS}十]+(?=[^\S\n]*(?:\n|\Z))")
_SPACES = re.compile(r"[^\S\n]*")


def _sentence_ends(source: _Source, index: int) -> bool:
    """Whether the text from ``index`` (after a dot) ends the sentence: the paragraph
    ends after any spaces, or more Chinese follows (after any white space)."""
    spaces = _SPACES.match(source.plain, index)
    assert spaces is not None  # "*" matches the empty string too
    following = source.char(spaces.end())
    return following in ("", "\n") or is_ideograph(following)


def _ends_heading_number(source: _Source, index: int) -> bool:
    """Whether the dot at ``index`` ends the heading number its paragraph opens with (一.总体情况), as the
    check and the importer read markers (:mod:`draft.text.markers`)."""
    numerals = source.match_before(_NUMERALS_OPENING_BACKWARDS, index)
    if numerals is None:
        return False
    start = index - len(numerals[0])
    marker = read_marker(source.plain, start)
    return marker is not None and start + len(marker.spelled) == index + 1


def _periods(source: _Source, rewrite: _Rewrite) -> None:
    for m in _DOT.finditer(source.plain):
        i = m.start()
        previous = source.char(i - 1)
        if previous == "%":
            if not is_ideograph(source.char(source.left_of(i))):
                continue
        elif not is_ideograph(previous):
            continue
        elif previous in _NUMERALS and _ends_heading_number(source, i):
            continue
        if _sentence_ends(source, i + 1):
            rewrite.always((i, ".", "。"))
        else:
            # Not at the end of a sentence, a period needs Chinese right after it:
            # typically a closing quote or bracket, which may be about to become
            # Chinese itself: 我同意." → 我同意。”
            rewrite.if_chinese((i, ".", "。"), after=i + 1, chinese_after=chinese_before)


# Found as whole runs, so that only exactly ..., ...... or a single … becomes ……;
# longer runs stay as typed. A match can also start inside a run (..…), but then
# it follows a dot, which never reads as Chinese.
_DOT_RUN = re.compile(r"(?:\.\.\.|…)[.…]*")
_ELLIPSES = frozenset({"...", "......", "…"})


def _ellipses(source: _Source, rewrite: _Rewrite) -> None:
    for m in _DOT_RUN.finditer(source.plain):
        if m[0] in _ELLIPSES:
            rewrite.if_chinese((m.start(), m[0], "……"), before=m.start() - 1)


# Whole runs again: only exactly -- becomes ——.
_HYPHEN_RUN = re.compile("--+")


def _dashes(source: _Source, rewrite: _Rewrite) -> None:
    for m in _HYPHEN_RUN.finditer(source.plain):
        if m[0] == "--":
            rewrite.if_chinese(
                (m.start(), "--", "——"), before=m.start() - 1, after=m.end(), needs_both=True
            )
