"""What reads as Chinese: an ideograph, Chinese punctuation beside a mark, two pieces of text that join with no space.

One answer for every part of draft that asks: the decoder (is a file Chinese text at
all), the paragraph joiner and line folding (a space where two lines meet, or none)
and punctuation normalization (is a mark among Chinese), so that they never disagree.
"""

from __future__ import annotations

# Tested a character at a time, in Python. A regex class of the ideographs would be
# shorter to write, but compiling one costs Python's regex compiler milliseconds (it
# walks every one of the 28,000 code points of the BMP blocks), and a build compiled
# fourteen of them before it did anything else. The regexes of draft.text.punctuation
# find the ASCII marks; these tests decide.


def is_ideograph(char: str) -> bool:
    """A CJK unified ideograph (Extension A, the basic block, compatibility ideographs,
    planes 2 and 3: Extensions B to H) or 〇; False for "" (outside the text)."""
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003ffff"
        or char == "\u3007"
    )


def has_ideograph(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    return not piece.isascii() and any(map(is_ideograph, piece))


#: Chinese punctuation: 、。〃, the CJK brackets 〈〉《》「」『』【】〔〕〖〗…, the
#: full-width forms of ASCII punctuation (，：（）％…), the dash — and the ellipsis ….
_WIDE_PUNCT = frozenset(
    chr(code)
    for first, last in (
        (0x3001, 0x3003), (0x3008, 0x3011), (0x3014, 0x301F),  # 、。〃 〈〉《》「」『』【】 〔〕〖〗…
        (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF60),  # ！＂…／ ：…＠ ［…｀ ｛…｠
        (0x2014, 0x2014), (0x2026, 0x2026),  # — …
    )
    for code in range(first, last + 1)
)
# Curly quotes are English typography too, so a closing one counts only to the
# left of a mark (“文件”, → ，) and an opening one only to its right: in
# “Hello,” she said the comma stays.
_CHINESE_MARKS_BEFORE = _WIDE_PUNCT | {"\u201d", "\u2019"}
_CHINESE_MARKS_AFTER = _WIDE_PUNCT | {"\u201c", "\u2018"}


def chinese_before(char: str) -> bool:
    """Whether ``char``, to the left of a mark, makes it Chinese."""
    return char in _CHINESE_MARKS_BEFORE or is_ideograph(char)


def chinese_after(char: str) -> bool:
    """Whether ``char``, to the right of a mark, makes it Chinese."""
    return char in _CHINESE_MARKS_AFTER or is_ideograph(char)

def chinese_at_join(left: str, right: str) -> bool:
    """Whether two pieces of text meeting at ``left``|``right`` join as Chinese, with no space between.

    Chinese on either side is enough: 共办理|125件 and 2023年|共 join, English words do not.
    """
    return chinese_before(left) or chinese_after(right)
