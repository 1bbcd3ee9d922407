"""The schema file beside the forms: ``draft init`` and ``draft import`` name it in the form's first line and
write it; ``draft build`` and ``draft validate`` keep it up to date, atomically and never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, filled_in, run_cli
from draft.form.json_schema import schema_text
from draft.form.schema_file import modeline, named_kind
from draft.form.starter import builtin_form_text
from draft.form.unfinished import UNIT_PLACEHOLDER
from draft.kinds import by_id


@pytest.mark.parametrize("kind", ["law-based-government", "information-disclosure"])
def test_init_names_a_schema_it_writes_beside_the_form(tmp_path: Path, kind: str) -> None:
    assert run_cli("init", "--kind", kind, "inputs/2026.yaml", cwd=tmp_path).exit_code == 0
    form = tmp_path / "inputs" / "2026.yaml"
    assert form.read_text(encoding="utf-8").startswith(modeline(kind) + "\n# ")
    assert named_kind(form) == kind
    written = (tmp_path / "inputs" / ".draft" / f"schema-{kind}.json").read_text(encoding="utf-8")
    assert written == schema_text(by_id(kind)) == run_cli("schema", "--kind", kind, cwd=tmp_path).stdout
    # draft build reads the forms, not the folder of their schemas (the form filled in: its examples are refused).
    form.write_text(filled_in(form.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_cli("validate", cwd=tmp_path).stdout == "inputs/2026.yaml：没有发现问题。\n"


def test_the_starter_form_says_what_the_schema_says(tmp_path: Path) -> None:
    """One wording: each field's comment in the starter form is its description in the schema."""
    text = builtin_form_text("information-disclosure")
    schema = schema_text(by_id("information-disclosure"))
    for words in ("单位名称（必填）：写全称，会用在标题和落款里。", "五、存在的主要问题及改进情况（必填）：问题要具体", "报告种类（不要改）：政府信息公开工作年度报告。"):
        assert f"# {words}" in text and words in schema
    assert "#:" not in text  # every place for a comment was filled


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_stale_schema_is_brought_up_to_date(tmp_path: Path, command: str) -> None:
    assert run_cli("init", "inputs/2026.yaml", cwd=tmp_path).exit_code == 0
    form = tmp_path / "inputs" / "2026.yaml"
    form.write_text(filled_in(form.read_text(encoding="utf-8")), encoding="utf-8")  # its examples are refused
    schema = tmp_path / "inputs" / ".draft" / "schema-law-based-government.json"
    schema.write_text("{}", encoding="utf-8")  # as an older draft wrote it
    os.chmod(schema, 0o640)
    run_cli(command, cwd=tmp_path)
    assert schema.read_text(encoding="utf-8") == schema_text(by_id("law-based-government"))
    assert schema.stat().st_mode & 0o777 == 0o640  # replaced as draft replaces every file: its mode kept


def test_a_link_in_place_of_the_schema_is_not_followed(tmp_path: Path) -> None:
    assert run_cli("init", "inputs/2026.yaml", cwd=tmp_path).exit_code == 0
    form = tmp_path / "inputs" / "2026.yaml"
    form.write_text(filled_in(form.read_text(encoding="utf-8")), encoding="utf-8")  # its examples are refused
    schema = tmp_path / "inputs" / ".draft" / "schema-law-based-government.json"
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("别人的文件", encoding="utf-8")
    schema.unlink()
    schema.symlink_to(elsewhere)
    result = run_cli("validate", cwd=tmp_path)
    assert result.exit_code == 0, result.output  # the editor's help failing never stops draft
    assert elsewhere.read_text(encoding="utf-8") == "别人的文件" and schema.is_symlink()


def test_a_form_without_the_line_gets_no_schema(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "luohu-2022.yaml").write_bytes((REPO / "examples" / "luohu-2022.yaml").read_bytes())
    assert run_cli("validate", cwd=tmp_path).exit_code == 0
    assert not (tmp_path / "inputs" / ".draft").exists()


def test_import_begins_the_form_with_the_line_and_writes_the_schema(tmp_path: Path) -> None:
    source = REPO / "tests" / "fixtures" / "import" / "signature-date.txt"
    result = run_cli("import", str(source), "-o", "forms/2024.yaml", cwd=tmp_path)
    form = tmp_path / "forms" / "2024.yaml"
    assert form.read_text(encoding="utf-8").startswith(modeline("law-based-government") + "\n"), result.output
    assert (tmp_path / "forms" / ".draft" / "schema-law-based-government.json").is_file()


def test_the_lines_an_import_points_at_are_the_written_forms(tmp_path: Path) -> None:
    """The modeline is the form's first line before the form is read back: what the import lists points at the file's lines."""
    text = (REPO / "tests" / "fixtures" / "import" / "signature-date.txt").read_text(encoding="utf-8").replace("示例镇", "××镇")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = run_cli("import", "r.txt", "-o", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    listed = [line for line in result.stderr.splitlines() if line.startswith("r.yaml:")]
    assert listed
    written = (tmp_path / "r.yaml").read_text(encoding="utf-8").splitlines()
    for line in listed:
        number = int(line.split(":")[1])
        assert "××" in written[number - 1] or UNIT_PLACEHOLDER in written[number - 1], (line, written[number - 1])
