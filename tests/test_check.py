"""``draft check``: each finding on a form that has it and on one that does not, at its line, in Chinese."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, MINIMAL, SEEDS, dedent, run_cli
from draft.check import Finding, check_form, check_read
from draft.check.numbers import chinese_number
from draft.form.load import load_form
from draft.form.positions import align
from draft.form.read import read_past_unfinished
from draft.problems import FormError, Severity
from draft.text.paragraphs import split_paragraphs

ERROR, WARNING = Severity.ERROR, Severity.WARNING

#: A form that draws no finding at all: MINIMAL with the responsibility part, a plan of substance and a date.
CLEAN = MINIMAL.replace(
    "plans:\n  text: 继续加强学习。",
    "responsibility:\n  text: 主要负责人切实履行第一责任人职责。\nplans:\n  text: 加强执法人员培训。",
) + "date: 2024-01-15\n"


def dated(text: str) -> str:
    """``text`` with a 成文日期 at its end, where it has none: the findings then are the ones tested."""
    if re.search(r"^date:", text, re.MULTILINE):
        return text
    year = int(re.search(r"^year: *([0-9]+)", text, re.MULTILINE)[1])
    return text.rstrip("\n") + f"\ndate: {year + 1}-01-15\n"


def check(write_form, text: str, **options: bool) -> list[Finding]:
    return check_form(write_form(dated(text)), **options).findings


def coded(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def summary(findings: list[Finding]) -> list[tuple[str, Severity, int, int, str, str]]:
    return [(f.code, f.severity, f.line, f.column, f.field, f.message) for f in findings]


def test_the_clean_form_has_no_findings(write_form) -> None:
    assert check(write_form, CLEAN) == []


# --- manual-numbering ---------------------------------------------------------------

NUMBERED = """\
unit: 示例区司法局
year: 2023
measures:
  title: 一、主要举措和成效
  items:
    - title: （一）全方位部署法治建设
      text: 1.推动服务升级。全面更新完善人才引进工作制度。
    - title: （2）多维度提升能力
      points:
        - 一是深学悟透笃行
        - ①组织专题培训
shortcomings:
  text: |
    学习还不够深入：
    1.基层执法力量薄弱；
    2.普法形式单一。
responsibility:
  text: 主要负责人切实履行第一责任人职责。
plans:
  text: 加强执法人员培训。
"""


def test_numbers_typed_by_hand_are_errors_at_their_place(write_form) -> None:
    found = check(write_form, NUMBERED)
    assert all(f.code == "manual-numbering" and f.severity is ERROR for f in found)
    assert [(f.line, f.column, f.field, f.fix) for f in found] == [
        (4, 10, "measures.title", "删除开头的“一、”"),
        (6, 14, "measures.items[0].title", "删除开头的“（一）”"),
        (7, 13, "measures.items[0].text", "删除开头的“1.”"),
        (8, 14, "measures.items[1].title", "删除开头的“（2）”"),
        (10, 11, "measures.items[1].points[0]", "删除开头的“一是”"),
        (11, 11, "measures.items[1].points[1]", "删除开头的“①”"),
        (15, 5, "shortcomings.text", "删除这一行开头的“1.”"),
        (16, 5, "shortcomings.text", "删除这一行开头的“2.”"),
    ]
    messages = [f.message for f in found]
    assert messages[0] == "部分的标题开头手写了编号“一、”。程序会自动在各部分标题前加“一、二、三、……”，这样会印成两个编号。"
    assert messages[1] == (
        "标题开头手写了编号“（一）”。条目的编号（（一）、1.、（1）……）由程序自动生成，这样会印成两个编号。"
    )
    assert messages[2] == (
        "这一段开头手写了编号“1.”。编号由程序生成：分条的内容请写成 items（下级条目，自动编号）"
        "或 points（要点，自动加“一是、二是”），正文里不要手写编号。"
    )
    assert messages[4] == "要点开头手写了“一是”。程序会自动在每个要点前加“一是、二是……”，这样会印成“一是一是……”。"
    assert messages[6] == (
        "这一行开头手写了编号“1.”。表单里不空行的几行会连成一段，编号会挤在段落中间。"
        "请把各条写成 points（要点）或 items（下级条目），由程序编号。"
    )


def test_numbers_typed_in_the_attachments_are_errors_too(write_form) -> None:
    # Their items are numbered 一、（一）… and their titles, when there are several, 1. 2. in the 附件说明.
    attachments = dedent(
        """\
        attachments:
          - title: 1.行政执法情况统计表
            items:
              - title: （一）执法情况
                points:
                  - 一是办理案件
          - title: 2、行政复议情况
            text: 全年办理行政复议案件12件。
        """
    )
    found = check(write_form, CLEAN + attachments)
    assert [(f.code, f.severity, f.line, f.column, f.field, f.fix) for f in found] == [
        ("manual-numbering", ERROR, 13, 12, "attachments[0].title", "删除开头的“1.”"),
        ("manual-numbering", ERROR, 15, 16, "attachments[0].items[0].title", "删除开头的“（一）”"),
        ("manual-numbering", ERROR, 17, 13, "attachments[0].items[0].points[0]", "删除开头的“一是”"),
        ("manual-numbering", ERROR, 18, 12, "attachments[1].title", "删除开头的“2、”"),
    ]
    assert found[0].message == (
        "附件的标题开头手写了编号“1.”。几个附件时，附件说明里的序号（1. 2. ……）由程序自动加，这样会印成两个编号。"
    )
    assert found[1].message == "标题开头手写了编号“（一）”。附件里条目的编号（一、（一）、1.……）由程序自动生成，这样会印成两个编号。"


def test_the_title_of_a_single_attachment_is_not_numbered_in_print(write_form) -> None:
    # One attachment has no number in the 附件说明 (GB/T 9704 §7.3.4): its typed 1. prints once, as typed.
    found = check(write_form, CLEAN + "attachments:\n  - title: 1.行政执法情况统计表\n    text: 全年办理案件。\n")
    assert coded(found, "manual-numbering") == []


def test_numbers_that_belong_to_the_text_are_not_markers(write_form) -> None:
    form = dedent(
        """
        unit: 示例区司法局
        year: 2023
        measures:
          title: 2023年法治政府建设的主要举措和成效
          text: |
            2023年，我局坚持依法行政。

            1名同志获评先进个人，新增备案机构1.5万家。

            一、二级建造师考试顺利组织。一是加强学习；二是完善制度。

            12345热线办结率100%。
          points:
            - 一体化推进执法规范化建设
            - 3·15消费者权益日开展普法宣传
        shortcomings:
          text: 学习还不够深入。
        responsibility:
          text: 主要负责人切实履行第一责任人职责。
        plans:
          text: 加强执法人员培训。
        """
    )
    assert coded(check(write_form, form), "manual-numbering") == []


@pytest.mark.parametrize("form", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_example_forms_have_no_errors_and_no_manual_numbering(form: Path) -> None:
    found = check_form(form).findings
    assert [f for f in found if f.severity is ERROR] == []
    # Both report the 第一责任人's duties inside the measures: missing-responsibility does not fire (issue 22).
    assert {f.code for f in found} == {"half-width-punctuation"}


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_forms_imported_from_the_seed_reports_have_no_manual_numbering(seed: Path, tmp_path: Path) -> None:
    imported = run_cli("import", str(seed), "-o", str(tmp_path / "form.yaml"))
    if not (tmp_path / "form.yaml").is_file():
        pytest.skip(f"draft import did not produce a form: {imported.output}")
    # Checked past the placeholders of what the seed lacks (a unit's name): validation lists those.
    read, unfinished = read_past_unfinished(load_form(tmp_path / "form.yaml"))
    assert not [p for p in unfinished if "draft init" in p.message]  # last year's real text is no example
    found = check_read(read)
    assert coded(found, "manual-numbering") == []
    assert [f for f in found if f.severity is ERROR] == []


# --- half-width-punctuation -----------------------------------------------------------


HALF_WIDTH = """\
unit: 示例区司法局
year: 2023
measures:
  text: |
    2023年,我局坚持依法行政,成效明显:
    参考率100%;合格率98.5%。
shortcomings:
  text: 学习还不够深入(特别是基层)。
responsibility:
  text: 主要负责人切实履行第一责任人职责。
plans:
  text: 加强执法人员培训。
"""


def test_half_width_punctuation_is_counted_once_per_form(write_form) -> None:
    found = check(write_form, HALF_WIDTH)
    assert summary(found) == [
        (
            "half-width-punctuation",
            WARNING,
            5,
            10,
            "measures.text",
            "中文里有 6 处半角标点（或全角数字、字母），生成时会自动改正：“,”→“，” 2 处，“:”→“：” 1 处，"
            "“;”→“；” 1 处，“(”→“（” 1 处，“)”→“）” 1 处；在第 5、6、8 行。不必手改，这里列出供核对。",
        )
    ]
    assert found[0].fix == ""


def test_half_width_punctuation_kept_by_the_form_prints_as_typed(write_form) -> None:
    found = check(write_form, HALF_WIDTH + "normalize_punctuation: false\n")
    assert len(found) == 1
    assert found[0].message.startswith("中文里有 6 处半角标点（或全角数字、字母），在第 5、6、8 行。表单设置了保留原有标点")
    assert "会原样印出" in found[0].message
    assert found[0].fix.startswith("删掉表单里的 normalize_punctuation: false")


def test_full_width_text_and_numbers_have_no_half_width_finding(write_form) -> None:
    form = CLEAN.replace("我局坚持依法行政。", "2023年，我局坚持依法行政，合格率98.5%，访问www.gov.cn，时间10:30。")
    assert check(write_form, form) == []


# --- unpaired-punctuation --------------------------------------------------------------

UNPAIRED = """\
unit: 示例区司法局
year: 2023
measures:
  text: 贯彻落实《江苏省行政执法公示办法，确保公开透明。
  points:
    - 开展“法治体检“活动
    - 完善制度）落实责任
    - 组织(扩大会议审议
shortcomings:
  text: 学习还不够深入。
responsibility:
  text: 主要负责人切实履行第一责任人职责。
plans:
  text: 加强执法人员培训。
"""


def test_unpaired_marks_are_errors_at_the_mark(write_form) -> None:
    found = check(write_form, UNPAIRED)
    assert summary(coded(found, "unpaired-punctuation")) == [
        (
            "unpaired-punctuation",
            ERROR,
            4,
            13,
            "measures.text",
            "左书名号“《”没有对应的右书名号“》”：这一段里它只开不关，印出来会缺半边。",
        ),
        (
            "unpaired-punctuation",
            ERROR,
            6,
            14,
            "measures.points[0]",
            "前面的左引号“还没有关上，这里又出现了左引号“：可能是把右引号”打成了左引号“。",
        ),
        (
            "unpaired-punctuation",
            ERROR,
            7,
            11,
            "measures.points[1]",
            "右括号“）”前面没有对应的左括号“（”：这个要点里它多关了一次。",
        ),
        (
            "unpaired-punctuation",
            ERROR,
            8,
            9,
            "measures.points[2]",
            "左括号“（”没有对应的右括号“）”：这个要点里它只开不关，印出来会缺半边。",
        ),
    ]
    assert found[0].fix == "在该结束的地方补上右书名号“》”，或删掉多余的左书名号“《”"


def test_paired_marks_and_notation_are_left_alone(write_form) -> None:
    form = CLEAN.replace(
        "我局坚持依法行政。",
        "贯彻《“筑梦”创业漫画》（第二版），经区委常委会(扩大)会议审议，函数f(x)不变，列出【重点】任务。",
    )
    assert coded(check(write_form, form), "unpaired-punctuation") == []


# --- year-mismatch ---------------------------------------------------------------------

YEARS = """\
unit: 示例区司法局
year: 2023
title: 示例区司法局2022年法治政府建设年度报告
intro: 2022年，我局坚持依法行政。
measures:
  title: 2022年法治政府建设的主要举措
  text: 我局办结复议案件5宗，2024年3月又办结2宗。
shortcomings:
  text: 学习还不够深入。
responsibility:
  text: 主要负责人切实履行第一责任人职责。
plans:
  title: 2023年工作安排
  text: 加强执法人员培训。2023年将完善制度。
"""


def test_years_that_do_not_fit_the_report_are_warnings(write_form) -> None:
    found = check(write_form, YEARS)
    assert summary(found) == [
        (
            "year-mismatch",
            WARNING,
            3,
            14,
            "title",
            "报告标题写的是 2022 年，而表单的 year（报告年度）是 2023。两者应一致。",
        ),
        (
            "year-mismatch",
            WARNING,
            4,
            8,
            "intro",
            "本报告是 2023 年度的报告，开头却写 2022 年，可能是沿用往年报告时没有改。",
        ),
        (
            "year-mismatch",
            WARNING,
            6,
            10,
            "measures.title",
            "本报告是 2023 年度的报告，标题却写 2022 年，可能是沿用往年报告时没有改。",
        ),
        (
            "year-mismatch",
            WARNING,
            7,
            20,
            "measures.text",
            "本报告是 2023 年度的报告，这里却把 2024 年写成已经做了的事。"
            "如果说的是本年度，应为 2023 年；如果是下一年度的打算，请写到 plans（下一年度的主要安排）里。",
        ),
        (
            "year-mismatch",
            WARNING,
            13,
            10,
            "plans.title",
            "下一年度安排的标题写的是 2023 年，但本报告是 2023 年度的报告，下一年度是 2024 年。",
        ),
        (
            "year-mismatch",
            WARNING,
            14,
            18,
            "plans.text",
            "下一年度的安排里把 2023 年写成了将要做的事，但本报告是 2023 年度的报告，下一年度是 2024 年。",
        ),
    ]
    assert [f.fix for f in found] == ["改为“2023年”（或改正 year）"] + ["改为“2023年”"] * 3 + ["改为“2024年”"] * 2


def test_years_in_ranges_titles_deadlines_and_plans_are_fine(write_form) -> None:
    form = dedent(
        """
        unit: 示例区司法局
        year: 2023
        intro: 2023年，我局坚持依法行政。
        measures:
          title: 2023年法治政府建设的主要举措
          text: |
            落实《法治政府建设实施纲要（2021-2025年）》，印发《2024年普法工作要点》。
            新修订的条例自2024年1月1日起施行。到2025年基本建成法治政府。
            下一步，2024年我局将继续推进。2021年以来累计办结案件30宗。召开2024年度工作会议。
        shortcomings:
          text: 学习还不够深入。
        responsibility:
          text: 主要负责人切实履行第一责任人职责。
        plans:
          title: 2024年工作安排
          text: 2024年，我局将巩固2023年的成果，加强执法人员培训。
        """
    )
    assert check(write_form, form) == []


def test_a_later_year_naming_a_plan_is_the_plans_year(write_form) -> None:
    form = dedent(
        """
        unit: 青山县市场监督管理局
        year: 2026
        title: 青山县市场监督管理局关于2026年度法治政府建设工作情况和2027年工作打算的报告
        intro: 2026年，我局坚持依法行政。
        measures:
          text: 我局办结复议案件5宗，研究明确了2027年工作思路。2027年安排专项资金50万元。
        shortcomings:
          text: 学习还不够深入。
        responsibility:
          text: 主要负责人切实履行第一责任人职责。
        plans:
          text: 加强执法人员培训。
        """
    )
    # The plan's year is no slip; a deed told with the verb 安排 still is.
    assert summary(coded(check(write_form, form), "year-mismatch")) == [
        (
            "year-mismatch",
            WARNING,
            6,
            35,
            "measures.text",
            "本报告是 2026 年度的报告，这里却把 2027 年写成已经做了的事。"
            "如果说的是本年度，应为 2026 年；如果是下一年度的打算，请写到 plans（下一年度的主要安排）里。",
        )
    ]


def test_a_later_year_in_the_title_of_the_report_itself_is_a_warning(write_form) -> None:
    form = CLEAN.replace("year: 2023", "year: 2026").replace("date: 2024-01-15", "date: 2027-01-15")
    form += "title: 青山县市场监督管理局2027年法治政府建设年度报告\n"
    found = coded(check(write_form, form), "year-mismatch")
    assert summary(found) == [
        ("year-mismatch", WARNING, 12, 18, "title", "报告标题写的是 2027 年，而表单的 year（报告年度）是 2026。两者应一致。")
    ]
    assert [f.fix for f in found] == ["改为“2026年”（或改正 year）"]


# --- plans-only-continue ---------------------------------------------------------------


def test_plans_that_only_continue_are_a_warning(write_form) -> None:
    form = CLEAN.replace("  text: 加强执法人员培训。", "  points:\n    - 继续加强学习\n    - 继续完善制度")
    found = check(write_form, form)
    assert summary(found) == [
        (
            "plans-only-continue",
            WARNING,
            9,
            1,
            "plans",
            "下一年度的主要安排里，2 条安排都以“继续”开头，看不出下一年度有什么新的举措和目标。"
            "请针对“存在的不足”写出具体的新安排（做什么、做到什么程度）。",
        )
    ]


def test_plans_with_something_new_are_fine(write_form) -> None:
    form = CLEAN.replace("  text: 加强执法人员培训。", "  points:\n    - 继续加强学习\n    - 建立执法案卷评查制度")
    assert check(write_form, form) == []


# --- missing-responsibility, empty-part, empty-item, title-only -------------------------


def test_missing_responsibility_cites_the_2019_regulation(write_form) -> None:
    found = check(write_form, MINIMAL)
    assert summary(coded(found, "missing-responsibility")) == [
        (
            "missing-responsibility",
            WARNING,
            7,
            1,
            "responsibility",
            "表单没有“党政主要负责人履行推进法治建设第一责任人职责情况”这一部分（responsibility）。"
            "《法治政府建设与责任落实督察工作规定》（中共中央办公厅、国务院办公厅2019年印发）"
            "把它列为法治政府建设年度报告应当报告的内容。",
        )
    ]
    assert coded(found, "missing-responsibility")[0].fix == (
        "在 plans: 的上一行加上 responsibility:，下一行缩进两格写 text: 及具体情况"
    )
    assert coded(check(write_form, CLEAN), "missing-responsibility") == []


def test_a_part_with_only_a_title_is_an_error(write_form) -> None:
    form = CLEAN.replace("shortcomings:\n  text: 学习还不够深入。", "shortcomings:\n  title: 存在的不足和原因")
    assert summary(check(write_form, form)) == [
        (
            "empty-part",
            ERROR,
            5,
            1,
            "shortcomings",
            "shortcomings（存在的不足和原因）只有标题，没有内容，报告里这一部分只会印出一个标题。",
        )
    ]


def test_blank_points_and_titles_are_errors(write_form) -> None:
    form = CLEAN.replace(
        "  text: 我局坚持依法行政。",
        '  text: 我局坚持依法行政。\n  points:\n    - 加强学习\n    - "  。"\n  items:\n    - title: "……"\n      text: 完善制度。',
    )
    found = check(write_form, form)
    assert summary(found) == [
        ("empty-item", ERROR, 7, 7, "measures.points[1]", "这个要点只有“。”，没有文字内容，印出来是一个空的“一是……”。"),
        ("empty-item", ERROR, 9, 14, "measures.items[0].title", "标题只有“……”，没有文字内容，印出来是一个空的标题。"),
    ]
    assert found[0].fix == "写上内容，或删除这一行"


def test_an_item_with_only_a_title_is_a_warning(write_form) -> None:
    form = CLEAN.replace(
        "  text: 我局坚持依法行政。", "  items:\n    - title: 推动服务升级\n    - title: 完善政策配套\n      text: 制定指南。"
    )
    assert summary(check(write_form, form)) == [
        ("title-only", WARNING, 5, 7, "measures.items[0]", "这个条目只有标题，下面没有正文、要点或下级条目。")
    ]


# --- duplicate-text --------------------------------------------------------------------

DUPLICATES = """\
unit: 示例区司法局
year: 2023
measures:
  items:
    - title: 推动服务升级
      points:
        - 加强学习
        - 加强学习。
    - title: 推动服务升级
      text: 全面更新完善人才引进工作制度，推动服务升级。
shortcomings:
  text: 学习还不够深入。
responsibility:
  text: 全面更新完善人才引进工作制度，推动服务升级。
plans:
  text: 加强学习。
"""


def test_text_repeated_word_for_word_is_an_error(write_form) -> None:
    found = check(write_form, DUPLICATES)
    assert summary(found) == [
        ("duplicate-text", ERROR, 8, 11, "measures.items[0].points[1]", "这个要点与第 7 行（主要举措和成效 › 第1条（推动服务升级）› 第1个要点）一字不差，报告里会重复出现：“加强学习。”。"),
        ("duplicate-text", ERROR, 9, 14, "measures.items[1].title", "这个标题与第 5 行（主要举措和成效 › 第1条（推动服务升级）› 标题）一字不差，报告里会重复出现：“推动服务升级”。"),
        (
            "duplicate-text",
            ERROR,
            14,
            9,
            "responsibility.text",
            "这段文字与第 10 行（主要举措和成效 › 第2条（推动服务升级）› 正文）一字不差，报告里会重复出现：“全面更新完善人才引进工作制度，推动服务升……”。",
        ),
    ]
    # 加强学习 in the plans too: a short phrase may recur outside its list.


def test_similar_text_is_not_a_duplicate(write_form) -> None:
    form = CLEAN.replace("我局坚持依法行政。", "我局坚持依法行政，成效明显。")
    form = form.replace("加强执法人员培训。", "我局坚持依法行政，再接再厉。")
    assert check(write_form, form) == []


# --- overlong-paragraph ------------------------------------------------------------------


def test_a_paragraph_over_600_characters_is_a_warning(write_form) -> None:
    long = "依法行政" * 150 + "。"  # 601 characters
    form = CLEAN.replace("  text: 我局坚持依法行政。", f"  text: |\n    我局坚持依法行政。\n\n    {long}")
    assert summary(check(write_form, form)) == [
        (
            "overlong-paragraph",
            WARNING,
            7,
            5,
            "measures.text",
            "这一段印出来有 601 字，超过 600 字（本报告各段的中位数是 9 字），太长的段落不便阅读。",
        )
    ]
    assert check(write_form, form.replace(long, long[1:])) == []


def test_a_run_in_title_counts_with_its_paragraph(write_form) -> None:
    text = "依" * 594 + "。"  # with the title (4) and its full stop: 600, then 601
    form = CLEAN.replace(
        "  text: 我局坚持依法行政。",
        f"  layout:\n    title: run-in\n  items:\n    - title: 推动升级\n      text: {text}",
    )
    assert check(write_form, form) == []
    found = check(write_form, form.replace(text, "法" + text))  # at the start: the paragraph still ends with 。
    assert [(f.code, f.line, f.field) for f in found] == [("overlong-paragraph", 8, "measures.items[0].text")]
    assert found[0].message.startswith("这一段印出来有 601 字")


# --- inconsistent-numbers ----------------------------------------------------------------


def test_a_count_in_chinese_and_in_digits_is_a_warning(write_form) -> None:
    form = CLEAN.replace("我局坚持依法行政。", "共有行政复议案件5宗，已结案3宗。").replace(
        "学习还不够深入。", "另有五宗案件正在办理，两宗中止。"
    )
    found = check(write_form, form)
    assert summary(found) == [
        (
            "inconsistent-numbers",
            WARNING,
            6,
            11,
            "shortcomings.text",
            "“宗”前的数字写法不统一：“五宗”（第 6 行）、“两宗”（第 6 行）用汉字，“5宗”（第 4 行）、“3宗”（第 4 行）用阿拉伯数字。"
            "同一份报告里的统计数字应写法一致。",
        )
    ]
    assert found[0].fix == "统一用阿拉伯数字：把“五宗”改为“5宗”，把“两宗”改为“2宗”"


def test_set_phrases_ordinals_and_approximations_keep_their_chinese_numerals(write_form) -> None:
    form = CLEAN.replace(
        "我局坚持依法行政。",
        "制定15项指南，落实三项制度；整合9个渠道，做到两个维护；办结3批，集中化解一批欠薪案件；"
        "培训1次，召开第三次会议；新增2家，联系十余家企业和三五家协会；印发《打造百家金牌调解组织方案》；"
        "开展“十件实事”，组织第六届活动。",
    )
    assert check(write_form, form) == []


def test_chinese_numerals_are_read() -> None:
    assert [chinese_number(n) for n in ("一", "十", "十五", "二十", "两百", "三千零五", "两万", "三五")] == [
        1, 10, 15, 20, 200, 3005, 20000, None,
    ]


# --- positions -----------------------------------------------------------------------------


def test_positions_inside_block_plain_and_quoted_values(write_form) -> None:
    form = dedent(
        """
        unit: 示例区司法局
        year: 2023
        measures:
          text: >
            我局坚持依法行政，
            落实《条例。
        shortcomings:
          text: '学习''还不够（深入。'
        responsibility:
          text: 主要负责人切实履行
            第一责任人职责【。
        plans:
          text: "加强\\u3000《执法。"
        """
    )
    found = check(write_form, form)
    assert [(f.line, f.column, f.field) for f in found] == [
        (6, 7, "measures.text"),  # > folded: the line of the mark
        (8, 17, "shortcomings.text"),  # '' counts as one character
        (11, 12, "responsibility.text"),  # a plain value over two lines
        (13, 9, "plans.text"),  # an escape: the start of the value
    ]


@given(st.text(alphabet="中文 \n\t,。a1\u3000\r", max_size=40))
def test_every_character_of_a_paragraph_leads_back_to_where_it_was_typed(value: str) -> None:
    for paragraph in split_paragraphs(value):
        assert paragraph.text == paragraph.text.strip() and "\n" not in paragraph.text
        for i, char in enumerate(paragraph.text):
            if char != " " or value[paragraph.value_index(i)] == " ":  # a space joining two lines stands where the first ended
                assert value[paragraph.value_index(i)] == char


def test_align_verifies_every_character() -> None:
    source = "a: |\n  中文\n  第二行\nb: x\n"
    assert align(source, 3, "中文\n第二行\n") == [7, 8, 9, 12, 13, 14, 15]
    assert align(source, 3, "中文\n别的\n") is None


@pytest.mark.parametrize("line_break", ["\u2028", "\u2029", "\r", "\r\n"])
def test_validate_and_check_count_a_form_s_lines_alike(write_form, line_break: str) -> None:
    # YAML ends a line at each of these; the loader's messages and the check's findings must both count it.
    form = CLEAN.replace("  text: 我局坚持依法行政。", f"  text: 我局坚持依法行政，{line_break}    落实《条例。")
    checked = write_form(form, "checked.yaml")
    assert run_cli("check", str(checked)).stdout.startswith(f"{checked}:5:7 主要举措和成效 › 正文:[错误] 左书名号“《”")
    # The same line holding a field instead: the loader's message is on line 5 too.
    validated = write_form(form.replace(f"{line_break}    ", f"{line_break}  points: "), "validated.yaml")
    assert run_cli("validate", str(validated)).stderr.startswith(f"{validated}:5:11 主要举措和成效 › 要点:")


def test_a_character_refused_before_parsing_is_told_at_the_same_line_by_validate_and_check(write_form) -> None:
    # U+0085 (NEL), a line break to YAML, is refused in a form, and no editor breaks a line there:
    # the U+000B after it is told on the line the user's editor shows, by both commands.
    path = write_form(CLEAN.replace("  text: 我局坚持依法行政。", "  text: 我局坚持\x85依法行政。\x0b"))
    told = [f"{path}:4:13:", f"{path}:4:19:"]
    for result in (run_cli("validate", str(path)), run_cli("check", str(path))):
        assert [line[: len(where)] for line, where in zip(result.stderr.splitlines()[:2], told, strict=True)] == told


# --- the commands ------------------------------------------------------------------------------


def test_check_lists_findings_one_a_line_and_exits_1_on_errors(write_form) -> None:
    path = write_form(dated(NUMBERED))
    result = run_cli("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{path}:4:10 主要举措和成效 › 标题:[错误] 部分的标题开头手写了编号“一、”。"
        "程序会自动在各部分标题前加“一、二、三、……”，这样会印成两个编号。（改法：删除开头的“一、”）"
    )
    assert lines[-1] == "共 8 个错误、0 个提示。"


def test_check_exits_0_with_warnings_only(write_form) -> None:
    path = write_form(MINIMAL)
    result = run_cli("check", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "共 0 个错误、3 个提示。"
    assert f"{path}:7:1 党政主要负责人履行推进法治建设第一责任人职责情况:[提示] 表单没有“党政主要负责人" in result.stdout


def test_check_without_files_reads_every_form_in_inputs(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    # Two units' forms: one unit's two forms of a year would be named together as copies (test_form_files).
    (tmp_path / "inputs" / "a.yaml").write_text(CLEAN.replace("示例区司法局", "青山县司法局"), encoding="utf-8")
    (tmp_path / "inputs" / "b.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("check", cwd=tmp_path)
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == ["inputs/b.yaml"] * 3


def test_check_json_lists_every_finding(write_form) -> None:
    path = write_form(UNPAIRED)
    result = run_cli("check", "--format", "json", str(path))
    assert result.exit_code == 1
    listed = json.loads(result.stdout)
    expected = check_form(path).findings
    assert [item["code"] for item in listed] == [f.code for f in expected]
    assert listed[0] == {
        "file": str(path),
        "line": 4,
        "column": 13,
        "field": "measures.text",
        "place": "主要举措和成效 › 正文",
        "severity": "error",
        "code": "unpaired-punctuation",
        "message": "左书名号“《”没有对应的右书名号“》”：这一段里它只开不关，印出来会缺半边。",
        "fix": "在该结束的地方补上右书名号“》”，或删掉多余的左书名号“《”",
    }
    counted = [item for item in listed if item["code"] == "half-width-punctuation"]
    assert [(item["severity"], item["line"], item["column"], item["fix"]) for item in counted] == [("warning", 8, 9, None)]


def test_check_reports_an_invalid_form_as_validate_does(write_form) -> None:
    path = write_form(MINIMAL.replace("year: 2023", "year: 二〇二三"))
    result = run_cli("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:7 报告年度:" in result.stderr
    assert result.stdout.strip() == "共 1 个错误、0 个提示。"
    listed = json.loads(run_cli("check", "--format", "json", str(path)).stdout)
    assert [(item["code"], item["line"], item["severity"]) for item in listed] == [("invalid-form", 2, "error")]


def test_check_help_is_in_chinese() -> None:
    result = run_cli("check", "--help")
    assert result.exit_code == 0
    assert "审读表单" in result.stdout and "--format" in result.stdout


def test_build_writes_nothing_for_a_form_the_review_finds_errors_in(write_form, tmp_path: Path) -> None:
    # Numbering typed by hand would print twice (一、一、主要举措和成效): the report is not written.
    path = write_form(NUMBERED)
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()
    assert f"{path}:4:10 主要举措和成效 › 标题:[错误] 部分的标题开头手写了编号“一、”。" in result.stderr
    assert result.stderr.count("[错误]") == 8
    assert result.stderr.splitlines()[-1] == (
        f"{path}：共 8 个错误、0 个提示。有错误的地方会印错，所以没有生成。请按上面的改法改正后再生成；"
        "确实要照现在的样子生成时，加 --ignore-review-errors。"
    )
    assert result.stdout == ""


def test_build_writes_a_form_with_review_errors_when_told_to(write_form, tmp_path: Path) -> None:
    path = write_form(NUMBERED)
    result = run_cli("build", "--ignore-review-errors", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr.count("[错误]") == 8
    assert result.stdout.splitlines() == [f"已生成：{tmp_path / 'out' / 'form.docx'}"]
    assert "一、一、主要举措和成效" in [p.text for p in docx.Document(str(tmp_path / "out" / "form.docx")).paragraphs]


def test_a_batch_counts_the_forms_held_back_by_their_review(write_form, tmp_path: Path) -> None:
    numbered, clean = write_form(NUMBERED, "numbered.yaml"), write_form(CLEAN, "clean.yaml")
    result = run_cli("build", str(numbered), str(clean), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["clean.docx"]
    assert result.stderr.splitlines()[-1] == "共 2 份表单：已生成 1 份，1 份因为审读发现错误没有生成，见上。"


def test_build_strict_refuses_a_form_with_any_finding(write_form, tmp_path: Path) -> None:
    warned = write_form(MINIMAL, "warned.yaml")
    clean = write_form(CLEAN, "clean.yaml")
    result = run_cli("build", "--strict", str(warned), str(clean), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert not (tmp_path / "out" / "warned.docx").exists()
    assert f"{warned}：共 0 个错误、3 个提示。因为加了 --strict，没有生成。" in result.stderr  # none that draft fixes itself
    assert f"{warned}:7:1 党政主要负责人履行推进法治建设第一责任人职责情况:[提示]" in result.stderr
    assert docx.Document(str(tmp_path / "out" / "clean.docx")).paragraphs


def test_build_keep_punctuation_says_the_marks_print_as_typed(tmp_path: Path, write_form) -> None:
    path = write_form(HALF_WIDTH)
    result = run_cli("build", "--keep-punctuation", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "会原样印出" in result.stderr


_PIECE = st.text(alphabet="中文依法一二是（）()“”《》【】,，。;1.、5宗五两 ", min_size=1, max_size=30)


@given(
    title=_PIECE,
    lines=st.lists(_PIECE, min_size=1, max_size=4),
    points=st.lists(_PIECE, min_size=1, max_size=3),
)
def test_every_finding_points_at_what_it_names(title: str, lines: list[str], points: list[str]) -> None:
    """Whatever the text, the check does not fail, and a mark it names is where it says."""
    block = "\n".join(f"    {line}" for line in lines)
    quoted = [json.dumps(point, ensure_ascii=False) for point in points]
    form = (
        "unit: 示例区司法局\nyear: 2023\nmeasures:\n"
        f"  items:\n    - title: {json.dumps(title, ensure_ascii=False)}\n"
        f"      points: [{', '.join(quoted)}]\n"
        f"  text: |\n{block}\n"
        "shortcomings:\n  text: 学习还不够深入。\nplans:\n  text: 加强执法人员培训。\n"
    )
    path = Path(tempfile.mkdtemp()) / "form.yaml"
    path.write_text(form, encoding="utf-8")
    try:
        found = check_form(path).findings
    except FormError:
        return  # a piece YAML reads as something else than text: validation's business
    source = form.splitlines()
    for finding in found:
        char = source[finding.line - 1][finding.column - 1]
        if finding.code == "unpaired-punctuation":
            assert char in "（）()“”《》【】", finding
        if finding.code == "manual-numbering":
            assert finding.fix.endswith(f"开头的“{char}") or f"开头的“{char}" in finding.fix, finding


def test_build_strict_builds_a_form_whose_only_finding_is_what_draft_puts_right(write_form, tmp_path: Path) -> None:
    # The half-width hint says 不必手改: draft changes those marks itself, so --strict does not hold the report back.
    path = write_form(CLEAN.replace("我局坚持依法行政。", "2023年,我局坚持依法行政。"))
    assert [f.code for f in check_form(path).findings] == ["half-width-punctuation"]
    result = run_cli("build", "--strict", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "2023年，我局坚持依法行政。" in [p.text for p in docx.Document(str(tmp_path / "out" / "form.docx")).paragraphs]


# --- closing-twice -----------------------------------------------------------------

#: 特此报告 typed at the end of the last paragraph, and asked for again by closing: true.
CLOSED_TWICE = CLEAN.replace("加强执法人员培训。", "加强执法人员培训。特此报告。") + "closing: true\n"


def test_a_closing_typed_and_asked_for_is_an_error_at_the_typed_one(write_form) -> None:
    assert summary(check(write_form, CLOSED_TWICE)) == [
        (
            "closing-twice", ERROR, 10, 18, "plans.text",
            "正文最后一段的末尾写了结束语“特此报告。”，表单又写了 closing: true，结束语会在正文之后另起一段再印一次，这样会印两次。",
        )
    ]
    assert check(write_form, CLOSED_TWICE)[0].fix == "删除这一段末尾的“特此报告。”，结束语由 closing: true 单独印成一段"


@pytest.mark.parametrize(
    ("plans", "closing"),
    [
        ("plans:\n  text: |\n    加强执法人员培训。\n\n    特此报告\n", "closing: true"),  # a paragraph of its own, no 。
        ("plans:\n  points:\n    - 加强执法人员培训\n    - 以上报告，请审阅。\n", "closing: true"),  # the last point
        ("plans:\n  text: 加强执法人员培训。特此报告。\n", "closing: 特此报告"),  # the closing's own words
    ],
)
def test_a_closing_typed_last_in_any_form_is_found(write_form, plans: str, closing: str) -> None:
    form = CLEAN.replace("plans:\n  text: 加强执法人员培训。\n", plans) + closing + "\n"
    assert [f.code for f in check(write_form, form)] == ["closing-twice"]


@pytest.mark.parametrize(
    "form",
    [
        CLOSED_TWICE.replace("closing: true", "closing: false"),  # typed once, not asked for: prints once
        CLEAN + "closing: true\n",  # asked for only
        CLEAN.replace("加强执法人员培训。", "特此报告上级机关批准的执法人员培训计划，全年组织培训六期、覆盖全部执法人员。") + "closing: true\n",
        CLEAN.replace("responsibility:\n  text: 主要负责人切实履行第一责任人职责。", "responsibility:\n  text: 履行职责。特此报告。")
        + "closing: true\n",  # not the last paragraph: plans follow
    ],
    ids=["not-asked", "not-typed", "a-sentence-opening-with-特此", "not-last"],
)
def test_a_closing_printed_once_is_no_finding(write_form, form: str) -> None:
    assert coded(check(write_form, form), "closing-twice") == []


def test_build_writes_nothing_for_a_closing_that_would_print_twice(write_form, tmp_path: Path) -> None:
    path = write_form(CLOSED_TWICE)
    result = run_cli("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()
    assert f"{path}:10:18 下一年度的主要安排 › 正文:[错误] 正文最后一段的末尾写了结束语“特此报告。”" in result.stderr


#: Last year's ending pasted in whole: 特此报告。, then the unit and the date, which the build prints itself.
ENDING_PASTED = CLEAN.replace(
    "plans:\n  text: 加强执法人员培训。\n",
    "plans:\n  text: |\n    加强执法人员培训。\n\n    特此报告。\n\n    示例区司法局\n    2024年1月15日\n",
) + "closing: true\n"


def test_a_pasted_closing_and_signature_are_one_error_saying_to_delete_them(write_form) -> None:
    findings = check(write_form, ENDING_PASTED)
    assert summary(findings) == [
        (
            "closing-twice", ERROR, 13, 5, "plans.text",
            "正文最后写了结束语“特此报告。”和落款“示例区司法局2024年1月15日”，表单又写了 closing: true 和 date，"
            "生成时会在正文之后再印一次结束语和落款，这样会印两次。",
        )
    ]
    assert findings[0].fix == "删除正文最后“特此报告。”、“示例区司法局2024年1月15日”这两段，结束语和落款由 closing: true 和 date 印出"


def test_a_pasted_signature_alone_is_found_without_a_closing_asked(write_form) -> None:
    form = ENDING_PASTED.replace("\n    特此报告。\n", "").replace("closing: true\n", "")
    findings = check(write_form, form)
    assert summary(findings) == [
        (
            "closing-twice", ERROR, 13, 5, "plans.text",
            "正文最后写了落款“示例区司法局2024年1月15日”，表单又写了 date，生成时会在正文之后再印一次落款，这样会印两次。",
        )
    ]
    assert findings[0].fix == "删除正文最后“示例区司法局2024年1月15日”这一段，落款由 date 印出"


def test_a_closing_above_a_pasted_signature_is_found_with_no_date(write_form) -> None:
    # No date: the build prints no 落款, but the closing still prints again, below the pasted one; a 落款 takes no 。.
    form = ENDING_PASTED.replace("date: 2024-01-15\n", "")
    findings = check_form(write_form(form)).findings
    assert [f.code for f in findings if f.severity is ERROR] == ["closing-twice"]
    assert coded(findings, "closing-twice")[0].fix == "删除落款上面的“特此报告。”这一段，结束语由 closing: true 印出"
    assert coded(findings, "paragraph-end") == []


def test_a_pasted_ending_gets_no_paragraph_end_hint(write_form) -> None:
    # 在段末加上“。” would print 示例区司法局2024年1月15日。 and still print it twice.
    assert coded(check(write_form, ENDING_PASTED), "paragraph-end") == []


def test_a_last_paragraph_naming_the_unit_in_a_sentence_is_no_signature(write_form) -> None:
    form = CLEAN.replace("加强执法人员培训。", "示例区司法局将加强执法人员培训")
    assert coded(check(write_form, form), "closing-twice") == []
    assert [f.code for f in coded(check(write_form, form), "paragraph-end")] == ["paragraph-end"]


# --- unfinished: no 成文日期 (init's example text: validation's, see test_validate.py) ---------


def test_an_untouched_init_form_is_refused_not_hinted(tmp_path: Path) -> None:
    assert run_cli("init", "form.yaml", cwd=tmp_path).exit_code == 0
    with pytest.raises(FormError) as refused:
        check_form(tmp_path / "form.yaml")
    assert len(refused.value.problems) == 13 and all(p.severity is ERROR for p in refused.value.problems)
    listed = json.loads(run_cli("check", "--format", "json", "form.yaml", cwd=tmp_path).stdout)
    assert {(item["code"], item["severity"]) for item in listed} == {("unfinished-form", "error")}


def test_a_form_without_a_date_is_hinted_at_its_end(write_form) -> None:
    found = coded(check_form(write_form(MINIMAL)).findings, "missing-date")
    assert summary(found) == [
        (
            "missing-date",
            WARNING,
            7,
            1,
            "date",
            "表单没有写成文日期（date），报告末尾不会印落款和成文日期。公文应当在正文之后署发文机关名称、标注成文日期。",
        )
    ]
    assert found[0].fix == "在表单末尾加一行 date: 2024-01-15（改成实际的成文日期）；落款单位与单位名称不同时再加 signature:"


@pytest.mark.parametrize("typed", ["一、", "（一）", "1.", "(1)"])
def test_numbering_typed_in_the_reports_own_title_is_an_error(write_form, typed: str) -> None:
    found = coded(check(write_form, f"title: {typed}示例区司法局2023年法治政府建设年度报告\n" + CLEAN), "manual-numbering")
    assert [(f.code, f.severity, f.line, f.column, f.field, f.fix) for f in found] == [
        ("manual-numbering", ERROR, 1, 8, "title", f"删除开头的“{typed}”")
    ]
    assert found[0].message == f"报告标题开头手写了编号“{typed}”，报告标题不编号，这样会把编号印在标题里。"


# --- What a finding quotes, and how often ----------------------------------------------------------


def test_a_finding_quotes_an_excerpt_of_a_300_kb_paragraph(write_form, tmp_path: Path) -> None:
    blank = "，" * 100_000  # 300 KB of punctuation and nothing else
    write_form(CLEAN.replace("学习还不够深入。", f'"{blank}"'))
    result = run_cli("check", "form.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert (
        "form.yaml:6:9 存在的不足和原因 › 正文:[错误] 正文只有“，，，，，，，，，，，，，，，，，，，，……”，"
        "没有文字内容，印出来是一个空段落。（改法：写上内容，或删除这一行）"
    ) in result.stdout.splitlines()
    assert max(map(len, result.output.splitlines())) < 300


def test_a_huge_chinese_numeral_is_quoted_in_part_and_is_no_count(write_form, tmp_path: Path) -> None:
    write_form(CLEAN.replace("我局坚持依法行政。", f"办理案件{'十' * 60}件，另办理5件，九{'万' * 100_000}件。"))
    result = run_cli("check", "form.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (
        "“件”前的数字写法不统一：“十十十十十十十十十十十十十十十十十十十十……”（第 4 行）用汉字，“5件”（第 4 行）用阿拉伯数字。"
    ) in result.stdout
    assert max(map(len, result.output.splitlines())) < 300


def test_an_unpaired_mark_in_a_one_line_field_is_told_of_that_field(write_form) -> None:
    findings = check(write_form, CLEAN + "signature: 示例区（司法局\n")
    assert [(f.line, f.column, f.place, f.message) for f in coded(findings, "unpaired-punctuation")] == [
        (12, 15, "落款单位", "左括号“（”没有对应的右括号“）”：这一项里它只开不关，印出来会缺半边。")
    ]


def test_a_form_named_twice_is_checked_once(write_form, tmp_path: Path) -> None:
    write_form(CLEAN.replace("学习还不够深入。", "学习还不够深入（。"))
    result = run_cli("check", "form.yaml", "./form.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == (
        "form.yaml:6:16 存在的不足和原因 › 正文:[错误] 左括号“（”没有对应的右括号“）”：这一段里它只开不关，印出来会缺半边。"
        "（改法：在该结束的地方补上右括号“）”，或删掉多余的左括号“（”）\n"
        "共 1 个错误、0 个提示。\n"
    )
