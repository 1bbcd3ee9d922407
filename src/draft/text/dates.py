"""Dates as reports and forms write them: read in each way they are written, written in the one way GB/T 9704 asks.

A 成文日期 is written 2024年1月15日 (GB/T 9704 §7.3.5.4: the full year, no leading
zeros). A form may hold it so or as 2024-01-15 (which YAML gives as a date), and last
year's report may have it as 2024.1.15, 2024/1/15 or 二〇二四年一月十五日. The form
reader, the import (成文日期 and 印发日期 lines) and every message that shows a date read
and write it here, so that what one accepts the others accept too.
"""

from __future__ import annotations

import datetime
import re
from enum import Enum

from draft.text.numerals import NUMERAL_1_TO_99, YEAR_DIGIT_NUMERALS, numeral_value, year_value

_ARABIC = re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2}))")
# A pattern, not compiled: a report seldom writes its date so, and re compiles it on first use (and caches it).
_CHINESE = rf"([{YEAR_DIGIT_NUMERALS}]{{4}})\s*年\s*({NUMERAL_1_TO_99})\s*月\s*({NUMERAL_1_TO_99})\s*日"
#: A date written inside a line (the 印发日期 of ``××办公室 2024年1月20日印发``), in any way :func:`parse_date` reads;
#: a regular-expression fragment to build patterns with.
DATE = f"(?:{_ARABIC.pattern}|{_CHINESE})"


def parse_date(value: datetime.date | str) -> datetime.date | None:
    """The date ``value`` is (YAML's date, or text that is a date and nothing else); None if it is none.

    Read: 2024年1月15日, 2024-01-15, 2024/1/15, 2024.1.15 (spaces allowed around each part; full-width
    digits too) and 二〇二四年一月十五日. A date that is no day (2024年2月30日) is None.
    """
    if isinstance(value, datetime.date):
        return value
    text = value.strip()
    if arabic := _ARABIC.fullmatch(text):
        year, month, day = (int(part) for part in arabic.groups() if part is not None)
    elif chinese := re.fullmatch(_CHINESE, text):
        year, month, day = year_value(chinese[1]), numeral_value(chinese[2]), numeral_value(chinese[3])
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def written_date(date: datetime.date) -> str:
    """A date as GB/T 9704 §7.3.5.4 writes it: 2024年3月1日 (full year, no leading zeros)."""
    return f"{date.year}年{date.month}月{date.day}日"


class DateForYear(Enum):
    """Where a 成文日期 stands against the year its report tells of (:func:`date_for_year`)."""

    EXPECTED = "expected"  # after the year ended, within the years a report is written in
    IN_THE_YEAR = "in-the-year"  # in the year's second half: offices report in November or December, too
    TOO_EARLY = "too-early"  # before the year's second half, or in an earlier year: a slip of the keyboard
    TOO_LATE = "too-late"  # years after (9999-12-31): a slip of the keyboard


#: A report on year Y dated later than Y + this is a slip of the keyboard (9999-12-31).
LATEST_DATE = 2
#: A report dated in its own year is written from this month on (a district's report dated 2019-12-18 for 2019);
#: earlier in the year a date is the previous year's report's, or a slip.
FIRST_MONTH_IN_THE_YEAR = 7


def date_for_year(date: datetime.date, year: int) -> DateForYear:
    """Whether ``date`` can be the 成文日期 of the report on ``year``: the form's rule, which the import follows."""
    if year < date.year <= year + LATEST_DATE:
        return DateForYear.EXPECTED
    if date.year > year:
        return DateForYear.TOO_LATE
    if date.year == year and date.month >= FIRST_MONTH_IN_THE_YEAR:
        return DateForYear.IN_THE_YEAR
    return DateForYear.TOO_EARLY


#: From this month on, a report on this year is being written (the 法治政府 report is due before 1 April of the
#: next year; units write it from the year's last quarter).
FIRST_REPORTING_MONTH = 10


def today() -> datetime.date:
    """The day draft runs (a function, so that tests can set the day)."""
    return datetime.date.today()


def proposed_year(day: datetime.date) -> int:
    """The year a unit is reporting on at ``day``: what ``draft init`` proposes, and what examples in messages name."""
    return day.year if day.month >= FIRST_REPORTING_MONTH else day.year - 1
