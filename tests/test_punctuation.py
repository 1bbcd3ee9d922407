"""Punctuation normalization: examples from real reports, then properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import seconds, slowdown
from draft.text.chinese import is_ideograph
from draft.text.punctuation import PunctuationChange, normalize_punctuation, punctuation_changes

# --- Examples -------------------------------------------------------------------

CONVERTED = [
    # , ; : ? ! beside Chinese
    ("2022年,我局坚持依法行政", "2022年，我局坚持依法行政"),
    ("现将相关工作情况报告如下:", "现将相关工作情况报告如下："),
    ("“外卖骑手与外卖平台是劳动关系吗?”", "“外卖骑手与外卖平台是劳动关系吗？”"),
    ("劳动关系吗?”等3篇", "劳动关系吗？”等3篇"),
    ("提出“放管服”,", "提出“放管服”，"),  # a closing quote on the left counts
    ("吗?!", "吗？！"),  # the second mark is beside the first, once converted
    ("时间:10:30,地点", "时间：10:30，地点"),
    # a number between the mark and the Chinese text
    ("参考率100%,优秀率100%;30名", "参考率100%，优秀率100%；30名"),
    ("共1,000;其中", "共1,000；其中"),
    ("GDP:1,234.5亿元", "GDP：1,234.5亿元"),
    ("增长1.5%;GDP", "增长1.5%；GDP"),
    # brackets, as pairs
    ("常委会(扩大)会议", "常委会（扩大）会议"),
    ("(镇、街道)", "（镇、街道）"),
    ("第(1)项", "第（1）项"),
    ("如下:(a)加强", "如下：（a）加强"),
    ("GDP(国内生产总值)", "GDP（国内生产总值）"),  # Chinese inside wins over the glued word
    ("使用(Python 3.11)开发", "使用（Python 3.11）开发"),
    ("(a),(b)中", "（a），（b）中"),  # each conversion puts the next one beside Chinese
    ("see(x(中))", "see（x（中））"),  # Chinese inside a nested pair is inside the outer one
    ("(镇、街道", "（镇、街道"),  # unmatched: by its neighbours
    ("街道)", "街道）"),
    # quotes
    ('参加"法治讲堂"学习', "参加“法治讲堂”学习"),
    ('他说:"我同意."', "他说：“我同意。”"),
    ('开展"OK"活动', "开展“OK”活动"),
    ('以上。"', "以上。”"),  # lone quote ending a paragraph closes
    ('他说:"我同意。', "他说：“我同意。"),  # lone quote opening a paragraph
    ("学习'十四五'规划", "学习‘十四五’规划"),
    # a quotation over two paragraphs opens both and closes in the last
    ('他说:"第一段.\n"第二段."', "他说：“第一段。\n“第二段。”"),
    ("a(\n)中", "a(\n）中"),  # brackets do not pair across paragraphs
    # periods
    ("扎实推进各项工作.现将", "扎实推进各项工作。现将"),
    ("各项工作.", "各项工作。"),
    ("各项工作. 现将", "各项工作。 现将"),
    ("各项工作.\nnext", "各项工作。\nnext"),
    ("满意度达到99.2%.网上", "满意度达到99.2%。网上"),
    # ellipsis and dash
    ("坚持...现将", "坚持……现将"),
    ("坚持......现将", "坚持……现将"),
    ("坚持…现将", "坚持……现将"),
    ("法治--政府", "法治——政府"),
    # full-width digits and letters
    ("ＡＢＣ１２３", "ABC123"),
    ("１,０００人", "1,000人"),
]

UNCHANGED = [
    "2021-2022年度",
    "98.5%",
    "http://www.gov.cn",
    "详见http://www.gov.cn/zhengce/content/2021-08/11/content_5630802.htm",
    "Hello, world",
    "1,000人",
    "10:30开会",
    "比分3:2",
    "f(x) and (Python 3.11) here",
    "函数f(x)的值",  # a bracket glued to a Latin word is notation
    "(1) 加强",  # a space is not Chinese
    "“Hello,” she said",  # an opening quote only counts to the right of a mark
    "don't 'quote' me",
    "it's 中文 isn't",  # apostrophes, not a pair around Chinese
    "it's 中文'",
    "x ' 中文'",  # no space just inside a single-quoted pair
    "'中文 ' x",
    "一.总体情况",  # a heading number, not a full stop
    "rose 5%.",
    "版本v3.11,build",
    "报告.docx",
    "中..",
    "中..…",
    "中....现",
    "中---中",
    "中--a",  # a dash needs Chinese on both sides
    "a--中",
    "中-中",
    "a@b.cn",
    "已规范……",
    "全角，；：？！（）“”‘’。",
]


@pytest.mark.parametrize(("source", "expected"), CONVERTED)
def test_converts(source: str, expected: str) -> None:
    assert normalize_punctuation(source) == expected


@pytest.mark.parametrize("source", UNCHANGED)
def test_leaves_alone(source: str) -> None:
    assert punctuation_changes(source) == []
    assert normalize_punctuation(source) == source


def test_changes_are_listed_with_their_positions() -> None:
    text = "2022年,我局坚持...现将(镇、街道)情况报告如下:"
    assert punctuation_changes(text) == [
        PunctuationChange(5, ",", "，"),
        PunctuationChange(10, "...", "……"),
        PunctuationChange(15, "(", "（"),
        PunctuationChange(20, ")", "）"),
        PunctuationChange(27, ":", "："),
    ]


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("参考率100%,优秀率100%;30名", [(7, ",", "，"), (15, ";", "；")]),
        ("劳动关系吗?”等3篇", [(5, "?", "？")]),
        ('"中"', [(0, '"', "“"), (2, '"', "”")]),
        ("１,中", [(0, "１", "1"), (1, ",", "，")]),
        ("中--中…", [(1, "--", "——"), (4, "…", "……")]),
        ("中.”", [(1, ".", "。")]),
    ],
)
def test_change_positions(text: str, changes: list[tuple[int, str, str]]) -> None:
    assert punctuation_changes(text) == [PunctuationChange(*c) for c in changes]


@pytest.mark.parametrize(
    "text",
    [
        "(a),中",  # the bracket pair waits on the comma
        ",,中",
        "中,,",
        "中.…",
        '"a"中"b',
        "x'中'y'中'",
        "'中 '中' 中'",  # the outer quotes must not pair around the converted ones
        "中.)中",
        "(a)(b)(c)中",
        '"中" x" y "z"',
        "中,(a)",
    ],
)
def test_idempotent_where_conversions_depend_on_each_other(text: str) -> None:
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


def test_long_chain_of_dependent_conversions() -> None:
    # Each comma and bracket pair waits on its right-hand neighbour, all the way
    # from the 中 at the end; settled at once, without rescanning.
    text = "(a)," * 5000 + "中"
    assert normalize_punctuation(text) == "（a），" * 5000 + "中"


# --- Speed ----------------------------------------------------------------------

REPORT_PARAGRAPH = (
    "2022年,我局坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,"
    "认真落实《法治政府建设实施纲要(2021-2025年)》.现将相关工作情况报告如下:\n"
    "(一)加强组织领导.召开党组会议(扩大)专题研究部署3次,参考率100%,优秀率100%;"
    '30名干部参加"法治讲堂"学习,开展"外卖骑手与外卖平台是劳动关系吗?"等3篇案例研讨...\n'
    "全年办理行政许可事项1,000余件,按时办结率98.5%,详见http://www.gov.cn.\n"
)


def test_ten_times_the_text_takes_about_ten_times_as_long() -> None:
    text = (REPORT_PARAGRAPH * 100)[:20_000]  # a long report's worth
    assert len(punctuation_changes(text)) > 1500  # a text that is mostly work
    # Linear: about 10 (10-11 measured). A pass quadratic in the length takes 100 times as long,
    # so 30 leaves a linear pass three times the room on a noisy machine and still fails a quadratic one.
    assert slowdown(normalize_punctuation, text, text * 10) < 30


@pytest.mark.parametrize(
    "text",
    [
        *(unit * 10_000 for unit in ["(", ")", ",", "中,", "'中", '"中', "中.", "一.", "a,"]),
        "(" * 10_000 + ")" * 10_000,
        "(" * 10_000 + "中" + ")" * 10_000,
    ],
    ids=lambda text: text[:4],
)
def test_pathological_input_stays_linear(text: str) -> None:
    assert seconds(normalize_punctuation, text) < 2  # a quadratic pass over 20,000 characters takes minutes


# --- Properties -----------------------------------------------------------------

# Text made of what the rules look at: ideographs, Chinese and ASCII punctuation,
# Latin letters, digits, full-width forms, spaces and line breaks.
RELEVANT = st.text(
    alphabet=st.sampled_from(
        list("中文年的一十〇𠀀")
        + list(",;:?!()\"'.-…—%@/")
        + list("，；：？！（）“”‘’。、《》【】")
        + list("aZx_019０９Ａｚ")
        + [" ", "\n", "\t", "\u3000"]
    ),
    max_size=40,
)
# Everything the , ; : ? ! ( ) rules touch, and nothing the quote, period,
# ellipsis and dash rules do.
WITHOUT_QUOTES_PERIODS_DASHES = st.text(
    alphabet=st.sampled_from(
        list("中文年的一十〇𠀀")
        + list(",;:?!()%@/")
        + list("，；：？！（）、《》【】")
        + list("aZx_019０９Ａｚ")
        + [" ", "\n", "\u3000"]
    ),
    max_size=40,
)


def nfkc_without_whitespace(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@given(RELEVANT)
@example("(a),中")
@example("中.…")
def test_idempotent(text: str) -> None:
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


@given(st.text())
def test_idempotent_on_any_text(text: str) -> None:
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once


@given(WITHOUT_QUOTES_PERIODS_DASHES)
def test_marks_and_brackets_only_change_width(text: str) -> None:
    assert nfkc_without_whitespace(normalize_punctuation(text)) == nfkc_without_whitespace(text)


@given(RELEVANT.filter(lambda t: "." not in t and "…" not in t))
def test_length_is_kept_without_ellipses(text: str) -> None:
    assert len(normalize_punctuation(text)) == len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
@example("Hello, world (see f(x)): \"quoted\" 'single' -- 1,000... e.g. v3.11.")
def test_ascii_text_is_unchanged(text: str) -> None:
    assert normalize_punctuation(text) == text


@given(RELEVANT)
def test_whitespace_is_never_touched(text: str) -> None:
    result = normalize_punctuation(text)
    assert [c for c in result if c.isspace()] == [c for c in text if c.isspace()]


@given(RELEVANT)
def test_changes_describe_the_normalization(text: str) -> None:
    changes = punctuation_changes(text)
    position = 0
    rebuilt = []
    for change in changes:
        assert change.offset >= position  # ordered, not overlapping
        assert text[change.offset : change.offset + len(change.old)] == change.old
        assert change.old != change.new
        rebuilt += [text[position : change.offset], change.new]
        position = change.offset + len(change.old)
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == normalize_punctuation(text)


@settings(max_examples=300)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert isinstance(punctuation_changes(text), list)
    assert isinstance(normalize_punctuation(text), str)


@pytest.mark.parametrize(
    ("char", "ideograph"),
    [
        ("\u3006", False), ("\u3007", True), ("\u3008", False),  # 〆 〇 〈
        ("\u33ff", False), ("\u3400", True), ("\u4dbf", True), ("\u4dc0", False),  # Extension A and its edges
        ("\u4dff", False), ("\u4e00", True), ("\u9fff", True), ("\ua000", False),  # the basic block
        ("\uf8ff", False), ("\uf900", True), ("\ufaff", True), ("\ufb00", False),  # compatibility ideographs
        ("\U0001ffff", False), ("\U00020000", True), ("\U0003ffff", True), ("\U00040000", False),  # planes 2 and 3
        ("", False), ("a", False), ("，", False),
    ],
)
def test_what_counts_as_an_ideograph(char: str, ideograph: bool) -> None:
    assert is_ideograph(char) is ideograph


def test_changes_handed_out_are_the_caller_s_own() -> None:
    # A form's reader keeps the changes it found (ReadForm.punctuation), and the check that
    # follows the build asks for them again: what one caller does with its list must not reach the next.
    text = "2022年,我局坚持依法行政;成效明显."
    memo: dict = {}
    first = punctuation_changes(text, memo)
    assert list(memo) == [text]
    first.clear()
    assert normalize_punctuation(text, memo) == "2022年，我局坚持依法行政；成效明显。"
    assert punctuation_changes(text, memo) == punctuation_changes(text)
    assert len(punctuation_changes(text, memo)) == 3
