"""draft check on a 政府信息公开工作年度报告: last year's carry-over, the overview's length, a repeated 五."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, run_cli
from draft.check import check_form

FIXTURES = REPO / "tests" / "fixtures" / "zwgk"


def _variant(tmp_path: Path, source: str, name: str, *changes: tuple[str, str]) -> Path:
    text = (FIXTURES / source).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_last_year_s_carry_over_matches_this_year_s_carry_in(tmp_path: Path) -> None:
    # Pingtan 2021 carried one 自然人 application over, and 2022 took it in.
    last_year = _variant(tmp_path, "pingtan-2022.yaml", "2021.yaml", ("year: 2022", "year: 2021"), ("carried_out: 0", "carried_out: 1"),
                         ("problems:\n  text: 一是", "problems:\n  text: 上年一是"), ("new: 71", "new: 72"))
    assert [f.code for f in check_form(FIXTURES / "pingtan-2022.yaml", previous=last_year).findings] == ["missing-date"]


def test_a_carry_in_that_is_not_last_year_s_carry_over_is_a_warning_at_its_line(tmp_path: Path) -> None:
    last_year = _variant(tmp_path, "pingtan-2022.yaml", "2021.yaml", ("year: 2022", "year: 2021"), ("problems:\n  text: 一是", "problems:\n  text: 上年一是"))
    this_year = FIXTURES / "pingtan-2022.yaml"
    line = next(n for n, text in enumerate(this_year.read_text(encoding="utf-8").splitlines(), 1) if "carried_in: 1" in text)
    [finding] = [f for f in check_form(this_year, previous=last_year).findings if f.code == "carried-over"]
    assert str(finding) == (
        f"{finding.file}:{line}:17 三、收到和处理政府信息公开申请情况 › 自然人 › 二、上年结转政府信息公开申请数量:[提示] "
        "二、上年结转政府信息公开申请数量写的是 1，而2021年度报告的“四、结转下年度继续办理”是 0。上年结转的申请通常就是上一年度结转下年度的申请。"
        "（改法：核对两年的数字；机构合并、拆分等原因造成不同的，可以不改）"
    )


def test_problems_written_as_last_year_and_an_overview_over_a_thousand_characters_are_told(tmp_path: Path) -> None:
    long = "全年主动公开政府信息。" * 100
    this_year = _variant(tmp_path, "pingtan-2024.yaml", "2024.yaml", ("text: 全年主动公开政府信息。", f"text: {long}"))
    result = run_cli("check", str(this_year), "--previous", str(FIXTURES / "pingtan-2022.yaml"))
    assert result.exit_code == 0
    assert "总计:[提示]" not in result.output
    assert ":[提示] 总体情况共 1163 字，超过了格式要求的“篇幅原则上不超过一千字”。（改法：精简各方面的综述，具体数字留在后面的表格里）" in result.output
    assert "存在的主要问题及改进情况:[提示] 存在的主要问题及改进情况与2022年度报告一字不差。" in result.output
