"""Chinese numerals as headings, points and dates write them: 一, 十二, 二十, 一百零一 — written and read back.

One home for what 一二三…十 mean, so that the build that writes 十二、, the check and the
importer that read it, and the date reader that reads 二〇二四年一月十五日 count alike.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
#: The digit numerals, 一 to 九: the characters a heading number is made of, with 十.
DIGIT_NUMERALS = _DIGITS[1:]
#: A numeral from 一 to 九十九 and nothing longer, as a regular-expression fragment: 一, 十, 十二, 二十, 九十九.
NUMERAL_1_TO_99 = f"(?:[{DIGIT_NUMERALS[1:]}]?十[{DIGIT_NUMERALS}]?|[{DIGIT_NUMERALS}])"
#: The digits of a year written in Chinese (二〇二四年): 〇 or 零 for 0, one character a digit.
YEAR_DIGIT_NUMERALS = "〇零" + DIGIT_NUMERALS
_YEAR_DIGITS = str.maketrans(YEAR_DIGIT_NUMERALS, "00123456789")

#: Place values, largest first. A form holds at most 50,000 values (draft.form.load), so no list
#: of points or items reaches 十万.
_PLACES = ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, ""))


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百, 101 → 一百零一,
    110 → 一百一十, 1005 → 一千零五: the forms used in headings and 一是、二是."""
    if not 1 <= n < 100000:
        raise ValueError(f"heading numbers run from 1 to 99999, not {n}")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")  # 十二, not 一十二
    out, gap = [], False
    for value, place in _PLACES:
        digit, n = divmod(n, value)
        if digit:
            out.append(("零" if gap else "") + _DIGITS[digit] + place)
            gap = False
        elif out:
            gap = True  # one 零 for any run of empty places before the next digit
    return "".join(out)


def numeral_value(numeral: str) -> int:
    """The number a numeral of :data:`NUMERAL_1_TO_99` writes: 十二 → 12, 二十 → 20, 九 → 9."""
    tens, ten, ones = numeral.rpartition("十")
    if not ten:
        return _DIGITS.index(ones)
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(ones) if ones else 0)


def year_value(digits: str) -> int:
    """A year written digit by digit in Chinese: 二〇二四 → 2024."""
    return int(digits.translate(_YEAR_DIGITS))
