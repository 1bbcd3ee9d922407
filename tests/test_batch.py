"""Many forms at once: worker processes, the same messages and exit codes as one by one, progress on a terminal."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, MINIMAL, building_with, run_cli
from draft.build import map_forms
from draft.text import dates


def make_project(root: Path) -> Path:
    """Ten forms: eight good ones, one with problems, and one whose output was edited in Word."""
    inputs = root / "inputs"
    inputs.mkdir(parents=True)
    for i in range(8):
        shutil.copy(EXAMPLES / ("luohu-2022.yaml" if i % 2 else "zhonglou-2023.yaml"), inputs / f"form{i}.yaml")
    (inputs / "form8.yaml").write_text("unit: 示例区司法局\nyear: 二〇二三\n", encoding="utf-8")
    (inputs / "form9.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / "output").mkdir()
    (root / "output" / "form9.docx").write_bytes(b"not a report draft wrote")
    return root


def body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def _process(form: Path) -> int:
    return os.getpid()


@pytest.mark.parametrize("jobs", [None, 1, 2])
def test_jobs_is_how_many_worker_processes_share_the_forms(tmp_path: Path, jobs: int | None) -> None:
    forms = [tmp_path / f"form{i}.yaml" for i in range(3)]
    processes = {process for _, process in map_forms(_process, forms, jobs=jobs)}
    if jobs == 2:
        assert os.getpid() not in processes and len(processes) <= 2
    else:  # by default, three forms are too few to pay for starting workers
        assert processes == {os.getpid()}


def test_many_forms_are_built_in_workers_exactly_as_one_by_one(tmp_path: Path) -> None:
    with building_with(jobs=2):
        in_workers = run_cli("build", cwd=make_project(tmp_path / "workers"))
    with building_with(jobs=1):
        one_by_one = run_cli("build", cwd=make_project(tmp_path / "serial"))

    assert in_workers.exit_code == one_by_one.exit_code == 2  # the foreign output outranks the bad form (1)
    assert in_workers.stdout == one_by_one.stdout
    assert in_workers.stderr == one_by_one.stderr
    assert "form8.yaml" in in_workers.stderr and "form9.docx" in in_workers.stderr
    assert in_workers.stdout.count("已生成：") == 8
    for i in range(8):
        name = f"output/form{i}.docx"
        assert body(tmp_path / "workers" / name) == body(tmp_path / "serial" / name)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_is_cleared_before_each_message(tmp_path: Path) -> None:
    forms = [tmp_path / f"表单{i}.yaml" for i in range(3)]
    terminal = _Terminal()
    seen = []
    for form, result in map_forms(str, forms, progress=terminal):
        # What the caller prints now starts on a clean line.
        seen.append(terminal.getvalue().rsplit("\r", 1)[-1])
        assert result == str(form)
    assert seen == ["", "", ""]
    shown = terminal.getvalue()
    assert "[1/3] " in shown and "[2/3] " in shown and "表单1.yaml" in shown
    assert shown.endswith("\r")  # cleared at the end


def test_no_progress_when_not_on_a_terminal(tmp_path: Path) -> None:
    stream = io.StringIO()
    assert [r for _, r in map_forms(str, [tmp_path / "a.yaml", tmp_path / "b.yaml"], progress=stream)]
    assert stream.getvalue() == ""


# --- Forms that would write the same report --------------------------------------------------------


def _clash(first: str, second: str, target: str, same: str = "") -> str:
    return (
        f"{first}:这份表单和 {second} 都会生成 {target}{same}，后生成的会覆盖先生成的，所以都没有生成。"
        "请给其中一份表单改个名字（例如在文件名后加“-2”），或者分两次生成，用 -o 指定不同的输出文件夹。"
    )


@pytest.mark.parametrize("pooled", [False, True], ids=["one by one", "in workers"])
def test_forms_that_would_write_one_report_are_refused_before_anything_is_written(tmp_path: Path, pooled: bool) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    others = [f"other{i}.yaml" for i in range(8)]
    for name in others:
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    with building_with(jobs=2 if pooled else 1):
        result = run_cli("build", "a/report.yaml", *others, "b/report.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if "都会生成" in line] == [
        _clash("a/report.yaml", "b/report.yaml", "output/report.docx"),
        _clash("b/report.yaml", "a/report.yaml", "output/report.docx"),
    ]
    assert result.stdout.count("已生成：") == 8
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(n.replace(".yaml", ".docx") for n in others)


def test_x_yaml_beside_x_yml_in_inputs_is_refused(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "x.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "inputs" / "x.yml").write_text(MINIMAL.replace("示例区", "另一个区"), encoding="utf-8")
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 2
    assert _clash("inputs/x.yaml", "inputs/x.yml", "output/x.docx") in result.stderr
    assert not (tmp_path / "output" / "x.docx").exists()


def test_names_told_apart_only_by_case_clash_too(tmp_path: Path) -> None:
    # One file on Windows, macOS and a USB stick, wherever the reports are copied to.
    for name in ("Report.yaml", "report.yaml"):
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "Report.yaml", "report.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    same = "（Windows、macOS 和 U 盘上不区分文件名的大小写，这些是同一个文件）"
    assert result.stderr.splitlines()[0] == _clash("Report.yaml", "report.yaml", "output/Report.docx", same)


def test_a_form_named_twice_is_built_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "a.yaml", "./a.yaml", str(tmp_path / "a.yaml"), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == "已生成：output/a.docx\n"


def test_forms_with_no_name_or_a_hidden_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: datetime.date(2026, 12, 8))  # the example is the year reported on
    (tmp_path / "inputs").mkdir()
    for name in (".yaml", "._report.yaml", "report.yaml"):  # ._report.yaml: what macOS leaves on a USB stick
        (tmp_path / "inputs" / name).write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout == "已生成：output/report.docx\n"  # hidden files are not forms of inputs/
    result = run_cli("build", "inputs/.yaml", "inputs/._report.yaml", "-o", "named", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "inputs/.yaml:表单的文件名“.yaml”去掉扩展名和开头的“.”以后什么都不剩，生成的 Word 文件将没有名字。请把表单改一个名字，例如 2026.yaml。"
    )
    assert [p.name for p in (tmp_path / "named").iterdir()] == ["_report.docx"]


def test_a_fifo_named_like_a_form_does_not_hang_the_batch(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "inputs").mkdir()
    os.mkfifo(tmp_path / "inputs" / "a_pipe.yaml")
    (tmp_path / "inputs" / "b_form.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "report.md").write_text("# 报告\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    done = subprocess.run([sys.executable, "-m", "draft", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "inputs/a_pipe.yaml:“inputs/a_pipe.yaml”不是普通文件（而是管道、设备之类的特殊文件），无法作为表单读取。请指定 .yaml 表单文件。\n"
    )
    assert done.stdout == "已生成：output/b_form.docx\n"
    done = subprocess.run([sys.executable, "-m", "draft", "import", "pipe.md"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == "pipe.md:这不是普通文件（而是管道、设备之类的特殊文件），无法导入。请写出报告文件名。\n"


# --- File names that are not UTF-8 ------------------------------------------------------------------

#: 报告.yaml as a zip made on Chinese Windows names it (GBK), unpacked where names are UTF-8.
GBK_NAME = os.fsdecode("报告".encode("gbk") + b".yaml")
NOT_A_NAME = os.fsdecode(b"\xff\xfe.yaml")  # bytes of no encoding at all


@pytest.mark.parametrize("pooled", [False, True], ids=["one by one", "in workers"])
def test_forms_whose_names_are_not_utf8_are_built_and_named_readably(tmp_path: Path, pooled: bool) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name in (GBK_NAME, NOT_A_NAME, *(f"form{i}.yaml" for i in range(8))):
        (inputs / name).write_text(MINIMAL, encoding="utf-8")
    with building_with(jobs=2 if pooled else 1):
        result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "内部错误" not in result.output
    built = [line for line in result.stdout.splitlines() if line.startswith("已生成：")]
    assert "已生成：output/\\xff\\xfe.docx" in built and "已生成：output/报告.docx" in built
    assert len(built) == 10
    assert (tmp_path / "output" / GBK_NAME.replace(".yaml", ".docx")).is_file()  # named as the form is
    assert (
        "inputs/报告.yaml:[提示] 这个文件的名字不是 UTF-8 编码（可能来自中文 Windows 上做的压缩包），这里按 GBK 显示为“报告.yaml”，"
        "在这台电脑上它可能显示为乱码，生成的文件名也一样。建议把文件改个名字。"
    ) in result.stderr.splitlines()


def test_check_and_import_name_such_files_readably(tmp_path: Path) -> None:
    import json

    (tmp_path / GBK_NAME).write_text(MINIMAL, encoding="utf-8")
    result = run_cli("check", "--format", "json", GBK_NAME, cwd=tmp_path)
    assert {item["file"] for item in json.loads(result.stdout)} == {"报告.yaml"}
    (tmp_path / GBK_NAME.replace(".yaml", ".txt")).write_text(
        "某局2023年法治政府建设年度报告\n一、主要举措和成效\n我局坚持依法行政。\n二、存在的不足\n学习不够。\n三、下一步安排\n加强学习。\n",
        encoding="utf-8",
    )
    result = run_cli("import", GBK_NAME.replace(".yaml", ".txt"), "-o", "form.yaml", cwd=tmp_path)
    assert "已写入表单：form.yaml" in result.stdout, result.output
    # After the line naming the schema to editors.
    assert (tmp_path / "form.yaml").read_text(encoding="utf-8").partition("\n")[2].startswith("# 由 draft import 从 报告.txt 生成于")


def test_an_error_crosses_from_a_worker_as_itself(tmp_path: Path) -> None:
    """What a worker process met comes back (pickled) as the very error, its problems and exit code with it."""
    import pickle

    from draft.build import FormBuild
    from draft.problems import CannotProceed, FormError, Problem, Severity

    problem = Problem(file="a.yaml", message="有问题。", line=3, column=2, field="year", severity=Severity.WARNING, code="x")
    for error in (FormError([problem]), CannotProceed(problem)):
        done = pickle.loads(pickle.dumps(FormBuild(findings_=[problem], error=error)))
        with pytest.raises(type(error)) as raised:
            done.built()
        assert (raised.value.problems, raised.value.exit_code) == ([problem], error.exit_code)


@pytest.mark.parametrize("build", ["build_form", "build_one"])
def test_keep_punctuation_is_honoured_however_the_form_is_built(tmp_path: Path, build: str) -> None:
    """The form is read as the options say, whoever reads it: build_form takes no form read otherwise."""
    import docx

    import draft.build
    from draft.build import BuildOptions

    form = tmp_path / "form.yaml"
    form.write_text(MINIMAL.replace("我局坚持依法行政。", "我局坚持依法行政,严格执法。"), encoding="utf-8")
    done = getattr(draft.build, build)(form, tmp_path / "out", BuildOptions(normalize=False))
    built = done if build == "build_form" else done.built()
    assert "我局坚持依法行政,严格执法。" in [p.text for p in docx.Document(str(built.output)).paragraphs]

