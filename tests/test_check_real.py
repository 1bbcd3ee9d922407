"""``draft check`` on real text (issue 22): no alarm on published reports, and what a careful secretary catches.

Each imported source's findings are listed with why they are right: a new finding on a real
report must be justified here, or it is a false alarm. Then each finding that reading real
reports added, with its exact message, on forms shaped as real reports write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, REPO, SEEDS, dedent, run_cli
from draft import kinds
from draft.check import Finding, check_form
from draft.form.unfinished import UNIT_PLACEHOLDER
from draft.problems import Severity

FIXTURES = REPO / "tests" / "fixtures"
#: Real-shaped sources written for the check: one of each kind, with the slips real reports have.
CHECK_SOURCES = FIXTURES / "check"

#: The findings the check added on reading real reports.
NEW_CODES = {
    "single-dash",
    "space-before-mark",
    "paragraph-end",
    "mixed-width",
    "inconsistent-institutions",
    "prescribed-heading",
}

#: Each source, and every finding its imported form draws, with why (all are 提示: none is an error).
JUSTIFIED: dict[str, dict[str, str]] = {
    # The two published reports the examples reproduce: both cover the 第一责任人's duties inside part 一.
    "000_31027cef6ae4fb1c.txt": {
        "half-width-punctuation": "typed with English-mode marks; draft corrects them and says so",
        "missing-date": "the published page has no 成文日期",
    },
    "001_e1a9875e9273dbc0.txt": {
        "half-width-punctuation": "typed with English-mode marks",
        "missing-date": "the published page has no 成文日期",
    },
    "half-width.txt": {
        "half-width-punctuation": "what the fixture is about",
        "missing-date": "no 成文日期 in the source",
        "missing-responsibility": "no word of the principal leaders' duty anywhere",
    },
    "no-intro.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "no-unit.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "paren-items.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "points-paragraphs.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "report.md": {"missing-responsibility": "not reported anywhere"},
    "responsibility-first.txt": {"missing-date": "none in the source"},
    "signature-date.txt": {"missing-responsibility": "not reported anywhere"},
    "two-line-title.txt": {
        "missing-date": "none in the source",
        "missing-responsibility": "not reported anywhere",
        "plans-only-continue": "its one plan is 继续加强法治交通建设",
    },
    "unknown-part.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "page-channel.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    "page-chrome.html": {"missing-responsibility": "not reported anywhere"},
    "page-chrome.txt": {"missing-responsibility": "not reported anywhere"},
    "page-header-line.txt": {},
    "topics.txt": {},  # eight topics, one of them the 第一责任人's duties
    "topics-mixed.txt": {},
    "topics-mixed.html": {},
    "unnumbered.txt": {"missing-responsibility": "not reported anywhere"},
    "unnumbered-opening.txt": {"missing-date": "none in the source", "missing-responsibility": "not reported anywhere"},
    # Written for this check: the slips of the published reports of issue 22, each once.
    "district-2023.txt": {
        "single-dash": "评查—全年评查: one dash as 破折号",
        "space-before-mark": "全覆盖 。",
        "paragraph-end": "a paragraph closed with ；, and one with no end mark",
        "mixed-width": "互联网+政务服务 and 互联网＋监管",
        "inconsistent-institutions": "区委区政府 and 区委、区政府",
    },
    "county-zwgk-2023.txt": {
        "missing-date": "none in the source",
        "prescribed-heading": "五、存在的主要问题及改进措施 for …改进情况",
    },
}

SOURCES = sorted([*SEEDS.glob("*.txt"), *(FIXTURES / "import").iterdir(), *CHECK_SOURCES.iterdir()])


#: What a user writes where ``draft import`` asks for what its source lacks (validation refuses the placeholders).
FILLED = {UNIT_PLACEHOLDER: "青溪区司法局"} | {
    part.placeholder_text: f"本年度{part.label}已如实填写。" for kind in kinds.all_kinds().values() for part in kind.text_parts
}


def imported(source: Path, tmp_path: Path) -> list[Finding]:
    """The findings on the form ``draft import`` makes of ``source``, once what it asks for is filled in."""
    form = tmp_path / "form.yaml"
    result = run_cli("import", str(source), "-o", str(form))
    assert form.exists(), result.output  # written even where it asks for something (then the exit code is 1)
    text = form.read_text(encoding="utf-8")
    for placeholder, words in FILLED.items():
        text = text.replace(placeholder, words)
    form.write_text(text, encoding="utf-8")
    return check_form(form).findings


#: What any imported report may draw without a word here: what draft corrects itself, and a date its page lacked.
UNREMARKABLE = {"half-width-punctuation", "missing-date"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_a_real_report_imported_draws_no_error_and_only_justified_warnings(source: Path, tmp_path: Path) -> None:
    found = imported(source, tmp_path)
    assert [f.line_text() for f in found if f.severity is Severity.ERROR] == []
    codes = {f.code for f in found}
    if source.name in JUSTIFIED:
        assert codes == set(JUSTIFIED[source.name])
    else:  # a source added since: anything beyond the unremarkable is to be justified in JUSTIFIED
        assert codes <= UNREMARKABLE, [f.line_text() for f in found if f.code not in UNREMARKABLE]


@pytest.mark.parametrize("form", sorted([*EXAMPLES.glob("*.yaml"), *(FIXTURES / "zwgk").glob("*.yaml")]), ids=lambda p: p.name)
def test_the_new_findings_do_not_fire_on_the_examples(form: Path) -> None:
    # The examples are published text: none of these slips is in them (the 区委区政府 of both is written one way).
    assert [f.line_text() for f in check_form(form).findings if f.code in NEW_CODES] == []


def test_the_district_report_s_findings_say_where_and_what(tmp_path: Path) -> None:
    found = [f for f in imported(CHECK_SOURCES / "district-2023.txt", tmp_path) if f.code in NEW_CODES]
    assert [(f.code, f.field, f.message) for f in found] == [
        (
            "mixed-width",
            "measures.items[1].text",
            "本报告“＋”和“+”两种写法都有（“＋” 1 处，“+” 1 处），同一个符号印出来宽窄不一。",
        ),
        ("space-before-mark", "measures.items[1].text", "“。”前面有空格：“”监管全覆盖 。”，印出来标点前会空出一块。"),
        (
            "inconsistent-institutions",
            "measures.items[2].text",
            "本报告“区委、区政府”（2 处）和“区委区政府”（1 处）两种写法都有，同一组机关的名称前后写法不一。",
        ),
        (
            "single-dash",
            "measures.items[2].text",
            "这里只有一个“—”：“执法案卷评查—全年评查案卷”。破折号占两个字的位置，应为“——”；如果它连接的是两个地名等（连接号），可以不改。",
        ),
        (
            "paragraph-end",
            "measures.items[2].text",
            "这一段以“；”结尾：“……—全年评查案卷312卷；”，句子到段末还没有结束。",
        ),
        ("paragraph-end", "shortcomings.text", "这一段末尾没有标点：“……二是基层法治力量较为薄弱”，句子到段末还没有结束。"),
    ]
    assert all(f.severity is Severity.WARNING and not f.fixed_by_draft for f in found)
    assert [f.fix for f in found] == [
        "把这 1 处“＋”改为“+”",
        "删掉“。”前面的空格",
        "统一写成“区委、区政府”（本报告多数处的写法）",
        "把“—”改为“——”",
        "把段末的“；”改为“。”",
        "在段末加上“。”（引出下文的用“：”）",
    ]


# --- missing-responsibility: found where a report puts it --------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        "measures:\n  items:\n    - title: 履行推进法治建设第一责任人职责情况\n      text: 主要负责同志带头学法。",
        "measures:\n  text: 我局主要负责同志积极履行推进法治建设第一责任人的职责。",
        "measures:\n  points:\n    - 党政主要负责人带头讲授法治课",
    ],
    ids=["an item's title", "a paragraph", "a point"],
)
def test_the_duty_reported_inside_another_part_is_not_missing(write_form, where: str) -> None:
    form = MINIMAL.replace("measures:\n  text: 我局坚持依法行政。", where)
    assert [f for f in check_form(write_form(form)).findings if f.code == "missing-responsibility"] == []


def test_the_duty_named_nowhere_is_still_missing(write_form) -> None:
    form = MINIMAL.replace("我局坚持依法行政。", "主要负责人签发重大行政决策。")  # 主要负责人 alone names no duty
    assert [f.code for f in check_form(write_form(form)).findings if f.code == "missing-responsibility"] == [
        "missing-responsibility"
    ]


# --- each finding, and what it leaves alone -----------------------------------------------------------


def findings(write_form, measures: str, code: str, **changes: str) -> list[Finding]:
    form = MINIMAL.replace("我局坚持依法行政。", measures)
    for old, new in changes.items():
        form = form.replace(old, new)
    return [f for f in check_form(write_form(form + "date: 2024-01-15\n")).findings if f.code == code]


def test_a_single_dash_between_words_and_not_in_a_range(write_form) -> None:
    found = findings(write_form, "开展“法律进社区”活动—全年12场，2019—2022年、1—6月、5%—10%、第一季度—第三季度不算。", "single-dash")
    assert [(f.line, f.column, f.message) for f in found] == [
        (
            4,
            20,
            "这里只有一个“—”：“进社区”活动—全年12场，”。破折号占两个字的位置，应为“——”；"
            "如果它连接的是两个地名等（连接号），可以不改。",
        )
    ]
    assert findings(write_form, "开展“法律进社区”活动——全年12场。", "single-dash") == []
    assert findings(write_form, "开展普法活动--全年12场。", "single-dash") == []  # draft makes it ——


def test_a_space_before_a_mark(write_form) -> None:
    found = findings(write_form, "全年办结案件12件 ，结案率100%\u3000。", "space-before-mark")
    assert [(f.column, f.message, f.fix) for f in found] == [
        (18, "“，”前面有空格：“结案件12件 ，”，印出来标点前会空出一块。", "删掉“，”前面的空格"),
        (27, "“。”前面有全角空格：“案率100%\u3000。”，印出来标点前会空出一块。", "删掉“。”前面的全角空格"),
    ]
    assert findings(write_form, "全年办结案件12件，结案率100%。", "space-before-mark") == []


def test_a_paragraph_left_open(write_form) -> None:
    measures = "|-\n    全年办结案件12件，结案率100%\n\n    一是加强学习；\n\n    二是完善制度；\n\n    三是强化监督；"
    found = findings(write_form, measures, "paragraph-end")
    assert [(f.line, f.message, f.fix) for f in found] == [
        (5, "这一段末尾没有标点：“……件12件，结案率100%”，句子到段末还没有结束。", "在段末加上“。”（引出下文的用“：”）"),
        (11, "第4段以“；”结尾：“三是强化监督；”，句子到段末还没有结束。", "把段末的“；”改为“。”"),
    ]
    # A comma breaks the sentence wherever it ends a paragraph (a ； only where no paragraph of the list follows).
    found = findings(write_form, "|-\n    全年办结案件12件，\n\n    结案率100%。", "paragraph-end")
    assert [f.message for f in found] == ["这一段以“，”结尾：“全年办结案件12件，”，句子到段末还没有结束。"]


def test_what_the_build_closes_or_what_takes_no_end_mark_is_not_a_paragraph_left_open(write_form) -> None:
    # A list of paragraphs each closed with ；, the last with 。; a lead-in closed with ：; a quotation closed inside;
    # points (the build closes them); titles; a paragraph opening with a hand-typed number (manual-numbering's).
    measures = "|-\n    一是加强学习；\n\n    二是完善制度。\n\n    主要做法如下：\n\n    群众评价“满意”。\n\n    （一）加强学习"
    assert findings(write_form, measures, "paragraph-end") == []
    points = "\n  points:\n    - 加强学习\n    - 完善制度；"
    assert findings(write_form, "我局坚持依法行政。", "paragraph-end", **{"plans:\n  text: 继续加强学习。": "plans:" + points}) == []


def test_a_sign_written_both_widths(write_form) -> None:
    found = findings(write_form, "优良率95％，达标率100%，合格率99%；推进“互联网+”。网址www.gov.cn/?a=1%20。", "mixed-width")
    assert [(f.column, f.message, f.fix) for f in found] == [
        (14, "本报告“％”和“%”两种写法都有（“％” 1 处，“%” 2 处），同一个符号印出来宽窄不一。", "把这 1 处“％”改为“%”")
    ]
    # The 浪纹线 is the full-width one (GB/T 15834): the half-width is told, wherever it stands.
    found = findings(write_form, "1～3月办结率100%，窗口8:30~17:30开放。", "mixed-width")
    assert [(f.column, f.fix) for f in found] == [(27, "把这 1 处“~”改为“～”")]


def test_the_same_institutions_with_and_without_a_dunhao(write_form) -> None:
    measures = "落实市委、市政府和区委区政府部署，镇党委政府全力配合。"
    found = findings(write_form, measures, "inconsistent-institutions", 学习还不够深入="市委市政府、镇党委、政府督导不够")
    # Each told at the form written less often, or on a tie at the later one: both in the shortcomings.
    assert [(f.field, f.message, f.fix) for f in found] == [
        (
            "shortcomings.text",
            "本报告“市委、市政府”（1 处）和“市委市政府”（1 处）两种写法都有，同一组机关的名称前后写法不一。",
            "统一写成“市委、市政府”（本报告多数处的写法）",
        ),
        (
            "shortcomings.text",
            "本报告“镇党委政府”（1 处）和“镇党委、政府”（1 处）两种写法都有，同一组机关的名称前后写法不一。",
            "统一写成“镇党委政府”（本报告多数处的写法）",
        ),
    ]
    # A merged office is one name: 区委区政府督查室 beside 区委、区政府 is no inconsistency.
    assert findings(write_form, "区委区政府督查室督办，落实区委、区政府部署。", "inconsistent-institutions") == []


ZWGK = (FIXTURES / "zwgk" / "pingtan-2022.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("title", "messages"),
    [
        (
            "存在的主要问题及改进措施",
            ["这一部分的标题写的是“存在的主要问题及改进措施”，政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
             "规定的标题是“存在的主要问题及改进情况”。"],
        ),
        ("存在的主要问题及改进情况", []),
        ("存在的主要问题 及改进情况", []),  # spaces do not print as words
    ],
)
def test_a_disclosure_part_title_other_than_the_format_s(write_form, title: str, messages: list[str]) -> None:
    form = ZWGK.replace("problems:\n", f"problems:\n  title: {title}\n")
    found = [f for f in check_form(write_form(form)).findings if f.code == "prescribed-heading"]
    assert [f.message for f in found] == messages
    assert [f.fix for f in found] == ["删掉这一行 title:，程序会印格式规定的标题“存在的主要问题及改进情况”"] * len(messages)
    assert [f.field for f in found] == ["problems.title"] * len(messages)


def test_a_disclosure_title_with_its_number_typed_is_manual_numbering_s_only(write_form) -> None:
    form = ZWGK.replace("problems:\n", "problems:\n  title: 五、存在的主要问题及改进情况\n")
    codes = [f.code for f in check_form(write_form(form)).findings]
    assert "manual-numbering" in codes and "prescribed-heading" not in codes


def test_the_law_based_report_has_no_prescribed_headings(write_form) -> None:
    form = dedent(MINIMAL).replace("measures:\n", "measures:\n  title: 主要工作\n")
    assert [f for f in check_form(write_form(form)).findings if f.code == "prescribed-heading"] == []
