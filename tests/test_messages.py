"""Every message says in Chinese what is really wrong: click's own words, the system's, and the
characters and numbers that look right but are not."""

from __future__ import annotations

import datetime
import errno
import os
from pathlib import Path

import click
import pytest

from conftest import MINIMAL, run_cli
from draft.form.load import load_bytes
from draft.problems import FormError
from draft.text.dates import proposed_year
from draft.usage_messages import chinese_usage


def form(tmp_path: Path, text: str, name: str = "form.yaml") -> str:
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    return name


# --- click's words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml"], "用法错误：--format 的值不对：不能写“xml”，只能写 text、json 之一。（运行 draft check --help 查看用法）"),
        (["import", "report.txt", "-o", "folder"], "用法错误：-o/--output 的值不对：“folder”是一个文件夹，这里要写文件名。（运行 draft import --help 查看用法）"),
    ],
)
def test_click_s_value_errors_are_in_chinese(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "folder").mkdir()
    result = run_cli(*args, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (click.exceptions.NoSuchOption("--fo", possibilities=["--force", "--format"]), "没有 --fo 这个选项。 （您是不是想输入以下之一：--force、--format？）"),
        (click.BadParameter('Path "it\'s.yaml" is not readable.', param_hint="'[表单文件]...'"), "[表单文件]... 的值不对：没有权限读取“it's.yaml”。"),
        (click.BadParameter("Directory 'out' is not writable.", param_hint="'-o'"), "-o 的值不对：没有权限写入“out”。"),
        (click.BadParameter("Path 'x' does not exist."), "值不对：找不到“x”。"),
        (click.BadParameter("File 'x' is a file."), "值不对：“x”是一个文件，这里要写文件夹。"),
    ],
)
def test_every_phrase_of_click_is_translated(error: click.ClickException, message: str) -> None:
    assert chinese_usage(error.format_message()) == message


def test_a_form_that_may_not_be_read_is_told_in_chinese_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    form(tmp_path, MINIMAL, "a_locked.yaml")
    form(tmp_path, MINIMAL, "b_open.yaml")
    os.chmod(tmp_path / "a_locked.yaml", 0)
    real_open = os.open

    def open_as_a_user(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Tests may run as root, whom permissions do not stop: the refusal is the system's.
        if str(path).endswith("a_locked.yaml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_as_a_user)
    result = run_cli("build", "a_locked.yaml", "b_open.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("a_locked.yaml:没有权限读取“a_locked.yaml”。请检查文件权限，或关闭正在使用它的程序后再试。\n")
    assert "已生成：output/b_open.docx" in result.stdout
    assert "readable" not in result.output


# --- The system's words -----------------------------------------------------------------------------


def test_a_report_name_too_long_for_the_disk_is_told_in_chinese(tmp_path: Path) -> None:
    stem = "报" * 83 + "ab"  # 251 bytes: the form (.yml) fits in 255, its report (.docx) does not
    form(tmp_path, MINIMAL, f"{stem}.yml")
    result = run_cli("build", f"{stem}.yml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "无法写入文件（文件名太长）。文件名最长 255 字节（约 80 个汉字）：请把表单文件改一个短一些的名字。\n"
    )
    assert "too long" not in result.stderr


# --- Numbers and dates that look right --------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("２０２３", "form.yaml:2:7 报告年度:year（报告年度） 用了全角数字“２０２３”，应写半角数字：写 2023（把输入法切换到英文或半角状态再输入）。"),
        ("0x7E7", "form.yaml:2:7 报告年度:year（报告年度） 应直接写 4 位数字的年份，例如 2023。现在写的“0x7E7”会被 YAML 读成数字 2023，请改写。"),
        ("2_023", "form.yaml:2:7 报告年度:year（报告年度） 应直接写 4 位数字的年份，例如 2023。现在写的“2_023”会被 YAML 读成数字 2023，请改写。"),
        ("0b11111100111", "form.yaml:2:7 报告年度:year（报告年度） 应直接写 4 位数字的年份，例如 2023。现在写的“0b11111100111”会被 YAML 读成数字 2023，请改写。"),
        ('"2023"', 'form.yaml:2:7 报告年度:year（报告年度） 应写数字，不要加引号：写 2023 而不是 "2023"。'),
    ],
)
def test_a_year_not_written_in_plain_digits_is_refused(tmp_path: Path, year: str, message: str) -> None:
    result = run_cli("validate", form(tmp_path, MINIMAL.replace("year: 2023", f"year: {year}")), cwd=tmp_path)
    assert result.exit_code == 1
    assert message in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("9999-12-31", "date（成文日期）9999年12月31日 比 2023 年度晚了 7976 年。报告通常在下一年年初成文，例如 2024-01-15。"),
        ("2026-01-15", "date（成文日期）2026年1月15日 比 2023 年度晚了 3 年。报告通常在下一年年初成文，例如 2024-01-15。"),
    ],
)
def test_a_date_years_after_the_report_s_year_is_refused(tmp_path: Path, date: str, message: str) -> None:
    result = run_cli("validate", form(tmp_path, MINIMAL + f"date: {date}\n"), cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"form.yaml:9:7 成文日期:{message}\n"
    assert run_cli("validate", form(tmp_path, MINIMAL + "date: 2025-03-01\n"), cwd=tmp_path).exit_code == 0


# --- Characters nobody can see ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("space", "name", "spaces"), [("\u3000\u3000", "全角空格（U+3000）", 4), ("\u00a0\u00a0", "不换行空格（U+00A0）", 2)]
)
def test_indentation_with_full_width_or_no_break_spaces_is_told_as_such(tmp_path: Path, space: str, name: str, spaces: int) -> None:
    # Told at its line and column, the character named, and nothing else: the line read as meant, the part is not empty.
    text = MINIMAL.replace("  text: 学习还不够深入。", f"{space}text: 学习还不够深入。")
    result = run_cli("validate", form(tmp_path, text), cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"form.yaml:6:1:这一行开头的缩进里有{name}，通常是从网页、Word 或聊天软件复制粘贴时带进来的。"
        f"YAML 只认半角空格的缩进，读不出这一行的层级。请删掉这些字符，改用半角空格缩进（行首 {spaces} 个空格）：text: 学习还不够深入。\n"
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "name"),
    [
        # YAML stops at the line: it was told as indentation in general, at the line after it.
        ("measures:\n  text: |\n    一段\n  \u3000二段\nyear: 2023\n", 4, 3, "全角空格（U+3000）"),
        ("measures:\n  text: 好\n\u00a0\u00a0title: 好\nyear: 2023\n", 3, 1, "不换行空格（U+00A0）"),
        ("measures:\n  items:\n    - title: 好\n    \u200b  text: 好\n", 4, 5, "零宽空格（U+200B）"),
    ],
)
def test_invisible_indentation_is_named_at_its_line_and_column(text: str, line: int, column: int, name: str) -> None:
    with pytest.raises(FormError) as raised:
        load_bytes(text.encode(), Path("form.yaml"))
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == (line, column)
    assert problem.message.startswith(f"这一行开头的缩进里有{name}，")


def test_an_invisible_character_in_a_field_name_is_named(tmp_path: Path) -> None:
    result = run_cli("validate", form(tmp_path, MINIMAL.replace("unit:", "un\u200bit:")), cwd=tmp_path)
    assert result.exit_code == 1
    assert (
        "字段名“unit”里有看不见的零宽空格（U+200B），通常是从网页、Word 或聊天软件复制粘贴时带进来的。请删掉整个字段名，重新输入 unit。"
    ) in result.stderr
    assert "您是不是想写" not in result.stderr


@pytest.mark.parametrize(
    ("char", "line"),
    [
        ("\u202e", "form.yaml:4:13 主要举措和成效 › 正文:[错误] 这里有一个看不见的文字方向控制符（U+202E），它会让后面的文字在 Word 里倒过来显示（常被用来伪装文字）。请删掉它。（改法：删掉这个字符）"),
        ("\u2067", "form.yaml:4:13 主要举措和成效 › 正文:[错误] 这里有一个看不见的文字方向控制符（U+2067），它会让后面的文字在 Word 里倒过来显示（常被用来伪装文字）。请删掉它。（改法：删掉这个字符）"),
        ("\u200b", "form.yaml:4:13 主要举措和成效 › 正文:[提示] 这里有一个看不见的零宽空格（U+200B），通常是复制粘贴带进来的；它不显示，但会让 Word 里的查找和断行出错。请删掉它。（改法：删掉这个字符）"),
        ("\ufeff", "form.yaml:4:13 主要举措和成效 › 正文:[提示] 这里有一个看不见的零宽不换行空格（BOM）（U+FEFF），通常是复制粘贴带进来的；它不显示，但会让 Word 里的查找和断行出错。请删掉它。（改法：删掉这个字符）"),
        ("\ufffd", "form.yaml:4:13 主要举措和成效 › 正文:[错误] 这里有一个乱码字符“\ufffd”（U+FFFD），通常是导入时原文件里有无法识别的文字留下的，这里的原文已经丢失。请对照原文改正。（改法：对照原文重新输入这里的文字）"),
    ],
)
def test_check_flags_characters_that_print_wrong_or_not_at_all(tmp_path: Path, char: str, line: str) -> None:
    result = run_cli("check", form(tmp_path, MINIMAL.replace("我局坚持依法行政。", f"我局坚持{char}依法行政。")), cwd=tmp_path)
    assert line in result.stdout.splitlines()
    assert result.exit_code == (1 if "[错误]" in line else 0)


def test_a_date_beside_a_year_written_as_true_or_false_is_not_judged_by_it(tmp_path: Path) -> None:
    # YAML reads no and false as a boolean, which Python counts as the number 0.
    result = run_cli("validate", form(tmp_path, MINIMAL.replace("year: 2023", "year: false") + "date: 0181-10-19\n"), cwd=tmp_path)
    assert result.exit_code == 1
    # The example is the year being reported on now (the form's own is no year).
    example = proposed_year(datetime.date.today())
    assert result.stderr == f"form.yaml:2:7 报告年度:year（报告年度） 应写阿拉伯数字的年份，例如 {example}，现在是“false”。\n"


# --- Names and values a terminal would act on ----------------------------------------------------------


def test_escape_sequences_and_direction_controls_in_a_file_name_are_shown_not_acted_on(tmp_path: Path) -> None:
    name = "a\x1b[2J\x1b]0;title\x07\u202ecod.yaml"  # clears the screen, retitles the window, reverses the rest
    form(tmp_path, MINIMAL.replace("year: 2023", "year: 1800"), name)
    result = run_cli("validate", name, cwd=tmp_path)
    assert result.exit_code == 1
    shown = "a\\x1b[2J\\x1b]0;title\\x07\\u202ecod.yaml"
    assert result.stderr.startswith(f"{shown}:2:7 报告年度:")
    form(tmp_path, MINIMAL, name)
    built = run_cli("build", name, cwd=tmp_path)
    assert built.exit_code == 0
    assert built.stdout == "已生成：output/a\\x1b[2J\\x1b]0;title\\x07\\u202ecod.docx\n"
    assert not any(char in built.output + result.output for char in "\x1b\x07\u202e")


def test_escape_sequences_typed_on_the_command_line_are_shown_not_acted_on() -> None:
    result = run_cli("build", "--format", "docx,\x1b[2J")
    assert result.exit_code == 2
    assert result.stderr == (
        "用法错误：--format 的值不对：不认识“\\x1b[2j”。可以写 docx（Word 文件）、html（网页）、pdf，几种之间用逗号隔开，"
        "例如 --format docx,html,pdf。（运行 draft build --help 查看用法）\n"
    )


# --- An empty name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "-o", ""], "用法错误：-o/--output 的值不对：文件夹的名字是空的。请写出文件夹的名字（当前文件夹写“.”）。（运行 draft build --help 查看用法）"),
        (["build", "--template", ""], "用法错误：--template 的值不对：文件夹的名字是空的。请写出文件夹的名字（当前文件夹写“.”）。（运行 draft build --help 查看用法）"),
        (["build", ""], "用法错误：[表单文件]... 的值不对：表单文件的名字是空的。请写出表单文件的名字。（运行 draft build --help 查看用法）"),
        (["import", "report.txt", "-o", ""], "用法错误：-o/--output 的值不对：表单文件的名字是空的。请写出表单文件的名字。（运行 draft import --help 查看用法）"),
    ],
)
def test_an_empty_name_is_refused_not_taken_for_the_current_folder(tmp_path: Path, args: list[str], message: str) -> None:
    form(tmp_path, MINIMAL, "form.yaml")
    (tmp_path / "inputs").mkdir()
    form(tmp_path / "inputs", MINIMAL, "form.yaml")
    (tmp_path / "report.txt").write_text("一、主要举措和成效\n\n我局坚持依法行政。\n", encoding="utf-8")
    result = run_cli(*args, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["form.yaml", "inputs", "report.txt"]


# --- A user's value quoted, however long ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("date", "form.yaml:9:7 成文日期:date（成文日期） 写法不对：“字字字字字字字字字字字字字字字字字字字字……”。请写成 2024-01-15 或 2024年1月15日 这样的日期。"),
        ("year", f"form.yaml:2:7 报告年度:year（报告年度） 应写阿拉伯数字的年份，例如 {proposed_year(datetime.date.today())}，现在是“字字字字字字字字字字字字字字字字字字字字……”。"),
    ],
)
def test_a_300_kb_value_is_quoted_as_an_excerpt(tmp_path: Path, field: str, message: str) -> None:
    text = MINIMAL.replace("year: 2023", "year: " + "字" * 100_000) if field == "year" else MINIMAL + "date: " + "字" * 100_000 + "\n"
    result = run_cli("validate", form(tmp_path, text), cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
