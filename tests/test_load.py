"""Tests for draft.form.load: reading a user's YAML form into data with marks and Chinese messages."""

from __future__ import annotations

import codecs
import datetime
import os
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import draft.form.yaml as form_yaml
from conftest import slowdown
from draft.form.load import (
    MAX_BYTES,
    MAX_CHARACTER_REPORTS,
    MAX_DEPTH,
    MAX_NODES,
    LoadedForm,
    Mark,
    format_field,
    load_bytes,
    load_form,
)
from draft.form.yaml_errors import describe_syntax_error
from draft.problems import EXIT_BAD_INPUT, EXIT_USAGE, CannotProceed, FormError, Problem, Severity
from draft.text.dates import proposed_year
from draft.text.lines import Lines

FORM = Path("inputs/a.yaml")  # display_path keeps it relative to the working folder
LOADERS = [pytest.param(yaml.CSafeLoader, id="libyaml"), pytest.param(yaml.SafeLoader, id="python")]


def load(text: str | bytes) -> LoadedForm:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(raw, FORM)


def problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(FormError) as caught:
        load(text)
    return caught.value.problems


def only_problem(text: str | bytes) -> Problem:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run a test with libyaml and with the pure-Python parser, the fallback."""
    monkeypatch.setattr(form_yaml, "PARSER", request.param)
    return request.param


# --- Good forms: data and types --------------------------------------------------


def test_scalars_are_typed_as_yaml_safe_load_does() -> None:
    form = load(
        "year: 2023\n"
        'code: "2023"\n'
        "ratio: 0.75\n"
        "done: true\n"
        "nothing: ~\n"
        "empty:\n"
        "date: 2024-01-15\n"
        "title: 关于2023年度法治政府建设情况的报告\n"
        "quoted: '第一: 季度'\n"
    )
    assert form.data == {
        "year": 2023,
        "code": "2023",
        "ratio": 0.75,
        "done": True,
        "nothing": None,
        "empty": None,
        "date": datetime.date(2024, 1, 15),
        "title": "关于2023年度法治政府建设情况的报告",
        "quoted": "第一: 季度",
    }
    assert type(form.data["year"]) is int
    assert type(form.data["date"]) is datetime.date
    assert form.warnings == []
    assert form.display == "inputs/a.yaml"
    assert form.path == FORM


def test_keys_are_the_text_as_written() -> None:
    form = load("2023: a\ntrue: b\n1.5: c\n~: d\n'quoted': e\n")
    assert form.data == {"2023": "a", "true": "b", "1.5": "c", "~": "d", "quoted": "e"}
    assert all(type(key) is str for key in form.data)


def test_block_text_and_lists() -> None:
    form = load("body: |\n  第一行\n  第二行\nitems:\n  - 甲\n  - [乙, 丙]\n")
    assert form.data == {"body": "第一行\n第二行\n", "items": ["甲", ["乙", "丙"]]}


def test_crlf_line_endings_are_accepted() -> None:
    form = load("a: 1\r\nb:\r\n  c: 2\r\n")
    assert form.data == {"a": 1, "b": {"c": 2}}
    assert form.value_marks[("b", "c")] == Mark(3, 6)


# --- Marks ----------------------------------------------------------------------------

MARKED = """\
# 年度报告
year: 2023
measures:
  items:
    - title: 普法宣传
      tags: [甲, 乙]
    - title: 依法决策
  note: |
    多行
"""


def test_value_marks_at_several_depths() -> None:
    form = load(MARKED)
    assert form.value_marks[()] == Mark(2, 1)
    assert form.value_marks[("year",)] == Mark(2, 7)
    assert form.value_marks[("measures",)] == Mark(4, 3)
    assert form.value_marks[("measures", "items")] == Mark(5, 5)
    assert form.value_marks[("measures", "items", 0)] == Mark(5, 7)
    assert form.value_marks[("measures", "items", 0, "title")] == Mark(5, 14)
    assert form.value_marks[("measures", "items", 0, "tags", 1)] == Mark(6, 17)
    assert form.value_marks[("measures", "items", 1, "title")] == Mark(7, 14)
    assert form.value_marks[("measures", "note")] == Mark(8, 9)


def test_key_marks_at_several_depths() -> None:
    form = load(MARKED)
    assert form.key_marks[("year",)] == Mark(2, 1)
    assert form.key_marks[("measures",)] == Mark(3, 1)
    assert form.key_marks[("measures", "items")] == Mark(4, 3)
    assert form.key_marks[("measures", "items", 0, "title")] == Mark(5, 7)
    assert form.key_marks[("measures", "items", 0, "tags")] == Mark(6, 7)
    assert form.key_marks[("measures", "note")] == Mark(8, 3)
    assert ("measures", "items", 0) not in form.key_marks  # list elements have no key


def test_mark_falls_back_to_the_nearest_ancestor() -> None:
    form = load(MARKED)
    assert form.mark(("measures", "items", 1, "missing", "deeper")) == Mark(7, 7)
    assert form.mark(("nowhere",)) == Mark(2, 1)
    assert form.key_mark(("measures", "items", 0, "title")) == Mark(5, 7)
    # No key for a list element: the value mark is used instead.
    assert form.key_mark(("measures", "items", 1)) == Mark(7, 7)
    assert form.key_mark(("measures", "items", 1, "missing")) == Mark(7, 7)


def test_columns_count_characters_not_bytes() -> None:
    form = load("标题标题: 中文\n😀: x\n")
    assert form.value_marks[("标题标题",)] == Mark(1, 7)
    assert form.value_marks[("😀",)] == Mark(2, 4)


def test_format_field() -> None:
    assert format_field(("measures", "items", 2, "title")) == "measures.items[2].title"
    assert format_field(()) == ""
    assert format_field(("a",)) == "a"


# --- Duplicate keys -----------------------------------------------------------------

DUPLICATED = """\
year: 2023
measures:
  items:
    - title: 普法宣传
      body: 开展活动
      owner: 司法局
      title: 法治宣传
year: 2024
"""


def test_duplicate_keys_are_all_reported_with_both_lines() -> None:
    found = problems(DUPLICATED)
    assert [str(problem) for problem in found] == [
        "inputs/a.yaml:7:7 主要举措和成效 › 第1条 › 标题:“title”写了两次（第4行和第7行）。"
        "YAML 只保留后一个，前一个的内容会丢失。请删除或合并其中一个。",
        "inputs/a.yaml:8:1 报告年度:“year”写了两次（第1行和第8行）。"
        "YAML 只保留后一个，前一个的内容会丢失。请删除或合并其中一个。",
    ]
    assert all(problem.severity is Severity.ERROR for problem in found)


def test_duplicate_keys_in_flow_mappings_and_three_times() -> None:
    found = problems("a: {x: 1, x: 2}\nb: 1\nb: 2\nb: 3\n")
    assert [(problem.line, problem.field) for problem in found] == [(1, "a.x"), (3, "b"), (4, "b")]
    assert "第2行和第3行" in found[1].message
    assert "第3行和第4行" in found[2].message


def test_same_key_in_different_mappings_is_fine() -> None:
    assert load("a: {x: 1}\nb: {x: 2}\n").data == {"a": {"x": 1}, "b": {"x": 2}}


# --- Syntax errors, with both parsers -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        pytest.param('a: "abc\nb: 1\n', 1, 4, '这里开始的引号 " 没有结束', id="unclosed-double-quote"),
        pytest.param("a: 'abc\nb: 1\n", 1, 4, "这里开始的引号 ' 没有结束", id="unclosed-single-quote"),
        pytest.param("a:\n  b: 1\n   c: 2\n", 3, 5, "这一行的缩进（行首的空格数）和上下文对不上", id="indent-deeper"),
        pytest.param("a:\n  b: 1\n c: 2\n", 3, 2, "这一行的缩进（行首的空格数）和上下文对不上", id="indent-shallower"),
        pytest.param("a: 1\n  b: 2\n", 2, 4, "只有冒号后面不写内容的字段，下面才能再缩进", id="indent-under-value"),
        pytest.param("a:\n\tb: 1\n", 2, 1, "请用空格缩进，不要用 Tab 键", id="tab-indent"),
        pytest.param("a:\n  b: 1\n  \tc: 2\n", 3, 3, "请用空格缩进，不要用 Tab 键", id="tab-after-spaces"),
        pytest.param(
            "标题: 时间: 2023年\n", 1, 7, '句子里的冒号请用中文冒号“：”，改成：标题: 时间：2023年', id="colon-in-value"
        ),
        pytest.param("a: 1\n标题：内容\nb: 2\n", 2, 3, "中文冒号“：”", id="fullwidth-colon"),
        pytest.param("标题：内容\nb: 2\n", 1, 3, "请改成：标题: 内容", id="fullwidth-colon-first-line"),
        pytest.param("a: 1\n标题:内容\nb: 2\n", 2, 3, "冒号后面缺少空格", id="no-space-after-colon"),
        pytest.param("a: 1\nbbbb\nc: 2\n", 2, 1, "这一行既不是“字段名: 内容”", id="missing-colon"),
        pytest.param("a: 1\n- b\n", 2, 1, "这一行以“- ”开头（表示列表项）", id="list-item-among-fields"),
        pytest.param("items:\n  - title: a\n  body: b\n", 3, 3, "这一行在一个列表里", id="list-indent"),
        pytest.param("a:\n- 1\nb\n", 3, 1, "这一行既不是", id="text-after-list"),
        pytest.param('标题: "第一"季度\n', 1, 5, "标题: '\"第一\"季度'", id="text-after-quote"),
        pytest.param("a: 'it's'\n", 1, 8, 'a: "it\'s"', id="quote-inside-quote"),
        pytest.param("文号: [2023]5号\n", 1, 11, '文号: "[2023]5号"', id="bracket-value"),
        pytest.param("a: [1, 2\nb: 3\n", 1, 4, "这里的“[”没有找到配对的“]”", id="unclosed-bracket"),
        pytest.param("a: {x: 1\n", 1, 4, "这里的“{”没有找到配对的“}”", id="unclosed-brace"),
        pytest.param("a: [1,,2]\n", 1, 7, "多了一个逗号", id="extra-comma"),
        pytest.param(
            "项: @张三\n",
            1,
            4,
            '内容不能以“@”开头，它在 YAML 里有特殊含义。请给整个内容加上英文引号，例如：项: "@张三"',
            id="at",
        ),
        pytest.param("a: `x\n", 1, 4, "内容不能以“`”开头", id="backtick"),
        pytest.param("比例: %100\n", 1, 5, "内容不能以“%”开头", id="percent"),
        pytest.param(
            "标题: *重要*\n",
            1,
            6,
            '内容不能以“*”开头，它在 YAML 里有特殊含义。请给整个内容加上英文引号，例如：标题: "*重要*"',
            id="star",
        ),
        pytest.param("标题: &附件\n", 1, 6, "内容不能以“&”开头", id="ampersand"),
        pytest.param("标题: !重要 内容\n", 1, 6, "内容不能以“!”开头", id="bang"),
        pytest.param("说明: - 无\n", 1, 5, '说明: "- 无"', id="dash"),
        pytest.param("说明: ? 文字\n", 1, 5, "内容不能以“?”开头", id="question"),
        pytest.param("a: ,x\n", 1, 4, "内容不能以“,”开头", id="comma"),
        pytest.param("a:\n  - ]\n", 2, 5, '- "]"', id="bracket-list-item"),
        pytest.param("说明: | 文字\n", 1, 7, "“|”和“>”表示下面是多行文字", id="block-scalar"),
        pytest.param('a: "\\q"\n', 1, 5, "这里的“\\q”不是有效的写法", id="bad-escape"),
        pytest.param('a: "C:\\Users\\x"\n', 1, 7, "请把两边的双引号换成单引号", id="windows-path"),
        pytest.param('a: "\\xZZ"\n', 1, 5, "这里的“\\x”不是有效的写法", id="bad-hex-escape"),
        pytest.param("a: 1\n%YAML 1.1\n", 2, 1, "文档分隔符", id="directive"),
        pytest.param("a: 1\n... x\n", 2, 1, "文档分隔符", id="document-end"),
        pytest.param("[1] x\n", 1, 5, "表单的内容在这里之前就已经结束了", id="text-after-root"),
        pytest.param(": x\n", 1, 1, "这一行冒号前面没有字段名", id="no-key"),
        pytest.param("a" * 1100 + ": 1\n", 1, 1101, "字段名太长了", id="long-key"),
    ],
)
def test_syntax_errors_are_explained(loader: type, text: str, line: int, column: int, expected: str) -> None:
    problem = only_problem(text)
    assert (problem.file, problem.line, problem.column, problem.field) == ("inputs/a.yaml", line, column, "")
    assert expected in problem.message
    assert "这里的格式有误" not in problem.message  # a specific explanation, not the fallback


def test_tab_after_spaces_inside_a_value_with_the_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml accepts a tab inside a value; the pure-Python parser does not.
    monkeypatch.setattr(form_yaml, "PARSER", yaml.SafeLoader)
    problem = only_problem("a: x\ty\n")
    assert (problem.line, problem.column) == (1, 5)
    assert problem.message == "这里有一个 Tab 字符，YAML 不允许它出现在这个位置。请把它删掉或换成空格。"


def test_unknown_parser_message_still_gives_line_and_column() -> None:
    error = yaml.MarkedYAMLError(
        context="while doing something new",
        context_mark=yaml.Mark("<unicode string>", 0, 0, 0, None, None),
        problem="found something PyYAML has never said before",
        problem_mark=yaml.Mark("<unicode string>", 5, 1, 3, None, None),
    )
    issue = describe_syntax_error(error, Lines("a: 1\nb c\n"))
    assert (issue.line, issue.column) == (2, 4)
    # Whatever the library says, the user reads Chinese only.
    assert issue.message == (
        "这里的格式有误，无法读取。请检查这一行和上一行的缩进、冒号和引号；含有特殊符号的内容请加上英文引号。"
    )


def test_parser_rejecting_a_character_is_explained_with_its_place() -> None:
    # The loader refuses such characters itself before parsing; this is the net below it.
    error = yaml.reader.ReaderError("<unicode string>", 8, 0x0B, "utf-8", "special characters are not allowed")
    issue = describe_syntax_error(error, Lines("a: 1\nb: \x0b\n"))
    assert (issue.line, issue.column) == (2, 4)
    assert issue.message.startswith("这里有一个 YAML 不接受的特殊字符 U+000B")


def test_second_document_is_refused(loader: type) -> None:
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.column) == (2, 1)
    assert "第二个用“---”分隔的部分" in problem.message


def test_leading_document_marker_is_fine() -> None:
    assert load("---\na: 1\n...\n").data == {"a": 1}


def test_lines_are_counted_as_yaml_counts_them() -> None:
    source = Lines("a\r\nb\rc\u2028d\ne")
    assert [source.position(index) for index in (0, 3, 5, 7, 9)] == [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1)]
    assert source.line(2) == "b"
    assert source.line(9) == ""


# --- Encodings --------------------------------------------------------------------------

CHINESE_FORM = "年度: 2023\n单位: 某某市司法局\n标题: 关于法治政府建设情况的报告\n"
CHINESE_DATA = {"年度": 2023, "单位": "某某市司法局", "标题": "关于法治政府建设情况的报告"}


def test_utf8_bom() -> None:
    form = load(codecs.BOM_UTF8 + CHINESE_FORM.encode("utf-8"))
    assert form.data == CHINESE_DATA
    assert form.warnings == []
    assert form.value_marks[("年度",)] == Mark(1, 5)  # the BOM takes no column


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    form = load(bom + CHINESE_FORM.encode(encoding))
    assert form.data == CHINESE_DATA
    assert form.warnings == []


def test_gbk_is_read_with_a_warning() -> None:
    form = load(CHINESE_FORM.encode("gbk"))
    assert form.data == CHINESE_DATA
    [warning] = form.warnings
    assert warning.severity is Severity.WARNING
    assert (warning.file, warning.line) == ("inputs/a.yaml", 0)
    assert "已按 GB18030 读取" in warning.message
    # The one advice on saving as UTF-8 (draft.text.decode.SAVE_AS_UTF8), as every message on an encoding gives it.
    assert "用记事本打开它，选择“另存为”，编码选“UTF-8”后保存" in warning.message


def test_gb18030_only_characters() -> None:
    # U+20000 has no GBK code; GB18030 writes it in four bytes.
    form = load("姓名: 张\U00020000\n".encode("gb18030"))
    assert form.data == {"姓名": "张\U00020000"}
    assert len(form.warnings) == 1


def test_gbk_warning_is_kept_when_the_form_has_errors() -> None:
    found = problems("年度: 2023\n年度: 2024\n".encode("gbk"))
    assert [problem.severity for problem in found] == [Severity.ERROR, Severity.WARNING]


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", id="docx"),
        pytest.param(b"a: 1\x00\nb: 2\n", id="nul-byte"),
        pytest.param("caf\u00e9: 1\n".encode("latin-1"), id="latin1-no-chinese"),
        pytest.param(codecs.BOM_UTF16_LE + b"a\x00:", id="utf16-odd-length"),
        pytest.param(bytes(range(256)), id="all-bytes"),
    ],
)
def test_binary_or_undecodable_files_are_refused(raw: bytes) -> None:
    problem = only_problem(raw)
    assert problem.line == 0
    assert problem.message.startswith("这个文件不是文本格式的表单")
    assert "编码选“UTF-8”" in problem.message


def test_utf8_with_a_few_bad_bytes_points_at_them() -> None:
    # "测" in GBK starts with 0xB2, which UTF-8 cannot start a character with.
    raw = "标题: 关于法治政府建设情况的报告\n单位: 某某".encode() + "测试".encode("gbk") + b"\n"
    problem = only_problem(raw)
    assert (problem.line, problem.column) == (2, 7)
    assert "无法识别的字节" in problem.message


def test_utf8_bom_with_bad_bytes_points_at_them() -> None:
    problem = only_problem(codecs.BOM_UTF8 + b"a: 1\nb: \xff\n")
    assert (problem.line, problem.column) == (2, 4)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(CHINESE_FORM.encode(), id="utf8"),
        pytest.param(codecs.BOM_UTF8 + CHINESE_FORM.encode(), id="utf8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + CHINESE_FORM.encode("utf-16-le"), id="utf16"),
        pytest.param(CHINESE_FORM.encode("gbk"), id="gbk"),
    ],
)
def test_the_text_read_is_kept_without_its_byte_order_mark(raw: bytes) -> None:
    form = load(raw)
    assert form.source == CHINESE_FORM
    line, column = form.value_marks[("单位",)]
    assert Lines(form.source).line(line)[column - 1 :] == "某某市司法局"


def test_utf8_with_a_third_pasted_from_gbk_points_at_the_first_bad_byte() -> None:
    # Read as GB18030, the UTF-8 two thirds would all be garbled: better to point at the GBK third.
    raw = "标题: 关于法治政府建设情况的报告\n".encode() + "单位: 某某市司法局\n".encode("gbk")
    problem = only_problem(raw)
    assert (problem.line, problem.column) == (2, 1)
    assert "无法识别的字节" in problem.message


# --- Empty and wrongly shaped forms --------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n", "# 注释\n# 只有注释\n", "---\n", "\ufeff"])
def test_empty_form(text: str) -> None:
    problem = only_problem(text)
    assert problem.line == 0
    assert problem.message.startswith("表单是空的")
    assert f"year: {proposed_year(datetime.date.today())}" in problem.message  # an example in the year being reported on now


def test_list_root() -> None:
    problem = only_problem("- 年度: 2023\n- 单位: 司法局\n")
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("表单最外层必须是“字段名: 内容”的形式，而这里是一个列表")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("这是一段文字\n", ""),
        # The colon slip in the words it has wherever it is told (draft.form.yaml_errors.colon_slip_message).
        ("标题：内容\n", "这一行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，请改成：标题: 内容"),
        ("标题:内容\n", "这一行的冒号后面缺少空格，YAML 因此认不出字段。请在冒号后面加一个空格，写成：标题: 内容"),
        ("单位：司法局\n年度：2023\n", "这 2 行用的是中文冒号“：”。YAML 只认英文冒号，而且冒号后面要有一个空格，"
                                 "请改成（每个字段单独一行）：\n单位: 司法局\n年度: 2023"),
        ("~\n", ""),
        ('"引号里的文字"\n', ""),
    ],
)
def test_scalar_root(text: str, hint: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("整个表单被读成了一段文字")
    year = proposed_year(datetime.date.today())  # the example is in the year being reported on now
    assert f"例如“year: {year}”" in problem.message
    assert problem.message.endswith(hint or f"例如“year: {year}”。")


# --- Files -------------------------------------------------------------------------------------


def test_load_form_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(CHINESE_FORM, encoding="utf-8")
    form = load_form(path)
    assert form.data == CHINESE_DATA
    assert form.path == path


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(CannotProceed) as caught:
        load_form(tmp_path / "无此文件.yaml")
    assert caught.value.exit_code == EXIT_USAGE
    [problem] = caught.value.problems
    assert problem.message.startswith("找不到文件")
    assert "无此文件.yaml" in problem.message


def test_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(CannotProceed) as caught:
        load_form(tmp_path)
    assert "是一个文件夹，不是表单文件" in caught.value.problems[0].message


def test_unreadable_file_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, for whom chmod 000 does not block reading.
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(CannotProceed) as caught:
        load_form(tmp_path / "a.yaml")
    assert "没有权限读取" in caught.value.problems[0].message


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES - 2))  # one byte over
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert caught.value.exit_code == EXIT_BAD_INPUT
    [problem] = caught.value.problems
    assert problem.message.startswith("文件太大（1,048,577 字节），表单文件不能超过 1 MB（1,048,576 字节）")


def test_oversized_bytes_are_refused_before_decoding() -> None:
    # Not even valid text: the size is checked first.
    problem = only_problem(b"\xff" * (MAX_BYTES + 1))
    assert problem.message.startswith("文件太大")


def test_exactly_the_size_limit_is_accepted() -> None:
    raw = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(raw) == MAX_BYTES
    assert len(load(raw).data["a"]) == MAX_BYTES - 4


# --- Limits ----------------------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_refused_quickly(loader: type) -> None:
    started = time.thread_time()  # processor time: what else the machine runs does not count
    problem = only_problem(BILLION_LAUGHS)
    assert time.thread_time() - started < 2
    assert problem.message.startswith(f"表单展开后的内容太多（超过 {MAX_NODES:,} 项）")
    assert problem.line > 0


def test_alias_bomb_is_refused_with_little_memory() -> None:
    tracemalloc.start()
    try:
        problems(BILLION_LAUGHS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30 * 1024 * 1024  # the expanded structure would need gigabytes


def test_aliases_within_the_limit_are_expanded() -> None:
    form = load("base: &base\n  单位: 司法局\n  年度: 2023\ncopy: *base\nlist: [*base, *base]\n")
    assert form.data["copy"] == {"单位": "司法局", "年度": 2023}
    assert form.data["list"] == [form.data["base"]] * 2
    assert form.data["copy"] is not form.data["base"]  # copies, so that callers may change one
    assert form.value_marks[("copy",)] == Mark(4, 7)  # where the alias is written
    assert form.value_marks[("copy", "年度")] == Mark(3, 7)  # where the value is written
    assert form.key_marks[("list", 1, "单位")] == Mark(2, 3)


def test_too_many_plain_values_are_refused() -> None:
    text = "a: [" + "1," * MAX_NODES + "]\n"
    problem = only_problem(text)
    assert problem.message.startswith(f"表单的内容太多（超过 {MAX_NODES:,} 项）")


def nested(depth: int) -> str:
    return "[" * depth + "x" + "]" * depth


def test_nesting_at_the_limit_is_accepted() -> None:
    # The root mapping is the first level.
    data = load("a: " + nested(MAX_DEPTH - 1) + "\n").data
    for _ in range(MAX_DEPTH):
        data = data["a"] if isinstance(data, dict) else data[0]
    assert data == "x"


def test_nesting_over_the_limit_is_refused(loader: type) -> None:
    problem = only_problem("a: " + nested(MAX_DEPTH) + "\n")
    assert (problem.line, problem.column) == (1, 4 + MAX_DEPTH - 1)
    assert problem.field == ""  # refused while reading, before anything is built
    assert problem.message.startswith(f"这里嵌套的层级太深（超过 {MAX_DEPTH} 层）")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 10_000, id="10k-open-brackets"),
        pytest.param(nested(400_000), id="400k-brackets"),  # crashes libyaml's own composer
        pytest.param("- " * 400_000 + "x", id="400k-dashes"),
        pytest.param("{a: " * 200_000, id="200k-braces"),
    ],
)
def test_deep_nesting_is_refused_fast(loader: type, text: str) -> None:
    started = time.thread_time()  # processor time: what else the machine runs does not count
    problem = only_problem(text)
    # The pure-Python parser is only a fallback, and several times slower.
    assert time.thread_time() - started < (2 if loader is yaml.CSafeLoader else 10)
    assert "层级太深" in problem.message


def test_deep_nesting_through_aliases_is_refused() -> None:
    text = "a: &a " + nested(30) + "\nb: " + "[" * 30 + "*a" + "]" * 30 + "\n"
    problem = only_problem(text)
    assert problem.message.startswith("这里嵌套的层级太深")
    assert problem.field.startswith("b[0][0]")


def test_long_chain_of_merges_in_document_order_is_fine() -> None:
    text = "m0: &m0 {a: 0}\n" + "".join(f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: {i}}}\n" for i in range(1, 80))
    assert load(text).data["m79"] == {"a": 0, **{f"k{i}": i for i in range(1, 80)}}


@pytest.mark.parametrize(("text", "line", "column"), [("b: <<\n", 1, 4), ("b: [<<, a]\n", 1, 5), ("b:\n  - <<\n", 2, 5)])
def test_a_merge_key_where_a_value_belongs_is_named_as_written(text: str, line: int, column: int) -> None:
    # YAML tags a bare << "!!merge", which the user never typed: found by test_yaml_like_text_loads_or_raises_form_error.
    problem = only_problem(text)
    assert (problem.line, problem.column) == (line, column)
    assert problem.message == (
        "“<<”只能写在字段名的位置，表示合并另一个字典（例如“<<: *默认值”）。如果“<<”是内容的一部分，请给整个内容加上英文引号。"
    )


def test_deep_chain_of_merges_is_refused() -> None:
    # Mappings written as keys are not built where they stand, so the last
    # line resolves the whole chain of merges at once.
    text = "? &m0 {a: 0}\n: x\n" + "".join(f"? &m{i} {{<<: *m{i - 1}}}\n: x\n" for i in range(1, 2000))
    found = problems(text + "last: {<<: *m1999}\n")
    [deep] = [problem for problem in found if problem.message.startswith("这里嵌套的层级太深")]
    assert deep.field == "last"
    assert len(found) == 2000 + 1  # and one for each mapping written as a key


def test_a_form_ten_times_as_long_loads_in_about_ten_times_the_time() -> None:
    def form(measures: int) -> bytes:
        return "".join(
            f"措施{i}:\n  标题: 深入学习贯彻习近平法治思想第{i}项\n"
            f"  内容: 坚持把学习宣传贯彻习近平法治思想作为首要政治任务，推进依法行政。\n"
            f"  日期: 2024-01-{i % 28 + 1:02d}\n  数量: {i}\n"
            for i in range(measures)
        ).encode()

    assert len(form(100)) > 20_000  # a long report's worth
    # Linear: about 10 (10-11 measured). A stage quadratic in the length takes 100 times as long,
    # so 30 leaves a linear load three times the room on a noisy machine and still fails a quadratic one.
    assert slowdown(load, form(100), form(1000)) < 30


# --- Characters Word cannot store -------------------------------------------------------------


def test_raw_control_characters_are_each_reported() -> None:
    found = problems("a: 第一\x0b行\nb: 换页\x0c\nc: 删除\x7f和\x85\nd: \ufffe\n")
    assert [(problem.line, problem.column) for problem in found] == [(1, 6), (2, 6), (3, 6), (3, 8), (4, 4)]
    assert [problem.message.split("U+")[1][:4] for problem in found] == ["000B", "000C", "007F", "0085", "FFFE"]
    assert found[0].message == (
        "这里有一个看不见的特殊字符 U+000B，通常是从网页、Word 或聊天软件复制粘贴时带进来的，Word 文档无法保存它。"
        "请把光标移到这里，删掉这个字符（它可能看起来像空格，或者什么都看不到）。"
    )


def test_tab_newline_and_carriage_return_are_allowed() -> None:
    assert load('a: "x\ty"\r\nb: |\n  one\n  two\n').data == {"a": "x\ty", "b": "one\ntwo\n"}


def test_many_control_characters_are_summed_up() -> None:
    count = MAX_CHARACTER_REPORTS + 50
    found = problems("a: " + "\x0b" * count + "\n")
    assert len(found) == MAX_CHARACTER_REPORTS + 1
    assert found[-1].message.startswith("从这里开始还有 50 个这样的特殊字符")
    assert (found[-1].line, found[-1].column) == (1, 4 + MAX_CHARACTER_REPORTS)


@pytest.mark.parametrize(
    ("written", "code"),
    [("\\x0b", "000B"), ("\\v", "000B"), ("\\f", "000C"), ("\\u0007", "0007"), ("\\x7f", "007F"), ("\\N", "0085")],
)
def test_escaped_control_characters_are_reported(loader: type, written: str, code: str) -> None:
    problem = only_problem(f'a:\n  b: "第一{written}行"\n')
    assert (problem.line, problem.column, problem.field) == (2, 9, "a.b")
    assert problem.message == (
        f"这里的“{written}”写的是一个看不见的控制字符 U+{code}，通常是复制粘贴带进来的，"
        f"Word 文档无法保存它。请删掉“{written}”。"
    )


def test_escaped_control_characters_in_keys_are_reported() -> None:
    problem = only_problem('"a\\x0b": 1\n')
    assert (problem.line, problem.column) == (1, 3)


def test_escaped_lone_surrogate(loader: type) -> None:
    problem = only_problem('a: "\\ud800"\n')
    assert (problem.line, problem.column) == (1, 5)
    assert "\\ud800" in problem.message


def test_escaped_characters_word_can_store_are_fine() -> None:
    assert load('a: "\\t\\u4e2d\\\\x0b"\n').data == {"a": "\t中\\x0b"}


def test_out_of_range_escape_with_the_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    # The pure-Python scanner raises ValueError here instead of a YAML error.
    monkeypatch.setattr(form_yaml, "PARSER", yaml.SafeLoader)
    problem = only_problem('a: 1\nb: "x\\UFFFFFFFF"\n')
    assert (problem.line, problem.column) == (2, 6)
    assert "“\\U”转义写了一个不存在的字符编码" in problem.message


# --- Anchors, aliases, merges, tags ------------------------------------------------------------


def test_merge_keys_follow_yaml_safe_load() -> None:
    text = "base: &b {x: 1, y: 2}\nmore: &m {y: 9, z: 3}\nc:\n  <<: [*b, *m]\n  y: 5\n"
    form = load(text)
    assert form.data == yaml.safe_load(text)
    assert form.key_marks[("c", "x")] == Mark(1, 11)  # the merged key, where it is written
    assert form.key_marks[("c", "y")] == Mark(5, 3)


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert load('"<<": x\n').data == {"<<": "x"}


@pytest.mark.parametrize(
    ("text", "line", "column", "field", "expected"),
    [
        ("a: *x\n", 1, 4, "a", "“*x”引用的“&x”没有定义"),
        ("a: &x [1, *x]\n", 1, 11, "a[1]", "“*x”引用了包含它自己的内容"),
        ("a: &x {<<: *x}\n", 1, 12, "a", "“<<”合并的内容包含它自己"),
        ("a: {<<: 1}\n", 1, 9, "a", "“<<”表示合并另一个字典"),
        ("a: {<<: [*nope]}\n", 1, 10, "a", "“*nope”引用的“&nope”没有定义"),
        ("a: &x 1\nb: &x 2\n", 2, 4, "", "“&x”定义了两次（第1行和第2行）"),
        ("[a]: 1\n", 1, 1, "", "字段名必须是一段普通文字"),
        ('"": 1\n', 1, 1, "", "这里的字段名是空的"),
        ("a: !!binary aGVsbG8=\n", 1, 4, "a", "“!!binary”是表单不支持的 YAML 类型标记"),
        ("a: !!python/object:os.system 1\n", 1, 4, "a", "“!!python/object:os.system”是表单不支持的"),
        ("a: !local x\n", 1, 4, "a", "“!local”是表单不支持的"),
        ("a: !!set {x}\n", 1, 4, "a", "“!!set”是表单不支持的"),
        ("a: !!map [x]\n", 1, 4, "a", "“!!map”是表单不支持的"),
        ("日期: 2024-02-30\n", 1, 5, "日期", "“2024-02-30”不是一个存在的日期"),
        ("日期: 2024-13-01\n", 1, 5, "日期", "不是一个存在的日期"),
        ("a: !!int abc\n", 1, 4, "a", "“abc”无法按整数读取"),
        ('a: !!int ""\n', 1, 4, "a", "无法按整数读取"),
        ("a: !!bool maybe\n", 1, 4, "a", "无法按是/否（true/false）读取"),
        ("a: " + "1" * 5000 + "\n", 1, 4, "a", "“" + "1" * 20 + "……”会被 YAML 读成一个数字，但它有 5,000 个字符，太长了"),
    ],
)
def test_content_errors(text: str, line: int, column: int, field: str, expected: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.field) == (line, column, field)
    assert expected in problem.message


def test_content_errors_are_all_reported_once() -> None:
    text = "base: &b {when: 2024-02-30}\na: *b\nb: *b\nc: *undefined\nd: {x: 1, x: 2}\n"
    found = problems(text)
    assert [(problem.line, problem.field) for problem in found] == [(1, "base.when"), (4, "c"), (5, "d.x")]


def test_surprising_numbers_give_warnings() -> None:
    form = load('开会: 10:30\n编号: 012\n正常: "10:30"\n数量: 12\n')
    assert form.data == {"开会": 630, "编号": 10, "正常": "10:30", "数量": 12}
    assert [str(warning) for warning in form.warnings] == [
        "inputs/a.yaml:1:5 开会:[提示] “10:30”会被读成数字 630（YAML 把用冒号隔开的数字当作六十进制）。"
        '如果这是时间或比分，请加上英文引号写成 "10:30"。',
        "inputs/a.yaml:2:5 编号:[提示] “012”会被读成数字 10（YAML 把以 0 开头的数字当作八进制）。"
        '如果这是编号，请加上英文引号写成 "012"。',
    ]


# --- Numbers too long to read --------------------------------------------------------------------
# Python turns no integer of more than 4,300 digits into text, and YAML 1.1 reads 0x…, 0b… and
# 1:30:… as integers (sexagesimal ones in time growing with the square of their length).

TOO_LONG_NUMBER = (
    "inputs/a.yaml:2:8 报告标题:“{shown}……”会被 YAML 读成一个数字，但它有 {length} 个字符，太长了（一个数字最多 100 个字符）。"
    "如果它是文字（例如编号），请给整个内容加上英文引号；如果是数字，请检查是否多写了。"
)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("0x" + "f" * 5000, id="hexadecimal"),
        pytest.param("0b" + "1" * 20000, id="binary"),
        pytest.param("1" + ":30" * 3000, id="sexagesimal"),
        pytest.param("1" * 5000, id="decimal"),
        pytest.param("1" + ":30" * 3000 + ".5", id="sexagesimal float"),
        pytest.param("1" * 5000 + ".5", id="float"),
    ],
)
def test_a_number_too_long_is_told_at_its_line(loader: type, written: str) -> None:
    [problem] = problems(f"year: 2023\ntitle: {written}\n")
    assert str(problem) == TOO_LONG_NUMBER.format(shown=written[:20], length=f"{len(written):,}")


def test_a_year_too_long_is_told_to_be_written_in_four_digits() -> None:
    problem = only_problem("year: 0x" + "7" * 200 + "\n")
    assert str(problem) == (
        "inputs/a.yaml:1:7 报告年度:“0x777777777777777777……”会被 YAML 读成一个数字，但它有 202 个字符，太长了"
        "（一个数字最多 100 个字符）。年份请直接写 4 位数字，例如 2023。"
    )


def test_a_tagged_number_too_long_is_told_too() -> None:
    assert "有 5,002 个字符，太长了" in only_problem('a: !!int "0x' + "f" * 5000 + '"\n').message


def test_a_megabyte_of_sexagesimal_is_refused_at_once() -> None:
    started = time.thread_time()  # processor time: what else the machine runs does not count
    assert "个字符，太长了" in only_problem("a: 1" + ":30" * 340_000 + "\n").message
    assert time.thread_time() - started < 2


def test_numbers_keep_how_they_were_written() -> None:
    form = load("a: 0.00\nb: [.nan, 1_000, 12]\nc: &c 1.50\nd: *c\ne: text\nf: true\n")
    assert form.numbers_written == {("a",): "0.00", ("b", 0): ".nan", ("b", 1): "1_000", ("b", 2): "12", ("c",): "1.50", ("d",): "1.50"}


# --- Properties ---------------------------------------------------------------------------------

# Text Word can store: no surrogates, no controls but tab/LF/CR, no U+FFFE/U+FFFF.
# On one line: a text wrapped over lines is read as a Chinese form means it (tests/test_folding.py), not as
# safe_load reads it, and the dumper wraps and breaks lines where it likes.
safe_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufffe\uffff\x85") | st.sampled_from("\t"),
    max_size=20,
)
keys = st.one_of(safe_text.filter(bool), st.integers(min_value=-(10**6), max_value=10**6))
scalars = st.one_of(
    safe_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.dates(),
)
PARSERS = st.sampled_from([yaml.CSafeLoader, yaml.SafeLoader])


def distinct_as_text(mapping: dict[Any, Any]) -> bool:
    """Keys stay apart in a form, where every key is the text written: not "0" beside 0."""
    return len({str(key) for key in mapping}) == len(mapping)
trees = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4).filter(distinct_as_text),
    max_leaves=30,
)


def with_str_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): with_str_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_str_keys(item) for item in value]
    return value


def value_paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from value_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_paths(item, (*path, index))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, trees, min_size=1, max_size=4).filter(distinct_as_text), PARSERS)
def test_dumped_data_round_trips_with_marks(data: dict[Any, Any], parser: type) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, width=float("inf"))  # no line folded by the dumper
    expected = with_str_keys(data)
    original = form_yaml.PARSER
    form_yaml.PARSER = parser
    try:
        form = load(text)
    finally:
        form_yaml.PARSER = original
    assert form.data == expected
    assert form.warnings == []
    source = Lines(text)
    for path in value_paths(expected):
        mark = form.value_marks[path]
        assert 1 <= mark.line <= text.count("\n") + 1
        assert 1 <= mark.column <= len(source.line(mark.line)) + 1
        if path:
            assert (path in form.key_marks) == isinstance(path[-1], str)
    assert set(form.value_marks) == set(value_paths(expected))


# Pieces that reach many different parser errors and our own checks.
YAMLISH = st.lists(
    st.sampled_from([*"ab :-[]{}\"'\\&*!|>#%@`\t\n,?~01x中：\x0b\x85\ufeff", "\n  ", ": ", "- ", "\\x0b", "<<"]),
    max_size=40,
).map("".join)


def assert_loads_or_form_error(raw: bytes, parser: type) -> None:
    original = form_yaml.PARSER
    form_yaml.PARSER = parser
    try:
        form = load_bytes(raw, FORM)
    except FormError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "inputs/a.yaml"
            assert problem.message
            assert problem.line >= 0 and problem.column >= 0
    else:
        assert isinstance(form.data, dict)
    finally:
        form_yaml.PARSER = original


@settings(max_examples=500)
@given(st.binary(max_size=300), PARSERS)
def test_arbitrary_bytes_load_or_raise_form_error(raw: bytes, parser: type) -> None:
    assert_loads_or_form_error(raw, parser)


@settings(max_examples=500)
@given(st.text(max_size=200), PARSERS)
def test_arbitrary_text_loads_or_raises_form_error(text: str, parser: type) -> None:
    assert_loads_or_form_error(text.encode("utf-8"), parser)


@settings(max_examples=1000)
@given(YAMLISH, PARSERS)
def test_yaml_like_text_loads_or_raises_form_error(text: str, parser: type) -> None:
    assert_loads_or_form_error(text.encode("utf-8"), parser)


# What YAML 1.1 reads as a number, in every notation it knows, short and long.
NUMBER_NOTATIONS = st.one_of(
    st.from_regex(r"[-+]?(0|[1-9][0-9_]{0,150})", fullmatch=True),
    st.from_regex(r"[-+]?0x[0-9a-fA-F_]{1,150}", fullmatch=True),
    st.from_regex(r"[-+]?0b[01_]{1,150}", fullmatch=True),
    st.from_regex(r"[-+]?0[0-7_]{1,150}", fullmatch=True),
    st.from_regex(r"[-+]?[1-9][0-9_]{0,3}(:[0-5]?[0-9]){1,60}(\.[0-9_]{0,5})?", fullmatch=True),
    st.from_regex(r"[-+]?[0-9][0-9_]{0,80}\.[0-9_]{0,80}([eE][-+][0-9]{1,4})?", fullmatch=True),
    st.sampled_from([".nan", ".NaN", ".inf", "-.inf", "+.INF"]),
)


@settings(max_examples=500)
@given(NUMBER_NOTATIONS, PARSERS)
def test_every_number_yaml_reads_is_read_as_yaml_reads_it_or_told_as_too_long(written: str, parser: type) -> None:
    text = f"a: {written}\n"
    original = form_yaml.PARSER
    form_yaml.PARSER = parser
    try:
        if len(written) > form_yaml.MAX_NUMBER_LENGTH:
            problem = only_problem(text)
            assert (problem.line, problem.column, problem.field) == (1, 4, "a")
            assert f"但它有 {len(written):,} 个字符，太长了" in problem.message
            return
        try:
            expected = yaml.safe_load(text)["a"]
        except ValueError:  # 0x_: no digits
            assert (only_problem(text).line, only_problem(text).column) == (1, 4)
            return
        form = load(text)
    finally:
        form_yaml.PARSER = original
    read = form.data["a"]
    assert read == expected or (read != read and expected != expected)  # nan is not equal to itself
    assert form.numbers_written == {("a",): written}
    for warning in form.warnings:  # any number shows in a message, however it was written
        assert warning.line == 1


def test_a_date_that_does_not_exist_in_a_date_field_is_not_told_to_be_quoted() -> None:
    # Quoting 2027-13-01 in the 成文日期 would only get "写法不对": the digit is what is wrong.
    [problem] = problems("year: 2026\ndate: 2027-13-01\n")
    assert str(problem) == "inputs/a.yaml:2:7 成文日期:“2027-13-01”不是一个存在的日期，请检查年、月、日（例如 2 月没有 30 日，月份最大是 12）。"


def test_a_tab_before_the_first_field_of_a_part_is_fixed_under_the_part() -> None:
    # The line under measures: was meant as its field: two spaces, not none (which left measures empty).
    found = problems("unit: 青山县司法局\nyear: 2026\nmeasures:\n\ttext: 全年办理案件12件。\n")
    assert [str(problem) for problem in found] == [
        "inputs/a.yaml:4:1:这一行开头的缩进里有 Tab 字符，YAML 只认空格。请用空格缩进，不要用 Tab 键（同一级的字段左边空格数要相同，"
        "一般每级 2 个空格）。这一行改成（行首 2 个空格）：text: 全年办理案件12件。"
    ]
