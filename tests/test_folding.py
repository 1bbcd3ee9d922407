"""A text wrapped over lines without ``|``: the line breaks YAML folds into spaces join Chinese without one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draft.build import BuildOptions, build_form
from draft.form.load import load_bytes
from draft.text.chinese import chinese_at_join

FORM = Path("inputs/a.yaml")


def value(text: str) -> object:
    return load_bytes(text.encode(), FORM).data["a"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("a: 在肯定成绩的同时，\n  我们也清醒认识到不足。\n", "在肯定成绩的同时，我们也清醒认识到不足。", id="plain"),
        pytest.param("a: 共办理\n  125件\n", "共办理125件", id="digits-after-chinese"),
        pytest.param("a: 使用 Word\n  文档\n", "使用 Word文档", id="chinese-after-english"),
        pytest.param("a: English\n  words\n", "English words", id="english-keeps-its-space"),
        pytest.param("a: 同时，   \n     我们\n", "同时，我们", id="trailing-and-leading-spaces"),
        pytest.param("a: 第一段\n  接着\n\n  第二段\n", "第一段接着\n\n第二段", id="blank-line-stays-a-paragraph-break"),
        pytest.param("a: 中 文\n  字\n", "中 文字", id="a-typed-space-stays"),
        pytest.param('a: "法治政府\n  建设"\n', "法治政府建设", id="double-quoted"),
        pytest.param("a: '依法''行政\n  工作'\n", "依法'行政工作", id="single-quoted"),
        pytest.param("a: >\n  折叠的\n  文字\n", "折叠的文字\n", id="folded-block"),
        pytest.param("a: |\n  字面的\n  文字\n", "字面的\n文字\n", id="literal-block-untouched"),
        pytest.param('a: "转义\\t的\n  文字"\n', "转义\t的 文字", id="escapes-leave-the-value-as-read"),
        pytest.param("a:\n  - 要点一，\n    接续\n", ["要点一，接续"], id="list-item"),
    ],
)
def test_folded_line_breaks_among_chinese_join_without_a_space(written: str, expected: object) -> None:
    assert value(written) == expected


WORDS = st.sampled_from(["在肯定成绩的同时，", "我们", "2023年", "125件", "Word", "English", "“放管服”", "。", "共"])


@settings(max_examples=200)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=2, max_size=6))
def test_only_the_folds_change(lines: list[str]) -> None:
    written = "a: " + "\n  ".join(lines) + "\n"
    expected = lines[0]
    for line in lines[1:]:
        expected += ("" if chinese_at_join(expected[-1], line[0]) else " ") + line
    assert value(written) == expected


def test_a_blank_line_in_text_without_a_bar_starts_a_new_paragraph(tmp_path: Path, write_form: Callable[..., Path]) -> None:
    for style in ("", ">", ">-"):
        form = write_form(
            "unit: 示例区司法局\nyear: 2023\nmeasures:\n"
            f"  text: {style}\n    第一段第一行，\n    第一段第二行。\n\n    第二段开始，\n    第二段结束。\n"
            "shortcomings:\n  text: 不足。\nplans:\n  text: 计划。\n"
        )
        report = docx.Document(str(build_form(form, tmp_path / "out", BuildOptions(force=True)).output))
        texts = [p.text for p in report.paragraphs]
        assert texts[2:4] == ["第一段第一行，第一段第二行。", "第二段开始，第二段结束。"], style


def test_the_report_has_no_space_where_the_form_wrapped(tmp_path: Path, write_form: Callable[..., Path]) -> None:
    form = write_form(
        """\
        unit: 示例区司法局
        year: 2023
        measures:
          text: 在肯定成绩的同时，
            我们也清醒认识到，
            工作中还存在一些不足。
        shortcomings:
          text: 学习还不够深入。
        plans:
          text: 加强学习。
        """
    )
    report = docx.Document(str(build_form(form, tmp_path / "out").output))
    assert "在肯定成绩的同时，我们也清醒认识到，工作中还存在一些不足。" in [p.text for p in report.paragraphs]
