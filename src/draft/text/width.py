"""How wide text shows: one rule for a terminal's columns and a title line's characters.

Unicode's East Asian Width decides: a wide or full-width character (an ideograph, 、。，（）《》)
takes two columns of a terminal, and one character of a 2号 title line; any other (a Latin
letter, a digit, “ ” — which Chinese fonts set narrow in a title) one column, half a character.
The title breaker, the help page's option table and the batch's progress line measure with it.
"""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide or full-width character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
