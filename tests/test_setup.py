"""Set-up as the README writes it: its first command builds the examples, the examples stay apart from the
user's forms, and every command draft tells the user to run next runs as typed in the same shell."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest

import draft.cli
from conftest import EXAMPLES, MINIMAL, REPO, run_cli
from draft.command_name import typed_command

#: The shell commands the README opens with: set-up and the main job, then the tests.
OPENING = re.findall(r"```sh\n(.*?)\n```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)[:2]


def test_the_readme_opens_with_set_up_and_the_main_job_then_the_tests() -> None:
    main_job, tests = (command.split(" && ") for command in OPENING)
    for steps in (main_job, tests):
        # Activated before anything is installed or run: every bare draft (and pip, pytest) after it runs as typed.
        assert steps[:2] == ["python3 -m venv .venv", "source .venv/bin/activate"]
    assert main_job[2:] == ["pip install .", "draft build examples/luohu-2022.yaml examples/zhonglou-2023.yaml"]
    assert tests[2:] == ["pip install -e '.[test]'", "pytest"]


def test_the_readme_s_first_command_builds_the_two_examples(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    command = shlex.split(OPENING[0].split(" && ")[-1])
    assert command[0] == "draft"
    result = run_cli(*command[1:], cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "已生成：output/luohu-2022.docx\n已生成：output/zhonglou-2023.docx\n" in result.stdout
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == ["luohu-2022.docx", "zhonglou-2023.docx"]


def test_the_examples_are_not_the_user_s_forms(tmp_path: Path) -> None:
    # A checkout after the README's first command: the examples, no inputs/ of the user's yet.
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    nothing = run_cli("build", cwd=tmp_path)
    assert nothing.exit_code == 2
    assert nothing.stderr == (
        "inputs:没有找到表单（这里没有 inputs 文件夹）。请先运行 draft init 新建一份表单，或在命令后写出表单文件名。\n"
    )
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "2026.yaml").write_text(MINIMAL, encoding="utf-8")
    for command in ("build", "validate", "check"):  # the user's own form, and only it
        result = run_cli(command, cwd=tmp_path)
        assert result.exit_code == 0, result.output
        assert "luohu" not in result.output and "zhonglou" not in result.output, command
    assert run_cli("validate", cwd=tmp_path).stdout == "inputs/2026.yaml：没有发现问题。\n"
    assert [path.name for path in (tmp_path / "output").iterdir()] == ["2026.docx"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with draft installed in ``.venv`` (the environment not activated: not on PATH), worked in."""
    bin_ = tmp_path / ".venv" / "bin"
    bin_.mkdir(parents=True)
    for program in ("draft", "python"):
        (bin_ / program).write_text("#!/bin/sh\n", encoding="utf-8")
        (bin_ / program).chmod(0o755)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _said(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``draft`` prints when started with ``argv`` as its command line (through its entry point)."""
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as done:
        draft.cli.main()
    assert done.value.code == 0
    return capsys.readouterr().out


def _next_step(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """The last line ``draft`` prints when started with ``argv``."""
    return _said(argv, monkeypatch, capsys).splitlines()[-1]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_the_next_step_names_draft_as_it_was_run(project: Path, monkeypatch, capsys) -> None:
    program = project / ".venv" / "bin" / "draft"
    # Run by its path (the environment not activated): bare "draft" would be "command not found".
    assert _next_step([".venv/bin/draft", "init", "inputs/2026.yaml"], monkeypatch, capsys) == (
        "下一步：用记事本或其他编辑器填写它，然后运行  .venv/bin/draft build inputs/2026.yaml"
    )
    # The shell gives the full path of what it found; inside the working folder it is shown from there.
    assert _next_step([str(program), "template", "我的模板"], monkeypatch, capsys) == (
        "修改其中的 wording.j2 后，运行  .venv/bin/draft build --template 我的模板"
    )
    # Activated: PATH finds this very draft.
    monkeypatch.setenv("PATH", os.pathsep.join([str(program.parent), str(project / "elsewhere")]))
    assert _next_step([str(program), "init", "inputs/2027.yaml"], monkeypatch, capsys) == (
        "下一步：用记事本或其他编辑器填写它，然后运行  draft build inputs/2027.yaml"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_the_help_shows_its_commands_as_draft_was_run(project: Path, monkeypatch, capsys) -> None:
    page = " ".join(_said([".venv/bin/draft", "init", "--help"], monkeypatch, capsys).split())
    assert page.startswith("用法：.venv/bin/draft init [选项] [表单文件]")
    assert "政府信息公开工作年度报告用 .venv/bin/draft init --kind information-disclosure 文件名。" in page
    main_page = _said([".venv/bin/draft", "--help"], monkeypatch, capsys)
    assert "    .venv/bin/draft build                    生成 output/表单名.docx\n" in main_page
    assert "draft：把填好的 YAML 表单" in main_page  # the program's name, not a command


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_python_dash_m_draft_is_named_so(project: Path, monkeypatch, capsys) -> None:
    python = project / ".venv" / "bin" / "python"
    monkeypatch.setattr(sys, "executable", str(python))
    module = str(Path(draft.cli.__file__).with_name("__main__.py"))  # sys.argv[0] under python -m draft
    assert _next_step([module, "init", "inputs/2026.yaml"], monkeypatch, capsys) == (
        "下一步：用记事本或其他编辑器填写它，然后运行  .venv/bin/python -m draft build inputs/2026.yaml"
    )
    monkeypatch.setenv("PATH", str(python.parent))
    assert typed_command(module) == "python -m draft"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_a_command_outside_the_folder_is_its_full_path_quoted_as_the_shell_reads_it(project: Path, monkeypatch) -> None:
    program = project / "my tools" / "draft"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.chdir(project / "elsewhere")
    assert typed_command(str(program)) == shlex.quote(str(program))
    assert typed_command("draft") == "draft"  # a bare name is what PATH found
