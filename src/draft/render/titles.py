"""Break a long report title into lines the way a secretary would (GB/T 9704 §7.3.1).

The rule, in order:

1. A title that fits one line (about 20 characters of 2号 type in the 156 mm
   type area; a half-width digit counts as half) stays on one line.
2. Otherwise it breaks only at a phrase boundary: after the issuing unit, after
   关于, before the year, or between two words of the rest — never inside a
   number or year, a Latin word, a bracketed phrase, the fixed terms
   法治政府 / 年度报告 / 法治建设, and never so that a line ends with a particle
   (的、之、和、与、及、等) or starts with punctuation.
3. Of the allowed breaks it takes the one whose lines are most nearly equal,
   preferring an upper line no longer than the lower (正梯形) and the named
   boundaries of rule 2 over any other; a remainder still too long is broken again.
"""

from __future__ import annotations

import re

from draft.text.names import UNIT_BEFORE_YEAR, YEAR_DIGITS
from draft.text.width import display_width

LINE_WIDTH = 20.0
_PARTICLES = "的之和与及等并了"
_NO_LINE_START = "，。、；：？！）》」』”’·…—"
_NO_LINE_END = "（《「『“‘"
_FIXED_TERMS = ("法治政府", "年度报告", "法治建设", "依法行政", "工作情况", "情况报告")
_PREFERRED = re.compile(rf"关于|(?={YEAR_DIGITS}年)")
_PROTECTED = re.compile(r"\d+(?:\.\d+)?年度?|[A-Za-z0-9.]+|（[^）]*）|《[^》]*》|“[^”]*”")


def width(text: str) -> float:
    """Display width in 2号 characters: half-width characters count half."""
    return display_width(text) / 2


#: Lines beyond which a title is not broken by rule: real titles take two or three.
MAX_LINES = 6


def break_title(title: str, line_width: float = LINE_WIDTH) -> list[str]:
    """The title's lines (one string per line)."""
    title = title.strip()
    if width(title) <= line_width:
        return [title]
    if width(title) > MAX_LINES * line_width:
        # No real title is this long; weighing every break of such a text would take minutes
        # (each line's choice looks at the whole rest), so Word wraps it as it would any text.
        return [title]
    best = _best_break(title, line_width)
    if best is None:
        return [title]  # nothing allowed: Word wraps it, which beats breaking a word
    head, tail = title[:best], title[best:]
    return [head] + break_title(tail, line_width)


def _best_break(title: str, line_width: float) -> int | None:
    preferred = _preferred_breaks(title)
    candidates = [i for i in range(1, len(title)) if _allowed(title, i) and width(title[:i]) <= line_width]
    if not candidates:
        return None

    def cost(i: int) -> tuple[float, ...]:
        head, tail = width(title[:i]), width(title[i:])
        overflow = max(0.0, tail - line_width)  # a tail this long needs another break
        trapezoid = 0.0 if head <= tail else 1.0
        return (overflow > 0 and i not in preferred, overflow, i not in preferred, trapezoid, abs(tail - head))

    return min(candidates, key=cost)


def _preferred_breaks(title: str) -> set[int]:
    breaks = {m.end() if m.group() else m.start() for m in _PREFERRED.finditer(title)}
    unit = UNIT_BEFORE_YEAR.match(title)
    if unit:
        breaks.add(unit.end())
    return {i for i in breaks if 0 < i < len(title)}


def _allowed(title: str, i: int) -> bool:
    before, after = title[i - 1], title[i]
    if before in _PARTICLES or before in _NO_LINE_END or after in _NO_LINE_START:
        return False
    for pattern_match in _PROTECTED.finditer(title):
        if pattern_match.start() < i < pattern_match.end():
            return False
    for term in _FIXED_TERMS:
        start = title.find(term)
        while start != -1:
            if start < i < start + len(term):
                return False
            start = title.find(term, start + 1)
    return True
