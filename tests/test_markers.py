"""draft.text.markers: one grammar of numbering markers, so that ``draft check`` and ``draft import`` read a line alike.

A line the check flags as a number typed by hand is a line the importer numbers as an item,
and a number that belongs to the text (1.5万, 1、2月, 一、二级) is neither's marker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from draft.check import check_form
from draft.importer.marks import match_marker
from draft.imports import import_report
from draft.model.numbering import MarkerStyle, enumerator
from draft.text.markers import ENUMERATOR, STYLES, read_marker
from draft.text.numerals import chinese_numeral, numeral_value

#: (a paragraph's text, whether a reader reads a number typed at its start)
READINGS = [
    ("1.2022年我局完成立法计划", True),  # item 1 opening with a year, not the decimal 1.2022
    ("1、2023年全面完成", True),
    ("①加强领导干部学法", True),
    ("⑴加强领导", True),
    ("⒈加强领导", True),
    ("㈠加强领导", True),
    ("一.加强领导", True),
    ("一、加强领导", True),
    ("一、2023年工作情况", True),
    ("一、一网通办改革", True),
    ("一、二〇二三年工作情况", True),
    ("（一）加强领导", True),
    ("(1)加强领导", True),
    ("1）加强领导", True),  # the opening bracket left out, as many reports write it
    ("2)加强领导", True),
    ("1.推动服务升级", True),
    ("1. 提升政治站位", True),
    ("２．加强学习", True),
    ("3、加强学习", True),
    ("1、2月份开展专项检查", False),  # January and February
    ("一、二级建造师考试顺利组织", False),  # first- and second-class
    ("三、四季度完成", False),
    ("十一、十二月开展督查", False),
    ("1.5万元用于培训", False),
    ("2022年，我局坚持依法行政", False),
    ("1名同志获评先进", False),
    ("12345热线办结率100%", False),
    ("一体化推进执法", False),
    ("3·15消费者权益日", False),
    ("一是加强学习", False),  # a point's lead-in: prose at the start of a paragraph
]


def _flagged_by_check(write_form, text: str) -> bool:  # type: ignore[no-untyped-def]
    form = MINIMAL.replace("  text: 我局坚持依法行政。", f"  text: {json.dumps(text, ensure_ascii=False)}") + "date: 2024-01-15\n"
    findings = check_form(write_form(form)).findings
    return any(f.code == "manual-numbering" and f.field == "measures.text" for f in findings)


@pytest.mark.parametrize(("text", "numbered"), READINGS, ids=[text for text, _ in READINGS])
def test_the_check_and_the_importer_read_a_line_alike(write_form, text: str, numbered: bool) -> None:
    assert _flagged_by_check(write_form, text) is numbered
    assert (match_marker(text) is not None) is numbered


def _import(tmp_path: Path, lines: list[str]) -> tuple[dict, list[str]]:  # type: ignore[type-arg]
    source = tmp_path / "source.txt"
    source.write_text(
        "\n".join(["示例区司法局2023年法治政府建设年度报告", "一、主要举措和成效", "（一）加强领导", *lines,
                   "二、存在的不足", "学习还不够深入。", "三、下一年度工作安排", "继续加强学习。"]),
        encoding="utf-8",
    )
    result = import_report(source)
    form = tmp_path / "form.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    manual = [f.message for f in check_form(form).findings if f.code == "manual-numbering"]
    return yaml.safe_load(result.form_text), manual


def test_items_opening_with_a_year_import_as_items_and_the_check_agrees(tmp_path: Path) -> None:
    data, manual = _import(tmp_path, ["1.2022年我局完成立法计划。全年审查文件12件。", "2.2023年继续推进备案审查。"])
    assert [item["title"] for item in data["measures"]["items"][0]["items"]] == ["2022年我局完成立法计划", "2023年继续推进备案审查。"]
    assert manual == []


def test_circled_numbers_import_as_items_of_the_1_level_and_the_check_agrees(tmp_path: Path) -> None:
    data, manual = _import(tmp_path, ["①组织专题培训。", "②开展普法宣传。"])
    item = data["measures"]["items"][0]
    assert [child["title"] for child in item["items"]] == ["组织专题培训。", "开展普法宣传。"]
    assert item["layout"]["numbering"] == "(1)"
    assert manual == []


def test_numbers_listed_in_the_text_stay_text_and_the_check_agrees(tmp_path: Path) -> None:
    data, manual = _import(tmp_path, ["1、2月份，我局开展了学习。", "一、二级建造师考试顺利组织。"])
    assert data["measures"]["items"][0]["text"] == "1、2月份，我局开展了学习。\n\n一、二级建造师考试顺利组织。\n"
    assert manual == []


def test_the_grammar_reads_each_style_a_form_writes() -> None:
    assert set(STYLES) == {style.value for style in MarkerStyle}


# No deadline: a loaded machine takes longer than hypothesis's 200 ms now and then.
@settings(deadline=None)
@given(st.sampled_from(MarkerStyle), st.integers(1, 99), st.sampled_from(["加强领导", "2023年工作", "一网通办", "（一）"]))
def test_what_the_build_writes_reads_back_as_its_style_and_number(style: MarkerStyle, number: int, title: str) -> None:
    written = style.marker(number)
    found = read_marker(written + title)
    assert found is not None
    assert (found.style, found.number, found.spelled, found.end) == (style.value, number, written, len(written))


@settings(deadline=None)
@given(st.integers(1, 99))
def test_a_points_lead_in_is_a_marker_only_where_asked(number: int) -> None:
    assert read_marker(enumerator(number) + "加强学习") is None
    found = read_marker(enumerator(number) + "加强学习", enumerator=True)
    assert found is not None and (found.style, found.number) == (ENUMERATOR, number)


@settings(deadline=None)
@given(st.text(alphabet="一二三四五六七八九十〇零0123456789０１２（）()、.．是 ①⑴⒈㈠年月级万%加强", max_size=12), st.integers(0, 3))
def test_any_text_reads_as_a_marker_where_it_stands_or_as_none(text: str, start: int) -> None:
    found = read_marker(text, start, enumerator=True)
    if found is not None:
        assert text.startswith(found.spelled, start)
        assert 1 <= found.number <= 99
        assert start + len(found.spelled) <= found.end <= len(text)
        assert not text[start + len(found.spelled) : found.end].strip()


def test_a_marker_alone_is_the_checks_but_heads_nothing_for_the_importer() -> None:
    assert read_marker("三、 ") is not None
    assert read_marker("三、 ", needs_text_after=True) is None
    assert match_marker("三、 ") is None


@settings(deadline=None)
@given(st.integers(1, 99))
def test_a_numeral_reads_back_as_its_number(number: int) -> None:
    assert numeral_value(chinese_numeral(number)) == number
