"""Forms as a clerk's files are named: Notepad's ``.txt`` after ``.yaml``, and two copies of one report in a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL, run_cli

#: What is said of ``inputs/2026.yaml.txt`` (after its place and, for a warning, ``[提示] ``).
NOTEPAD = (
    "这份表单的文件名末尾多了“.txt”（记事本保存时自动加上的；Windows 默认不显示扩展名，所以看上去是“2026.yaml”），"
    "draft 只读以 .yaml 结尾的表单。请把它改名为“2026.yaml”：在文件资源管理器的“查看”里勾选“文件扩展名”"
    "（Windows 11 在“查看 › 显示”里），就能看到并删掉末尾的“.txt”；以后用记事本另存表单时，“保存类型”选“所有文件”。"
)

QINGSHAN = MINIMAL.replace("示例区司法局", "青山县司法局").replace("year: 2023", "year: 2026")


def _inputs(folder: Path, forms: dict[str, str]) -> None:
    (folder / "inputs").mkdir()
    for name, text in forms.items():
        (folder / "inputs" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("command", ["build", "validate", "check"])
def test_a_form_notepad_saved_as_txt_is_pointed_out_when_inputs_holds_no_other(tmp_path: Path, command: str) -> None:
    _inputs(tmp_path, {"2026.yaml.txt": QINGSHAN})
    result = run_cli(command, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"inputs/2026.yaml.txt:{NOTEPAD}\n"


def test_a_form_notepad_saved_as_txt_beside_others_is_pointed_out_and_the_others_built(tmp_path: Path) -> None:
    _inputs(tmp_path, {"2026.yaml.txt": QINGSHAN, "2025.yaml": MINIMAL})
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"inputs/2026.yaml.txt:[提示] {NOTEPAD}"
    assert result.stdout == "已生成：output/2025.docx\n"


@pytest.mark.parametrize("name", ["2026.yaml.txt", "2026.YAML.TXT", "2026.yml.txt"])
def test_a_form_notepad_saved_as_txt_is_pointed_out_when_named(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(QINGSHAN, encoding="utf-8")
    meant = name[: -len(".txt")]
    for command in ("build", "validate", "check"):
        result = run_cli(command, name, cwd=tmp_path)
        assert result.exit_code == 2
        assert result.stderr == f"{name}:{NOTEPAD.replace('2026.yaml', meant)}\n", command
    assert not (tmp_path / "output").exists()


#: The warning on ``inputs/2026 - 副本.yaml`` and ``inputs/2026.yaml`` (and more, in ``others``).
def _copies(first: str, others: str, count: int = 2) -> str:
    return (
        f"{first}:[提示] 这份表单和 {others} 都是青山县司法局2026年度的法治政府建设年度报告（单位和年度相同），"
        f"这次一共有 {count} 份。如果其中有复制出来的副本或旧稿，请只留下要报送的一份，把其余的移到别处或删掉；"
        "确实要分几份写的，可以不理会这条提示。"
    )


def test_two_copies_of_one_report_are_named_together_in_one_warning_by_build(tmp_path: Path) -> None:
    edited = QINGSHAN.replace("继续加强学习。", "加强学习。")
    _inputs(tmp_path, {"2026.yaml": QINGSHAN, "2026 - 副本.yaml": edited, "2025.yaml": MINIMAL})
    result = run_cli("build", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "单位和年度相同" in line]
    assert warnings == [_copies("inputs/2026 - 副本.yaml", "inputs/2026.yaml")]
    # Both are built all the same: which one is to be sent is the user's to say.
    assert sorted(path.name for path in (tmp_path / "output").iterdir()) == ["2025.docx", "2026 - 副本.docx", "2026.docx"]


def test_copies_of_one_report_are_named_together_by_check_and_in_its_json(tmp_path: Path) -> None:
    spaced = QINGSHAN.replace("unit: 青山县司法局", "unit: 青山县 司法局")  # a space does not make another unit
    (tmp_path / "a.yaml").write_text(QINGSHAN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(spaced, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(QINGSHAN, encoding="utf-8")
    result = run_cli("check", "a.yaml", "b.yaml", "c.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert _copies("a.yaml", "b.yaml、c.yaml", 3) in result.stdout.splitlines()
    found = json.loads(run_cli("check", "--format", "json", "a.yaml", "c.yaml", cwd=tmp_path).stdout)
    assert [(f["file"], f["severity"], f["code"]) for f in found if f["code"] == "duplicate-form"] == [("a.yaml", "warning", "duplicate-form")]


def test_a_unit_s_reports_of_two_years_or_two_kinds_are_not_copies(tmp_path: Path) -> None:
    from draft.check.copies import Identity, copies

    _inputs(tmp_path, {"2026.yaml": QINGSHAN, "2025.yaml": QINGSHAN.replace("year: 2026", "year: 2025")})
    assert "单位和年度相同" not in run_cli("check", cwd=tmp_path).output
    # 法治政府建设 and 政府信息公开: a unit writes both every year.
    law, disclosure = (Identity("青山县司法局", 2026, kind) for kind in ("法治政府建设年度报告", "政府信息公开工作年度报告"))
    assert copies([(Path("a.yaml"), law), (Path("b.yaml"), disclosure), (Path("c.yaml"), None)]) == []


def test_init_of_a_name_ending_in_yaml_txt_suggests_the_name_without_txt(tmp_path: Path) -> None:
    result = run_cli("init", "inputs/2026.yaml.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "inputs/2026.yaml.txt:表单的文件名要以 .yaml 结尾，draft build 才会读它。请写成 inputs/2026.yaml 这样的名字。\n"
    assert not (tmp_path / "inputs").exists()


def test_a_form_named_without_the_txt_notepad_added_is_pointed_to_it(tmp_path: Path) -> None:
    # The user types the name Explorer shows (report.yaml); on disk it is report.yaml.txt.
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml.txt").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "inputs/report.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("inputs/report.yaml.txt:这份表单的文件名末尾多了“.txt”")
