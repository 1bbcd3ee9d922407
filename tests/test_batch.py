"""Many forms at once: worker processes, the same messages and exit codes as one by one, progress on a terminal."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import INPUTS, MINIMAL, run_cli
from draft import build


def make_project(root: Path) -> Path:
    """Ten forms: eight good ones, one with problems, and one whose output was edited in Word."""
    inputs = root / "inputs"
    inputs.mkdir(parents=True)
    for i in range(8):
        shutil.copy(INPUTS / ("luohu-2022.yaml" if i % 2 else "zhonglou-2023.yaml"), inputs / f"form{i}.yaml")
    (inputs / "form8.yaml").write_text("unit: 示例区司法局\nyear: 二〇二三\n", encoding="utf-8")
    (inputs / "form9.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / "output").mkdir()
    (root / "output" / "form9.docx").write_bytes(b"not a report draft wrote")
    return root


def body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def test_many_forms_are_built_in_workers_exactly_as_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pooled_calls = []
    pooled = build._pooled

    def spy(*args, **kwargs):
        pooled_calls.append(args)
        return pooled(*args, **kwargs)

    monkeypatch.setattr(build, "_cores", lambda: 2)
    monkeypatch.setattr(build, "_pooled", spy)
    in_workers = run_cli("build", cwd=make_project(tmp_path / "workers"))
    assert pooled_calls, "ten forms should have gone to worker processes"

    monkeypatch.setattr(build, "POOL_FROM", 10**6)
    monkeypatch.setattr(build, "POOL_FROM_SPAWNED", 10**6)
    one_by_one = run_cli("build", cwd=make_project(tmp_path / "serial"))
    assert len(pooled_calls) == 1

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
    for form, result in build.map_forms(str, forms, progress=terminal):
        # What the caller prints now starts on a clean line.
        seen.append(terminal.getvalue().rsplit("\r", 1)[-1])
        assert result == str(form)
    assert seen == ["", "", ""]
    shown = terminal.getvalue()
    assert "[1/3] " in shown and "[2/3] " in shown and "表单1.yaml" in shown
    assert shown.endswith("\r")  # cleared at the end


def test_no_progress_when_not_on_a_terminal(tmp_path: Path) -> None:
    stream = io.StringIO()
    assert [r for _, r in build.map_forms(str, [tmp_path / "a.yaml", tmp_path / "b.yaml"], progress=stream)]
    assert stream.getvalue() == ""
