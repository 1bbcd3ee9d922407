"""The 发文字号 (GB/T 9704 §7.2.5): 机关代字〔年份〕序号号, and the slips people make writing it.

``青市监〔2026〕3号``: the year in full, in 六角括号 〔〕 (U+3014, U+3015), the number with
no leading zero (3, not 03), no 第, and 号 after it. Office staff type [ ] 【】 （） for 〔〕,
two-digit years and 第3号; :func:`read_doc_number` reads those too, says what is wrong and
gives the number written right, so the form reader can show the fix and the importer can
recognise a number in last year's report however it was typed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPEN, CLOSE = "〔", "〕"
#: A 发文字号, written right or with any of the usual slips: another bracket, a short year, 第, a leading zero, full-width digits.
_LOOSE = re.compile(
    r"^\s*(?P<code>[^\s〔〕\[\]【】()（）［］]+?)\s*(?P<open>[〔\[【(（［])\s*(?P<year>[0-9０-９]{2,4})\s*[〕\]】)）］]"
    r"\s*(?P<di>第?)\s*(?P<number>[0-9０-９]+)\s*(?P<hao>号?)\s*$"
)
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: Longest 序号: a body numbers its documents of one year in the hundreds or thousands. A longer run
#: of digits is no 发文字号 (and Python turns no integer of more than 4,300 digits into text).
MAX_SERIAL_DIGITS = 6


class DocNumber(NamedTuple):
    """A 发文字号 as read: written right, what is wrong with it as typed (in Chinese), or None if it is no number."""

    right: str
    slips: tuple[str, ...]


def read_doc_number(typed: str) -> DocNumber | None:
    """``typed`` read as a 发文字号, with its slips; None if it does not look like one at all."""
    found = _LOOSE.match(typed)
    if found is None:
        return None
    year = found["year"].translate(_FULL_WIDTH_DIGITS)
    number = found["number"].translate(_FULL_WIDTH_DIGITS)
    serial = number.lstrip("0") or "0"  # as int() would write it
    if len(serial) > MAX_SERIAL_DIGITS:
        return None
    slips = []
    if OPEN not in typed or CLOSE not in typed:
        slips.append("年份要用六角括号“〔〕”括入（不是 [ ]、【】 或（））")
    if len(year) != 4:
        slips.append("年份要写全 4 位")
        year = "20" + year[-2:]
    if not (found["year"] + found["number"]).isascii():
        slips.append("数字用半角")
    if found["di"]:
        slips.append("序号前不加“第”字")
    if number.startswith("0") and number.strip("0"):
        slips.append(f"序号不编虚位（写 {serial}，不写 {number}）")
    if not found["hao"]:
        slips.append("序号后要加“号”字")
    right = f"{found['code']}{OPEN}{year}{CLOSE}{serial}号"
    if not slips and right != typed:
        slips.append("字号中间不要有空格")
    return DocNumber(right, tuple(slips))
