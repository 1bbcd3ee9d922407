"""A rebuild never costs the user work: atomic writes, edited outputs kept, clear messages."""

from __future__ import annotations

import errno
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL, edit_in_word, run_cli
from draft.build import build_form
from draft.build.formats import DOCX
from draft.build.protect import OutputState
from draft.problems import CannotProceed


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    return tmp_path


def built_file(project: Path) -> Path:
    return project / "output" / "report.docx"


def test_a_fresh_build_is_recognised_as_unchanged_and_rebuilt_silently(project: Path) -> None:
    assert run_cli("build", cwd=project).exit_code == 0
    assert DOCX.state(built_file(project)) is OutputState.UNCHANGED
    again = run_cli("build", cwd=project)
    assert again.exit_code == 0 and "已生成：output/report.docx" in again.stdout
    assert not list((project / "output").glob("*.bak*"))


def test_an_edited_report_is_not_overwritten(project: Path) -> None:
    run_cli("build", cwd=project)
    edit_in_word(built_file(project))
    edited = built_file(project).read_bytes()
    assert DOCX.state(built_file(project)) is OutputState.EDITED
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
    assert DOCX.state(built_file(project)) is OutputState.UNCHANGED
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
    assert DOCX.state(built_file(project)) is OutputState.EDITED


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
    run_cli("build", cwd=project)
    before = built_file(project).read_bytes()

    def locked(*args: object) -> None:  # what Windows says when Word has the file open
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2
    assert "正在 Word/WPS 中打开" in result.stderr
    assert built_file(project).read_bytes() == before


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


def _rezipped(path: Path, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Rewrite the package at ``path`` as another program would: each member through ``change`` (None drops it), ``add`` added."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, blob in members:
            changed = change(info.filename, blob)
            if changed is not None:
                archive.writestr(info, changed)
        for name, blob in (add or {}).items():
            archive.writestr(name, blob)


def _same(name: str, blob: bytes) -> bytes:
    return blob


def _replacing(part: str, old: bytes, new: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, blob: bytes) -> bytes:
        if name == part:
            assert old in blob, f"{old!r} not in {part}"
            return blob.replace(old, new, 1)
        return blob

    return change


def _zip_comment(path: Path) -> None:
    with zipfile.ZipFile(path, "a") as archive:
        archive.comment = "已盖章".encode()


#: Every way a report can be changed outside word/ that the review found overwritten without a word
#: (issue 24, point 1): each must leave the report the user's.
EDITS_OUTSIDE_WORD: dict[str, Callable[[Path], None]] = {
    "digital signature": lambda p: _rezipped(p, _same, {"_xmlsignatures/sig1.xml": b"<Signature/>", "_xmlsignatures/origin.sigs": b""}),
    "custom property": lambda p: _rezipped(
        p, _replacing("docProps/custom.xml", b"</Properties>", b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="\xe5\xae\xa1\xe6\xa0\xb8"><vt:lpwstr>ok</vt:lpwstr></property></Properties>')
    ),
    "customXml part": lambda p: _rezipped(p, _same, {"customXml/item1.xml": b"<stamp/>"}),
    "title in core.xml": lambda p: _rezipped(p, _replacing("docProps/core.xml", b"<dc:title>", b"<dc:title>\xe6\x94\xb9")),
    "relationships": lambda p: _rezipped(p, _replacing("word/_rels/document.xml.rels", b"</Relationships>", b"<!-- x --></Relationships>")),
    "bytes appended": lambda p: p.write_bytes(p.read_bytes() + b"\0" * 16),
    "bytes prepended": lambda p: p.write_bytes(b"MZ" + p.read_bytes()),
    "zip comment": _zip_comment,
    "one byte of a member": lambda p: p.write_bytes(p.read_bytes()[:100] + bytes([p.read_bytes()[100] ^ 1]) + p.read_bytes()[101:]),
}


@pytest.mark.parametrize("edit", sorted(EDITS_OUTSIDE_WORD))
def test_a_report_changed_anywhere_is_kept_and_backed_up_byte_for_byte(project: Path, edit: str) -> None:
    assert run_cli("build", cwd=project).exit_code == 0
    report = built_file(project)
    EDITS_OUTSIDE_WORD[edit](report)
    changed = report.read_bytes()
    assert DOCX.state(report) in (OutputState.EDITED, OutputState.FOREIGN)

    refused = run_cli("build", cwd=project)
    assert refused.exit_code == 2
    assert "没有覆盖它" in refused.stderr and "--force" in refused.stderr
    assert report.read_bytes() == changed

    forced = run_cli("build", "--force", cwd=project)
    assert forced.exit_code == 0, forced.stderr
    assert (project / "output" / "report.bak.docx").read_bytes() == changed
    assert DOCX.state(report) is OutputState.UNCHANGED


def test_a_report_saved_in_word_is_told_as_edited_and_a_strangers_file_as_foreign(project: Path) -> None:
    run_cli("build", cwd=project)
    report = built_file(project)
    edit_in_word(report)  # Word keeps draft's custom properties
    assert DOCX.state(report) is OutputState.EDITED
    docx.Document().save(str(report))
    assert DOCX.state(report) is OutputState.FOREIGN


def test_a_report_sealed_before_the_whole_file_was_is_kept(project: Path) -> None:
    # Reports of draft before this seal recorded a digest of their word/ parts only, which cannot say
    # that nothing else was changed: such a report is the user's until --force backs it up.
    run_cli("build", cwd=project)
    report = built_file(project)
    _rezipped(report, _replacing("docProps/custom.xml", b"</Properties>", b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="draft-fingerprint"><vt:lpwstr>crc32:00</vt:lpwstr></property></Properties>'))
    assert DOCX.state(report) is OutputState.EDITED
    assert run_cli("build", cwd=project).exit_code == 2


def test_a_name_found_free_is_not_written_over_once_a_backup_takes_it(project: Path) -> None:
    # The race of issue 24: one worker finds X.bak.docx free for the report of X.bak.yaml, another
    # then backs the user's X.docx up under that name; the first must not write over the backup.
    from draft.build.protect import put

    target = project / "output" / "X.bak.docx"
    found = DOCX.writable(target, force=True)
    assert found.state is OutputState.MISSING
    target.parent.mkdir()
    target.write_bytes(b"the user's edited report")
    with pytest.raises(CannotProceed) as refused:
        put(target, b"a new report", found)
    assert "生成期间这里出现了一个同名文件" in str(refused.value)
    assert target.read_bytes() == b"the user's edited report"


def test_a_file_replaced_after_it_was_judged_is_not_written_over(project: Path) -> None:
    from draft.build.protect import put

    run_cli("build", cwd=project)
    report = built_file(project)
    found = DOCX.writable(report, force=False)
    assert found.state is OutputState.UNCHANGED
    report.unlink()
    report.write_bytes(b"saved in Word meanwhile")
    with pytest.raises(CannotProceed) as refused:
        put(report, b"a new report", found)
    assert "生成期间这个文件被改动" in str(refused.value)
    assert report.read_bytes() == b"saved in Word meanwhile"


def test_workers_never_write_a_report_over_a_backup(project: Path) -> None:
    # X.bak.yaml (the backup import --force keeps) gives the report X.bak.docx, the backup name of the
    # edited X.docx. Built together by several workers with --force, the user's X.docx must end up
    # whole in the backup the output names, every time.
    from conftest import building_with

    inputs = project / "inputs"
    for name in ("a", "b", "c", "d", "e", "f"):
        (inputs / f"{name}.yaml").write_text(MINIMAL, encoding="utf-8")
    # Two long forms, read and checked side by side by two workers: one finds X.bak.docx free and takes a
    # while to write its report there, the time in which the other backs X.docx up under that name.
    long_text = "\n\n".join(f"    第{n}项工作取得进展，全年办理案件一百二十件。" for n in range(1500))
    for name in ("X", "X.bak"):
        (inputs / f"{name}.yaml").write_text(MINIMAL.replace("  text: 我局坚持依法行政。\n", f"  text: |\n{long_text}\n", 1), encoding="utf-8")
    forms = sorted(str(form.relative_to(project)) for form in inputs.glob("*.yaml"))
    for _ in range(4):
        for old in (project / "output").glob("*") if (project / "output").exists() else ():
            old.unlink()
        # X.bak.yaml is new since the last build (import --force has just kept it): X.bak.docx is free.
        assert run_cli("build", *(form for form in forms if "X.bak" not in form), cwd=project).exit_code == 0
        report = project / "output" / "X.docx"
        edit_in_word(report)
        edited = report.read_bytes()
        with building_with(2):
            result = run_cli("build", "--force", *forms, cwd=project)
        kept = [line.split("：", 1)[1] for line in result.stdout.splitlines() if line.startswith("已备份原文件：")]
        assert any((project / name).read_bytes() == edited for name in kept), result.stdout + result.stderr


def test_the_backups_import_keeps_are_not_built_as_forms(project: Path) -> None:
    (project / "inputs" / "report.bak.yaml").write_text(MINIMAL, encoding="utf-8")
    (project / "inputs" / "report.bak2.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.exit_code == 0
    assert sorted(p.name for p in (project / "output").iterdir()) == ["report.docx"]
