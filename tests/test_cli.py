"""The commands as a user meets them: help, init, build, template, exit codes."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import click
import docx
import pytest

from conftest import EXAMPLES, MINIMAL, filled_in, run_cli
from draft.form import starter as init_form
from draft.text import dates


def test_help_is_in_chinese() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    assert "GB/T 9704" in result.stdout and "draft build" in result.stdout
    for command in ("", "init", "validate", "check", "build", "import", "template", "schema"):
        sub = run_cli(*[word for word in (command, "--help") if word])
        assert sub.exit_code == 0
        assert sub.stdout.startswith("用法：draft") and "显示本说明并退出。" in sub.stdout, command
        for english in ("Usage", "Options", "Commands", "Show this message", "[default", "PATH"):
            assert english not in sub.stdout, (command, english)
        assert "生成， 其余" not in sub.stdout  # wrapped Chinese lines are joined without a space


@pytest.mark.parametrize("columns", range(60, 141, 8))
def test_help_never_breaks_an_option_or_its_value_at_a_hyphen(monkeypatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))  # the terminal's width, which click wraps the help to
    for command in ("", "init", "validate", "check", "build", "import", "template"):
        page = run_cli(*[word for word in (command, "--help") if word]).stdout
        assert not re.search(r"[A-Za-z-]-\n", page), (command, columns)  # "information-" / "disclosure", "--" / "kind"
    assert "draft init --kind information-disclosure 文件名。" in " ".join(run_cli("init", "--help").stdout.split())


def test_init_writes_a_form_that_validates_and_builds_once_filled_in(tmp_path: Path) -> None:
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    form = tmp_path / "inputs" / "report.yaml"
    text = form.read_text(encoding="utf-8")
    assert text.count("#") > 30
    # As it stands it is the example: each place is listed, and no report is built from it.
    assert run_cli("validate", cwd=tmp_path).exit_code == 1
    assert run_cli("build", cwd=tmp_path).exit_code == 1 and not (tmp_path / "output").exists()
    form.write_text(filled_in(text), encoding="utf-8")
    assert run_cli("validate", cwd=tmp_path).exit_code == 0
    build = run_cli("build", cwd=tmp_path)
    assert build.exit_code == 0, build.output
    assert "已生成：output/report.docx" in build.stdout
    document = docx.Document(str(tmp_path / "output" / "report.docx"))
    year = dates.proposed_year(datetime.date.today())
    assert document.paragraphs[-1].text == f"{year + 1}年1月15日"


@pytest.mark.parametrize(
    ("today", "year"),
    [
        ("2026-12-01", 2026),  # the last quarter: this year's report is being written
        ("2026-10-01", 2026),
        ("2026-09-30", 2025),  # before it: the report on the year just ended
        ("2027-01-05", 2026),
        ("2027-03-31", 2026),
    ],
)
def test_init_proposes_the_year_being_reported_on(tmp_path: Path, monkeypatch, today: str, year: int) -> None:
    monkeypatch.setattr(dates, "today", lambda: datetime.date.fromisoformat(today))
    assert run_cli("init", "form.yaml", cwd=tmp_path).exit_code == 0
    text = (tmp_path / "form.yaml").read_text(encoding="utf-8")
    assert f"\nyear: {year}\n" in text
    assert f"\ndate: {year + 1}-01-15\n" in text
    assert f"title: 某某区司法局{year}年法治政府建设年度报告" in text
    assert f"（如“{year}年推进法治政府建设的主要举措和成效”）" in text
    # Only the years move: the rest is the built-in form as it stands, after the line naming its schema to editors.
    years = re.compile("20[0-9]{2}")
    modeline, _, text = text.partition("\n")
    assert modeline == "# yaml-language-server: $schema=.draft/schema-law-based-government.json"
    assert years.sub("", text) == years.sub("", init_form.builtin_form_text())


def test_init_without_yaml_writes_a_form_that_build_finds(tmp_path: Path) -> None:
    result = run_cli("init", "inputs/2025", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "已新建表单：inputs/2025.yaml"
    # Found, and refused until it is filled in.
    refused = run_cli("build", cwd=tmp_path).stderr
    assert refused.startswith("inputs/2025.yaml:") and " 单位名称:unit（单位名称）里还是示例的占位文字“某某”" in refused


def test_init_refuses_a_name_build_would_not_read(tmp_path: Path) -> None:
    result = run_cli("init", "report.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "report.txt:表单的文件名要以 .yaml 结尾，draft build 才会读它。请写成 report.txt.yaml 这样的名字。\n"
    )
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("去年的报告.docx", "是一份 Word 文档，不是表单：draft build 用 .yaml 表单生成报告。要从去年的报告开始，"
         "请运行 draft import 去年的报告.docx -o inputs/去年的报告.yaml，把它转成表单，再改写成今年的内容。"),
        ("去年的报告.DOCX", "是一份 Word 文档，不是表单：draft build 用 .yaml 表单生成报告。要从去年的报告开始，"
         "请运行 draft import 去年的报告.DOCX -o inputs/去年的报告.yaml，把它转成表单，再改写成今年的内容。"),
        ("2023.pdf", "是一个 PDF 文件，不是表单：draft build 用 .yaml 表单生成报告。要从去年的报告开始，"
         "请先用 Word 或 WPS 打开它，另存为 .docx，然后运行 draft import 2023.docx -o inputs/2023.yaml，把它转成表单，再改写成今年的内容。"),
        # draft import reads a web page itself (draft.files.report_names.HTML_SUFFIXES): no detour through Word.
        ("2023.html", "是一个网页，不是表单：draft build 用 .yaml 表单生成报告。要从去年的报告开始，"
         "请运行 draft import 2023.html -o inputs/2023.yaml，把它转成表单，再改写成今年的内容。"),
    ],
)
def test_build_of_a_report_points_to_import(tmp_path: Path, name: str, says: str) -> None:
    (tmp_path / name).write_bytes(b"PK\x03\x04")
    result = run_cli("build", name, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{name}:“{name}”{says}"


#: Last year's report saved as text: the title, the 主送机关, headings and paragraphs, the 落款.
REPORT_TEXT = (
    "青山县司法局2026年法治政府建设年度报告\n\n区委依法治区办：\n\n"
    "　　2026年，我局坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n（一）加强学习。我局组织集中学习12次。\n"
    "二、存在的不足和原因\n学习不够深入。\n三、下一年度的主要安排\n加强执法。\n特此报告。\n\n青山县司法局\n2027年1月15日\n"
)


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("name", ["去年的报告.txt", "2023.md"])
def test_build_of_a_report_saved_as_text_points_to_import(tmp_path: Path, name: str, command: str) -> None:
    # Read as YAML it would be told a slip on nearly every line, none of which helps.
    (tmp_path / name).write_text(REPORT_TEXT, encoding="utf-8")
    result = run_cli(command, name, cwd=tmp_path)
    assert result.exit_code == 2
    stem = name.rsplit(".", 1)[0]
    assert result.stderr == (
        f"{name}:“{name}”看起来是一份报告的文字，不是表单：draft build 用 .yaml 表单生成报告。要从去年的报告开始，"
        f"请运行 draft import {name} -o inputs/{stem}.yaml，把它转成表单，再改写成今年的内容。\n"
    )


def test_a_form_saved_as_txt_with_a_slip_is_told_its_slip(tmp_path: Path) -> None:
    (tmp_path / "form.txt").write_text(MINIMAL.replace("plans:\n", "plans: [\n"), encoding="utf-8")
    result = run_cli("build", "form.txt", cwd=tmp_path)
    assert result.exit_code != 0
    assert "看起来是一份报告的文字" not in result.stderr
    assert "form.txt:7:8:这里的“[”没有找到配对的“]”" in result.stderr


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("我的内容", encoding="utf-8")
    result = run_cli("init", "mine.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "文件已存在" in result.stderr
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "我的内容"


def test_build_with_no_forms_says_what_to_do(tmp_path: Path) -> None:
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 2
    assert "draft init" in result.stderr


def test_build_continues_past_a_bad_form_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "a_bad.yaml").write_text(MINIMAL.replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    (tmp_path / "inputs" / "b_good.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert "inputs/a_bad.yaml:2:7 报告年度:" in result.stderr
    assert (tmp_path / "out" / "b_good.docx").is_file()
    assert not (tmp_path / "out" / "a_bad.docx").exists()


def test_an_untouched_form_is_told_plainly_that_no_report_was_written(tmp_path: Path) -> None:
    assert run_cli("init", cwd=tmp_path).exit_code == 0
    result = run_cli("build", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "inputs/report.yaml：有问题没有生成，请按上面的说明改正后再生成。"
    assert not (tmp_path / "out").exists()


def test_in_a_batch_each_form_with_problems_is_told_not_written(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "a_bad.yaml").write_text(MINIMAL.replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    (tmp_path / "inputs" / "b_good.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "inputs/a_bad.yaml：有问题没有生成，请按上面的说明改正后再生成。" in lines
    assert not any(line.startswith("inputs/b_good.yaml：有问题没有生成") for line in lines)
    assert lines[-1] == "共 2 份表单：已生成 1 份（其中 1 份有审读意见），1 份有问题没有生成，见上。"


def test_a_batch_ends_with_a_line_counting_what_became_of_each_form(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    clean = MINIMAL.replace("继续加强学习。", "加强执法培训。") + "responsibility:\n  text: 履行职责。\ndate: 2024-01-15\n"
    for name in "abcdef":  # nine forms in all: built in worker processes
        (inputs / f"{name}.yaml").write_text(clean, encoding="utf-8")
    (inputs / "g_bad.yaml").write_text(MINIMAL.replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    (inputs / "h_hinted.yaml").write_text(MINIMAL, encoding="utf-8")
    (inputs / "i_broken.yaml").write_text("unit：青山县司法局\n# 年度\nyear: 2023\n", encoding="utf-8")
    result = run_cli("build", "-o", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "共 9 份表单：已生成 7 份（其中 1 份有审读意见），2 份有问题没有生成，见上。"
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "a.docx", "b.docx", "c.docx", "d.docx", "e.docx", "f.docx", "h_hinted.docx"
    ]


def test_a_batch_that_went_well_says_so_on_standard_output(tmp_path: Path) -> None:
    result = run_cli("build", str(EXAMPLES / "luohu-2022.yaml"), str(EXAMPLES / "zhonglou-2023.yaml"), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "共 2 份表单：已生成 2 份（其中 2 份有审读意见），见上。"


def test_a_single_form_needs_no_count(tmp_path: Path) -> None:
    result = run_cli("build", str(EXAMPLES / "luohu-2022.yaml"), "-o", str(tmp_path))
    assert result.stdout.splitlines() == ["已生成：" + str(tmp_path / "luohu-2022.docx")]


def test_own_template_changes_the_wording(tmp_path: Path) -> None:
    assert run_cli("template", "mine", cwd=tmp_path).exit_code == 0
    wording = tmp_path / "mine" / "wording.j2"
    wording.write_text(
        wording.read_text(encoding="utf-8").replace("年法治政府建设年度报告", "年度法治政府建设工作报告"), encoding="utf-8"
    )
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "form.yaml", "--template", "mine", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    title = docx.Document(str(tmp_path / "output" / "form.docx")).paragraphs[0].text
    assert title.replace("\n", "") == "示例区司法局2023年度法治政府建设工作报告"
    assert run_cli("template", "mine", cwd=tmp_path).exit_code == 2  # never overwrites


def test_a_broken_template_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "wording.j2").write_text("{% macro title(report) %}\n{{ report.unit \n{% endmacro %}", encoding="utf-8")
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "form.yaml", "--template", "bad", cwd=tmp_path)
    assert result.exit_code == 2
    assert "bad/wording.j2:" in result.stderr and "模板有错误" in result.stderr


def test_keep_punctuation_leaves_the_form_text_alone(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text(MINIMAL.replace("我局坚持依法行政。", "我局坚持依法行政,严格执法。"), encoding="utf-8")
    assert run_cli("build", "form.yaml", "--keep-punctuation", cwd=tmp_path).exit_code == 0
    texts = [p.text for p in docx.Document(str(tmp_path / "output" / "form.docx")).paragraphs]
    assert "我局坚持依法行政,严格执法。" in texts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["buidl"], "用法错误：没有“buidl”这个命令。 您是不是想输入“build”？（运行 draft --help 查看用法）"),
        (["build", "--stric"], "用法错误：没有 --stric 这个选项。 您是不是想输入“--strict”？（运行 draft build --help 查看用法）"),
        (["template"], "用法错误：缺少参数“文件夹”。（运行 draft template --help 查看用法）"),
        (["build", "-o"], "用法错误：选项 -o 后面要写一个值。（运行 draft --help 查看用法）"),
    ],
)
def test_usage_errors_are_in_chinese(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


#: What a form that has no slip, no 版头 and no table never needs: the wording of YAML's and cerberus's errors,
#: the frame's fields, the importer, the other writers, a batch's progress bar.
ONLY_WHEN_NEEDED = (
    "draft.form.yaml_errors", "draft.form.explain", "draft.text.doc_number", "draft.text.joint_mark",
    "draft.importer", "draft.imports", "draft.html", "draft.pdf", "draft.build.progress",
)


def test_a_build_loads_only_what_it_needs(tmp_path: Path) -> None:
    # Start-up is most of a build's time (see bench/): the .docx is written without python-docx
    # or lxml, one form needs no process pool, and statistics is only for wording a finding.
    script = (
        "import sys\n"
        "from draft.__main__ import main  # the draft command's entry point\n"
        f"sys.argv = ['draft', 'build', {str(EXAMPLES / 'luohu-2022.yaml')!r}, '-o', {str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'lxml', 'multiprocessing', 'statistics'}))\n"
        "print(sorted(set(sys.modules) & {%s}))\n" % ", ".join(map(repr, ONLY_WHEN_NEEDED))
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["[]", "[]"]
    assert (tmp_path / "luohu-2022.docx").is_file()


def test_python_dash_m_draft_is_the_draft_command(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "draft", "build", "form.yaml", "-o", "out"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "已生成：out/form.docx"
    assert docx.Document(str(tmp_path / "out" / "form.docx")).paragraphs[0].text


def test_init_refuses_a_hidden_name_and_build_finds_forms_named_in_capitals(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: datetime.date(2026, 12, 8))  # the example is the year reported on
    result = run_cli("init", "inputs/.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "inputs/.yaml:以“.”开头的文件是隐藏文件，draft build 不会读它。请给表单起一个不以“.”开头的名字，例如 inputs/2026.yaml。\n"
    )
    assert run_cli("init", "inputs/报告.YAML", cwd=tmp_path).exit_code == 0
    form = tmp_path / "inputs" / "报告.YAML"
    form.write_text(filled_in(form.read_text(encoding="utf-8")), encoding="utf-8")
    assert "已生成：output/报告.docx" in run_cli("build", cwd=tmp_path).stdout


def test_a_folder_given_as_a_form_is_told_as_a_folder(tmp_path: Path) -> None:
    result = run_cli("build", "-o", "out", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == ".:“.”是一个文件夹，不是表单文件。请指定文件夹里的 .yaml 表单文件。\n"


@pytest.mark.parametrize("command", [["validate", "form.yaml"], ["build"], ["init", "x.yaml"], ["check", "form.yaml"]])
def test_a_deleted_working_folder_is_told_with_what_to_do(tmp_path: Path, command: list[str]) -> None:
    # A terminal still in a folder deleted under it: even os.getcwd() fails there.
    gone = tmp_path / "gone"
    gone.mkdir()
    run_in_deleted = "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); from draft.cli import cli; cli(sys.argv[2:], prog_name='draft')"
    done = subprocess.run([sys.executable, "-c", run_in_deleted, str(gone), *command], capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "draft:当前文件夹已被删除（或者已被移走、改名），draft 无法在这里读写文件。"
        "请先用 cd 进入一个存在的文件夹（例如表单所在的文件夹），再运行 draft。\n"
    )


def test_a_year_in_hex_gets_one_answer_not_a_hint_against_it(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text(MINIMAL.replace("year: 2023", "year: 0x7E7"), encoding="utf-8")
    result = run_cli("validate", "form.yaml", cwd=tmp_path)
    assert result.stderr == (
        "form.yaml:2:7 报告年度:year（报告年度） 应直接写 4 位数字的年份，例如 2023。现在写的“0x7E7”会被 YAML 读成数字 2023，请改写。\n"
    )


def test_check_of_nothing_readable_gives_no_all_clear(tmp_path: Path) -> None:
    result = run_cli("check", "..", "nosuch.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "共 0 个错误" not in result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        "..:“..”是一个文件夹，不是表单文件。请指定文件夹里的 .yaml 表单文件。",
        "nosuch.yaml:找不到文件“nosuch.yaml”。请检查文件名和所在的文件夹是否写对。",
    ]


# --- The error path is click's own: standalone_mode, exit codes, every message -----------------------------


def test_called_from_a_program_draft_returns_its_exit_code_or_raises_as_click_promises(tmp_path: Path, monkeypatch) -> None:
    from draft.cli import cli
    from draft.problems import CannotProceed

    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("unit: 示例区司法局\nyear: 二〇二三\n", encoding="utf-8")
    assert cli.main(["validate", "good.yaml"], standalone_mode=False) == 0
    assert cli.main(["validate", "bad.yaml"], standalone_mode=False) == 1
    with pytest.raises(CannotProceed) as refused:  # no inputs folder: no form to build
        cli.main(["build"], standalone_mode=False)
    assert refused.value.exit_code == 2 and "没有找到表单" in refused.value.problems[0].message
    with pytest.raises(click.UsageError):
        cli.main(["buidl"], standalone_mode=False)


def test_a_bug_of_draft_s_is_told_plainly_with_exit_code_2_and_no_traceback(tmp_path: Path, monkeypatch) -> None:
    from draft.cli import cli
    from draft.form import read
    from draft.problems import internal_error

    bug = RuntimeError("boom")

    def broken(*args: object, **kwargs: object) -> None:
        raise bug

    monkeypatch.setattr(read, "read_form", broken)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    # (Called from a program, to read what it would say: its words are the exception's, in English, by design.)
    with pytest.raises(click.ClickException) as told:
        cli.main(["validate", "form.yaml"], standalone_mode=False)
    assert (told.value.exit_code, told.value.format_message()) == (2, internal_error(bug))
    assert told.value.__cause__ is bug
    monkeypatch.setenv("DRAFT_DEBUG", "1")  # for the maintainer: the traceback itself
    with pytest.raises(RuntimeError, match="boom"):
        run_cli("validate", "form.yaml", cwd=tmp_path)


@pytest.mark.parametrize(
    ("raised", "said"),
    [(KeyboardInterrupt(), "已取消。"), (click.Abort(), "已取消。"), (click.ClickException("无法打开"), "错误：无法打开")],
)
def test_ctrl_c_and_click_s_other_errors_keep_their_words_and_exit_code_2(
    tmp_path: Path, monkeypatch, raised: BaseException, said: str
) -> None:
    from draft.form import read

    def interrupted(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(read, "read_form", interrupted)
    (tmp_path / "form.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("validate", "form.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == said


def test_a_form_s_problems_and_a_refusal_keep_their_words_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("unit: 示例区司法局\nyear: 二〇二三\n", encoding="utf-8")
    bad = run_cli("validate", "bad.yaml", cwd=tmp_path)
    assert bad.exit_code == 1
    # 文件:行:列 位置:说明, and no [错误]: outside a review, every problem listed is an error.
    assert bad.stderr.splitlines()[0] == "bad.yaml:1:1 主要举措和成效:缺少必填项 measures（主要举措和成效）。请添加一行，例如：measures:"
    nothing = run_cli("build", cwd=tmp_path)
    assert nothing.exit_code == 2
    assert nothing.stderr.strip() == (
        "inputs:没有找到表单（这里没有 inputs 文件夹）。请先运行 draft init 新建一份表单，或在命令后写出表单文件名。"
    )
