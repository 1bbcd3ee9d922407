"""A rebuild never costs the user work: atomic writes, edited outputs kept, clear messages."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL, edit_in_word, run_cli
from draft.build import build_form
from draft.problems import CannotProceed
from draft.word.fingerprint import OutputState, output_state


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def built_file(project: Path) -> Path:
    return project / "output" / "report.docx"


def test_a_fresh_build_is_recognised_as_unchanged_and_rebuilt_silently(project: Path) -> None:
    assert run_cli("build", cwd=project).exit_code == 0
    assert output_state(built_file(project)) is OutputState.UNCHANGED
    again = run_cli("build", cwd=project)
    assert again.exit_code == 0 and "已生成：output/report.docx" in again.stdout
    assert not list((project / "output").glob("*.bak*"))


def test_an_edited_report_is_not_overwritten(project: Path) -> None:
    run_cli("build", cwd=project)
    edit_in_word(built_file(project))
    edited = built_file(project).read_bytes()
    assert output_state(built_file(project)) is OutputState.EDITED
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2
    assert result.stderr.startswith("output/report.docx:这个文件在 draft 生成以后被修改过")
    assert "--force" in result.stderr
    assert built_file(project).read_bytes() == edited


def test_force_keeps_a_backup_of_the_edited_report(project: Path) -> None:
    run_cli("build", cwd=project)
    edit_in_word(built_file(project))
    edited = built_file(project).read_bytes()
    result = run_cli("build", "--force", cwd=project)
    assert result.exit_code == 0, result.output
    assert "已备份原文件：output/report.bak.docx" in result.stdout
    assert (project / "output" / "report.bak.docx").read_bytes() == edited
    assert output_state(built_file(project)) is OutputState.UNCHANGED
    # A second forced rebuild of a second edit never overwrites the first backup.
    edit_in_word(built_file(project))
    run_cli("build", "--force", cwd=project)
    assert (project / "output" / "report.bak.docx").read_bytes() == edited
    assert (project / "output" / "report.bak2.docx").is_file()


def test_the_backup_is_on_disk_before_the_edited_report_is_replaced(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("build", cwd=project)
    edit_in_word(built_file(project))
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(f"fsync {os.fstat(fd).st_size}")
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        events.append(f"replace {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    edited_size = built_file(project).stat().st_size
    assert run_cli("build", "--force", cwd=project).exit_code == 0
    assert events[0] == f"fsync {edited_size}"  # the backup, whole
    assert events[-1] == "replace report.docx"


def test_a_file_draft_did_not_write_is_not_overwritten(project: Path) -> None:
    (project / "output").mkdir()
    built_file(project).write_text("别人的文件", encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2
    assert "不是 draft 生成的文件" in result.stderr
    assert built_file(project).read_text(encoding="utf-8") == "别人的文件"


def test_a_changed_style_counts_as_an_edit(project: Path) -> None:
    run_cli("build", cwd=project)
    document = docx.Document(str(built_file(project)))
    document.styles["Normal"].font.size = docx.shared.Pt(15)
    document.save(str(built_file(project)))
    assert output_state(built_file(project)) is OutputState.EDITED


def _nothing_half_written(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_an_interrupted_build_leaves_the_old_file_whole(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("build", cwd=project)
    before = built_file(project).read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_form(project / "inputs" / "report.yaml", project / "output")
    assert built_file(project).read_bytes() == before
    assert _nothing_half_written(project / "output")


def test_a_full_disk_is_reported_and_nothing_is_damaged(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("build", cwd=project)
    before = built_file(project).read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "output/report.docx:无法写入文件（磁盘已满）。请清理出一些磁盘空间后再试。\n"
    assert built_file(project).read_bytes() == before
    assert _nothing_half_written(project / "output")


def test_a_locked_file_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: object) -> None:  # what Windows says when Word has the file open
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2
    assert "正在 Word/WPS 中打开" in result.stderr
    assert not built_file(project).exists()


def test_an_output_folder_inside_a_file(project: Path) -> None:
    (project / "taken").write_text("x", encoding="utf-8")
    result = run_cli("build", "-o", "taken/out", cwd=project)
    assert result.exit_code == 2
    assert result.stderr.startswith("taken/out/report.docx:无法写入文件")


def test_build_form_raises_usage_error_for_edited_output(project: Path) -> None:
    output = project / "output"
    build_form(project / "inputs" / "report.yaml", output)
    edit_in_word(output / "report.docx")
    with pytest.raises(CannotProceed):
        build_form(project / "inputs" / "report.yaml", output)


def _with_fingerprint(path: Path, value: str) -> None:
    """Rewrite the report's recorded fingerprint (docProps/custom.xml) as ``value``."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, blob in members:
            if info.filename == "docProps/custom.xml":
                blob = re.sub(rb'(name="draft-fingerprint"><vt:lpwstr>)[^<]*', rb"\g<1>" + value.encode(), blob)
            archive.writestr(info, blob)


def test_reports_built_by_draft_0_1_0_are_still_recognised(project: Path) -> None:
    # Before fingerprints were taken over CRCs they were "sha256:" over each word/ part's own sha256.
    import hashlib
    import zipfile

    run_cli("build", cwd=project)
    report = built_file(project)
    with zipfile.ZipFile(report) as archive:
        sha = hashlib.sha256()
        for name in sorted(n for n in archive.namelist() if n.startswith("word/") and "/_rels/" not in n):
            sha.update(name.encode() + b"\0" + hashlib.sha256(archive.read(name)).digest())
    _with_fingerprint(report, "sha256:" + sha.hexdigest())
    assert output_state(report) is OutputState.UNCHANGED
    assert run_cli("build", cwd=project).exit_code == 0  # rebuilt without --force, as before
    _with_fingerprint(report, "sha256:" + sha.hexdigest())
    edit_in_word(report)
    assert output_state(report) is OutputState.EDITED


def test_force_backs_up_a_read_only_report(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A report marked read-only gives a read-only backup; syncing the backup must not need to
    # write to it. (Tests may run as root, who may write anything: permissions are enforced here.)
    import stat

    real_open = os.open

    def open_as_a_user(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        opens_to_write = flags & (os.O_WRONLY | os.O_RDWR) and not flags & os.O_EXCL  # O_EXCL: only a new file
        if opens_to_write and os.path.lexists(path) and not os.lstat(path).st_mode & stat.S_IWUSR:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    run_cli("build", cwd=project)
    edit_in_word(built_file(project))
    built_file(project).chmod(0o444)
    monkeypatch.setattr(os, "open", open_as_a_user)
    result = run_cli("build", "--force", cwd=project)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project / "output").glob("*.bak*")] == ["report.bak.docx"]
