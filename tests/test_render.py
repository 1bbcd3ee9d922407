"""Numbering, enumerations and layout options, read back from the built .docx."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, body_texts
from draft.model.numbering import MarkerStyle, chinese_numeral, enumerator
from draft.model.points import join_points
from draft.model.report import PointPlacement

THREE_LEVELS = """\
unit: 示例区司法局
year: 2023
measures:
  items:
    - title: 第一项
      items:
        - title: 第一小项
          items:
            - title: 细目甲
              text: 甲的正文。
            - title: 细目乙
              text: 乙的正文。
        - title: 第二小项
          text: 第二小项的正文。
    - title: 第二项
      text: 第二项的正文。
shortcomings:
  text: 不足。
plans:
  text: 安排。
"""


def test_three_levels_deep_are_numbered_in_order(build_docx) -> None:
    document = build_docx(THREE_LEVELS)
    starts = [p.text.split("第")[0].split("细")[0] for p in document.paragraphs[1:7]]
    assert starts == ["一、2023年推进法治政府建设的主要举措和成效", "（一）", "1.", "（1）", "（2）", "2."]
    styles = [p.style.name for p in document.paragraphs[1:5]]
    assert styles == ["Heading 1", "Heading 2", "Heading 3", "Normal"]
    assert document.paragraphs[4].text == "（1）细目甲。甲的正文。"
    assert document.paragraphs[4].runs[0].style.name == "标题 4 字符"
    assert [p.text[:2] for p in document.paragraphs if p.style.name == "Heading 1"] == ["一、", "二、", "三、"]


def test_plans_heading_uses_the_next_year(build_docx) -> None:
    texts = body_texts(build_docx(MINIMAL))
    assert "三、2024年推进法治政府建设的主要安排" in texts
    assert "二、2023年推进法治政府建设存在的不足和原因" in texts


def test_parts_follow_the_order_of_the_form(build_docx) -> None:
    form = MINIMAL.replace("measures:", "responsibility:\n  text: 主要负责人带头学法。\nmeasures:")
    headings = [p.text for p in build_docx(form).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、2023年党政主要负责人履行推进法治建设第一责任人职责情况"
    assert headings[1].startswith("二、2023年推进法治政府建设的主要举措")


def test_continue_numbering_counts_across_sections(build_docx) -> None:
    form = MINIMAL.replace(
        "measures:\n  text: 我局坚持依法行政。",
        "measures:\n  layout: {continue_numbering: true}\n  items:\n"
        "    - title: 甲\n      items:\n        - {title: 一, text: 正文}\n        - {title: 二, text: 正文}\n        - {title: 三, text: 正文}\n"
        "    - title: 乙\n      items:\n        - {title: 四, text: 正文}",
    )
    numbered = [p.text for p in build_docx(form).paragraphs if p.text[:1].isdigit()]
    assert numbered == ["1.一。正文", "2.二。正文", "3.三。正文", "4.四。正文"]


@pytest.mark.parametrize(
    ("numbering", "marker"),
    [("(一)", "（一）"), ("1.", "1."), ("1、", "1、"), ("(1)", "（1）"), ("（一）", "（一）")],
)
def test_numbering_option_chooses_the_marker(build_docx, numbering: str, marker: str) -> None:
    form = MINIMAL.replace(
        "measures:\n  text: 我局坚持依法行政。",
        f'measures:\n  layout: {{numbering: "{numbering}", title: own-line}}\n  items:\n    - title: 标题\n      text: 正文。',
    )
    texts = body_texts(build_docx(form))
    assert texts[1] == f"{marker}标题"


def test_run_in_title_and_points_as_paragraphs(build_docx) -> None:
    form = MINIMAL.replace(
        "measures:\n  text: 我局坚持依法行政。",
        "measures:\n  layout: {points: paragraphs}\n  items:\n    - title: 强化学习\n"
        "      layout: {title: run-in}\n      points: [学习条例, 学习法典。]",
    )
    texts = body_texts(build_docx(form))
    assert texts[1:3] == ["（一）强化学习。一是学习条例。", "二是学习法典。"]


def test_a_recipient_line_ends_with_a_full_width_colon(build_docx) -> None:
    document = build_docx("recipient: 区委依法治区办\n" + MINIMAL)
    assert document.paragraphs[1].text == "区委依法治区办："
    assert document.paragraphs[1].style.name == "主送机关"


def test_closing_signature_and_date(build_docx) -> None:
    document = build_docx(MINIMAL + "closing: true\ndate: 2024-01-05\n")
    tail = [(p.style.name, p.text) for p in document.paragraphs[-3:]]
    assert tail == [("结束语", "特此报告。"), ("落款", "示例区司法局"), ("成文日期", "2024年1月5日")]


@pytest.mark.parametrize(
    ("written", "printed"),
    [("特此报告", "特此报告。"), ("特此报告。", "特此报告。"), ("特此报告，", "特此报告。"), ("以上报告，请审阅！", "以上报告，请审阅！")],
)
def test_a_closing_sentence_ends_with_its_full_stop(build_docx, written: str, printed: str) -> None:
    document = build_docx(MINIMAL + f"closing: {written}\n")
    assert (document.paragraphs[-1].style.name, document.paragraphs[-1].text) == ("结束语", printed)


def test_user_text_is_never_evaluated_as_a_template(build_docx) -> None:
    form = MINIMAL.replace("我局坚持依法行政。", "'{{ unit }}{% for x in y %}不展开'")
    assert "{{ unit }}{% for x in y %}不展开" in body_texts(build_docx(form))


@pytest.mark.parametrize(
    ("points", "placement", "expected"),
    [
        (["甲", "乙"], PointPlacement.INLINE, ["一是甲；二是乙。"]),
        (["甲。", "乙"], PointPlacement.INLINE, ["一是甲。二是乙。"]),
        (["甲；", "乙。"], PointPlacement.INLINE, ["一是甲；二是乙。"]),
        (["甲", "乙；"], PointPlacement.INLINE, ["一是甲；二是乙。"]),
        (["甲", "乙"], PointPlacement.PARAGRAPHS, ["一是甲。", "二是乙。"]),
    ],
)
def test_join_points(points: list[str], placement: PointPlacement, expected: list[str]) -> None:
    assert join_points(points, placement) == expected


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (99, "九十九"),
        (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (120, "一百二十"),
        (1000, "一千"), (1005, "一千零五"), (1010, "一千零一十"), (1500, "一千五百"), (10000, "一万"),
        (10001, "一万零一"), (20315, "二万零三百一十五"), (99999, "九万九千九百九十九"),
    ],
)
def test_chinese_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text
    assert enumerator(n) == text + "是"
    assert MarkerStyle.CHINESE_PAREN.marker(n) == f"（{text}）"


def test_past_ninety_nine_points_and_items_the_numbers_go_on(build_docx) -> None:
    # Once an internal error ("heading numbers run from 1 to 99").
    points = "".join(f"    - 第{n}点。\n" for n in range(1, 102))
    items = "".join(f"    - title: 第{n}项\n      text: 内容。\n" for n in range(1, 102))
    form = MINIMAL.replace("plans:\n  text: 继续加强学习。\n", f"plans:\n  layout: {{points: paragraphs}}\n  points:\n{points}")
    form = form.replace("shortcomings:\n  text: 学习还不够深入。\n", f"shortcomings:\n  items:\n{items}")
    texts = body_texts(build_docx(form))
    assert "一百是第100点。" in texts and "一百零一是第101点。" in texts
    assert "（一百零一）第101项" in texts
