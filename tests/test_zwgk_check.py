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


def test_a_total_the_source_printed_wrong_is_kept_by_import_and_told_by_check(tmp_path: Path) -> None:
    """Import notes a 总计 that is not the sum of its figures; the form keeps it under ``published``, the
    build prints the sum, and ``draft check`` tells the disagreement again, at the kept figure's line."""
    from draft.build import build_form
    from draft.imports import import_report
    from zwgk_pages import page
    from zwgk_sources import PINGTAN_2024
    from zwgk_tables import figures_printed, read_tables

    wrong = PINGTAN_2024._replace(appeals=(2, 1, 3, 1, 8, *PINGTAN_2024.appeals[5:]))
    html = tmp_path / "page.html"
    html.write_text(page(wrong), encoding="utf-8")
    form = tmp_path / "form.yaml"
    form.write_text(import_report(html).form_text, encoding="utf-8")
    text = form.read_text(encoding="utf-8")
    assert "  published:  # 原文印的总计，与各项之和不符" in text and "    review:  # 行政复议\n      total: 8  # 总计\n" in text
    assert figures_printed(read_tables(build_form(form, tmp_path / "out").output)).appeals == PINGTAN_2024.appeals  # the sum, 7
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written == "      total: 8  # 总计")
    [finding] = [f for f in check_form(form).findings if f.code == "published-total"]
    assert str(finding) == (
        f"{finding.file}:{line}:14 四、政府信息公开行政复议、行政诉讼情况 › 行政复议 › 总计:[提示] "
        "原文印的总计是 8，而四种结果之和是 7，不符合“总计等于结果维持、结果纠正、其他结果、尚未审结之和”；表格按 7 印出。"
        "（改法：核对原文的各项数字；表格的数字无误的话，删去 published 下的这一行）"
    )
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(text.replace("      total: 8  # 总计", "      total: 7  # 总计"), encoding="utf-8")
    assert not [f for f in check_form(fixed).findings if f.code == "published-total"]
