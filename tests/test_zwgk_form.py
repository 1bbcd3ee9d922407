"""The 政府信息公开工作年度报告 as a form: its kind, its figures, and their arithmetic in validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, REPO, filled_in
from draft.form.read import read_form
from draft.kinds import DEFAULT, all_kinds, find
from draft.kinds.groups import Group, relative_paths
from draft.kinds.information_disclosure.figures import APPLICANTS, OUTCOMES
from draft.problems import FormError
from zwgk_sources import APPLICATION_ROWS, SOURCES

FIXTURES = REPO / "tests" / "fixtures" / "zwgk"
#: The starter form made a unit's own (as it stands, validation lists its examples).
TEMPLATE_FORM = REPO / "templates" / "information-disclosure" / "form.yaml"
STARTER = filled_in(TEMPLATE_FORM.read_text(encoding="utf-8"))


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FormError) as raised:
        read_form(path)
    return [str(problem) for problem in raised.value.problems]


def test_the_registry_finds_both_kinds_by_id_and_chinese_name() -> None:
    assert list(all_kinds()) == [DEFAULT, "information-disclosure"]
    assert find("政府信息公开工作年度报告") is all_kinds()["information-disclosure"]
    assert find("法治政府建设年度报告") is all_kinds()[DEFAULT]
    assert find("年度报告") is None


def test_a_form_without_kind_is_the_law_based_government_report(write_form) -> None:
    assert read_form(write_form(MINIMAL)).report.kind == DEFAULT


def test_an_unknown_kind_is_told_with_the_kinds_there_are(write_form) -> None:
    [message] = problems_of(write_form("kind: 政务公开年报\n" + MINIMAL))
    assert message.endswith(
        ":1:7 报告种类:kind（报告种类）不能写“政务公开年报”，只能写以下之一：law-based-government（法治政府建设年度报告）、"
        "information-disclosure（政府信息公开工作年度报告）。不写 kind 时是法治政府建设年度报告。"
    )


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_the_real_reports_validate_and_their_total_column_is_computed(source) -> None:
    report = read_form(FIXTURES / f"{source.name}.yaml").report
    assert report.kind == "information-disclosure"
    assert [part.kind for part in report.parts] == ["overview", "proactive", "applications", "appeals", "problems", "others"]
    rows = relative_paths(Group("", "", OUTCOMES))
    for key, row in zip(APPLICATION_ROWS, rows, strict=True):
        computed = [report.figures[("applications", column) + row].value for column, _ in (*APPLICANTS, ("total", ""))]
        assert computed == list(source.applications[key]), key


def test_the_starter_form_validates_once_filled_in(write_form) -> None:
    assert read_form(write_form(STARTER)).report.figures[("proactive", "fees")].shown() == "12.5"


def test_a_column_that_does_not_balance_is_told_at_its_carry_over_with_the_rule(tmp_path: Path) -> None:
    text = (FIXTURES / "pingtan-2022.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("carried_out:"))
    lines[first] = lines[first].replace("carried_out: 0", "carried_out: 1")
    form = tmp_path / "form.yaml"
    form.write_text("\n".join(lines), encoding="utf-8")
    [message] = problems_of(form)
    assert message == (
        f"{form}:{first + 1}:18 三、收到和处理政府信息公开申请情况 › 自然人 › 四、结转下年度继续办理:"
        "不符合“第一项加第二项之和，等于第三项加第四项之和”：一、本年新收政府信息公开申请数量 71 + 二、上年结转政府信息公开申请数量 1 = 72，"
        "（七）总计 72 + 四、结转下年度继续办理 1 = 73，相差 1。请核对这一列的各项数字，找出漏记或多记的申请。"
    )


def test_a_typed_total_that_disagrees_is_told_at_its_line(tmp_path: Path) -> None:
    text = (FIXTURES / "huaian-2024.yaml").read_text(encoding="utf-8").replace("total: 351  #", "total: 350  #")
    form = tmp_path / "form.yaml"
    form.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    total: 350  # 总计") + 1
    [message] = problems_of(form)
    assert message == (
        f"{form}:{line}:12 四、政府信息公开行政复议、行政诉讼情况 › 行政复议 › 总计:总计写的是 350，而四种结果之和是 351，"
        "不符合“总计等于结果维持、结果纠正、其他结果、尚未审结之和”。请核对各项数字并改正；也可以删去这一行，由 draft 计算。"
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("-3", "licensing（行政许可） 不能是负数，现在是 -3。请写 0 或正数。"),
        ("8.5", "licensing（行政许可） 应写不小于 0 的整数，例如 12 或 0：件数不能有小数，现在是 8.5。"),
        ('"1520"', "licensing（行政许可） 应写不小于 0 的整数，例如 12 或 0，不要加引号或千位分隔的逗号：写 1520 而不是“1520”。"),
        ("1520件", "licensing（行政许可） 应写不小于 0 的整数，例如 12 或 0，不要写单位或文字，现在是“1520件”。没有的写 0。"),
    ],
)
def test_a_figure_written_wrong_says_how_to_write_it(tmp_path: Path, written: str, said: str) -> None:
    text = STARTER.replace("licensing: 1520", f"licensing: {written}")
    form = tmp_path / "form.yaml"
    form.write_text(text, encoding="utf-8")
    [message] = problems_of(form)
    assert message.endswith(" 二、主动公开政府信息情况 › 行政许可:" + said)


def test_the_fee_keeps_its_decimals_as_written(tmp_path: Path) -> None:
    text = STARTER.replace("fees: 12.5", "fees: 24252.311082")
    form = tmp_path / "form.yaml"
    form.write_text(text, encoding="utf-8")
    assert read_form(form).report.figures[("proactive", "fees")].shown() == "24252.311082"
