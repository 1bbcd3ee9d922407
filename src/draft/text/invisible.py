"""Characters that cannot be seen, or that change how the text around them is seen.

Copy-paste from web pages, Word and chat brings them in: a zero-width space in a
field name makes it a name nobody can tell from the right one; a right-to-left
override prints the text after it backwards; U+3000 (the full-width space) or a
no-break space at the start of a line is indentation YAML does not count as such.
Messages name each by what it is, so that the user knows what to delete.
"""

from __future__ import annotations

import re
import unicodedata

_NAMES = {
    "\u3000": "全角空格",
    "\u00a0": "不换行空格",
    "\u00ad": "软连字符",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字符",
    "\u200d": "零宽连字符",
    "\u2060": "零宽不换行符",
    "\ufeff": "零宽不换行空格（BOM）",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\ufffd": "乱码替换字符“\ufffd”",
}
#: Bidirectional controls: they reorder how the text after them is shown.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
#: Characters of no width: nothing shows where they are.
ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]")


def describe(char: str) -> str:
    """``零宽空格（U+200B）``."""
    if BIDI_CONTROLS.fullmatch(char) and char not in _NAMES:
        name = "文字方向控制符"
    else:
        name = _NAMES.get(char, "看不见的字符" if not char.isprintable() else "特殊的空白字符")
    return f"{name}（U+{ord(char):04X}）"


def unseen(char: str) -> bool:
    """Whether ``char`` cannot be told apart from nothing or from a space in a name: any blank but
    the space itself, and every character of no width or shape (Unicode's format characters)."""
    return char != " " and (char.isspace() or unicodedata.category(char) in ("Cf", "Zs", "Cc", "Co", "Cn"))
