"""The lines of a 公文's frame in last year's report: a joint mark, 发文字号 and 签发人, 抄送, 印发机关和印发日期.

A report sent up as a 公文 carries them around its body (GB/T 9704 §7.2, §7.4); read here,
they fill the form's frame fields, so that next year's report is built with the same frame.
The 发文字号 is read however it was typed (〔〕 or [ ], 第, 03) and written right
(:mod:`draft.text.doc_number`).
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from draft.text.dates import DATE, parse_date
from draft.text.doc_number import DocNumber, read_doc_number
from draft.text.names import UNIT_SUFFIXES

#: An issuer's name on a line of its own: short, no punctuation, ending as an organ's name does.
_ISSUER = re.compile(rf"^[^\s，。、；：:,.;（）()]{{2,30}}?(?:{UNIT_SUFFIXES})$")
_DOCUMENT_WORD = re.compile(r"\s*文\s*件$")  # also a line of 文件 alone
_SIGNERS = re.compile(r"签\s*发\s*人\s*[:：]\s*(?P<names>.+)$")
_NAME_GAPS = re.compile(r"[\s\u3000、，,]+")
_COPY_TO = re.compile(r"^抄\s*送\s*[:：]\s*(?P<names>.+?)[。.]?$")
_IMPRINT = re.compile(rf"^(?P<by>\S.*?)\s*(?P<date>{DATE})\s*印\s*发$")


class NumberLine(NamedTuple):
    """A line of the 版头: the 发文字号 (None on a line of 签发人 alone) and the 签发人 named on it."""

    number: DocNumber | None
    signers: list[str]


def joint_mark(lines: list[str]) -> tuple[list[str], int] | None:
    """A 联合行文's mark at the start of ``lines`` (§7.2.4), as the form writes it, and how many lines it took.

    Two or three names a line, “文件” at the end of the last or on a line of its own after them (so a
    draft-built table reads back). The names end where “文件” is: a title's first line that names
    the unit is not taken for a third issuer.
    """
    names: list[str] = []
    for taken, line in enumerate((line.strip() for line in lines[:4]), 1):
        name = _DOCUMENT_WORD.sub("", line)
        if not (name or names) or (name and not _ISSUER.match(name)) or len(names) + bool(name) > 3:
            return None
        names += [name] if name else []
        if name != line:
            return ([*names[:-1], names[-1] + "文件"], taken) if len(names) >= 2 else None
    return None


def number_line(text: str) -> NumberLine | None:
    """``梅市委〔2023〕4号  签发人：张三 李四``, either half alone; None for any other line."""
    signed = _SIGNERS.search(text)
    signers = [name for name in _NAME_GAPS.split(signed["names"]) if name] if signed else []
    before = text[: signed.start()].strip() if signed else text.strip()
    number = read_doc_number(before) if before else None
    if before and number is None:
        return None
    return NumberLine(number, signers) if number or signers else None


def copy_to(text: str) -> list[str] | None:
    """The 抄送机关 of a ``抄送：甲，乙。`` line; None for any other line."""
    found = _COPY_TO.match(text.strip())
    return [name for name in re.split(r"[，、,]\s*", found["names"]) if name] if found else None


def imprint(text: str) -> tuple[str, datetime.date] | None:
    """The 印发机关 and 印发日期 of a ``××办公室  2024年1月20日印发`` line; None for any other line."""
    found = _IMPRINT.match(text.strip())
    if not found:
        return None
    date = parse_date(found["date"])  # None for a date that is no day (2月30日)
    return (found["by"].strip(), date) if date else None
