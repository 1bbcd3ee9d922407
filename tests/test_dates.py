"""draft.text.dates: the one reader and writer of dates, for the form, the import and every message."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draft.text.dates import parse_date, written_date
from draft.text.numerals import chinese_numeral

DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31))


@pytest.mark.parametrize(
    "text",
    ["2024年1月15日", " 2024 年 1 月 15 日 ", "2024-01-15", "2024/1/15", "2024.1.15", "2024 - 1 - 15", "２０２４年１月１５日",
     "二〇二四年一月十五日", "二零二四年一月十五日"],
)
def test_each_way_a_date_is_written_reads_as_the_date(text: str) -> None:
    assert parse_date(text) == datetime.date(2024, 1, 15)


@pytest.mark.parametrize(
    "text", ["2024年2月30日", "2024年1月15日印发", "明年一月", "2024-1-5x", "2024年1月", "24-01-15", "二〇二四年一月三十二日", ""]
)
def test_what_is_no_date_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_a_date_yaml_gave_is_itself() -> None:
    assert parse_date(datetime.date(2024, 1, 15)) == datetime.date(2024, 1, 15)


# No deadline: a loaded machine takes longer than hypothesis's 200 ms now and then.
@settings(deadline=None)
@given(DATES)
def test_a_written_date_reads_back(date: datetime.date) -> None:
    assert written_date(date) == f"{date.year}年{date.month}月{date.day}日"
    assert parse_date(written_date(date)) == date
    assert parse_date(date.isoformat()) == date


@settings(deadline=None)
@given(DATES, st.sampled_from("〇零"))
def test_a_date_in_chinese_numerals_reads_back(date: datetime.date, zero: str) -> None:
    year = "".join(zero if digit == "0" else chinese_numeral(int(digit)) for digit in str(date.year))
    assert parse_date(f"{year}年{chinese_numeral(date.month)}月{chinese_numeral(date.day)}日") == date


@settings(deadline=None)
@given(st.text(max_size=20))
def test_any_text_is_a_date_or_none(text: str) -> None:
    date = parse_date(text)
    assert date is None or isinstance(date, datetime.date)
