"""Every file draft writes stays in its folder, is never written through a link, has the user's
permissions, and leaves nothing half-made behind — whatever was planted in the folder."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL, SEEDS, edit_in_word, run_cli
from draft.build.formats import DOCX
from draft.build.protect import OutputState
from draft.files import safe_write


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    return tmp_path


def output(project: Path) -> Path:
    return project / "output"


def built_and_edited(project: Path) -> bytes:
    assert run_cli("build", cwd=project).exit_code == 0
    edit_in_word(output(project) / "report.docx")
    return (output(project) / "report.docx").read_bytes()


def everything_in(folder: Path) -> dict[str, bytes | str]:
    """Each file (its bytes) and link (where it points) under ``folder``."""
    found: dict[str, bytes | str] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            if path.is_symlink():
                found[str(path.relative_to(folder))] = os.readlink(path)
            elif path.is_file():
                found[str(path.relative_to(folder))] = path.read_bytes()
    return found


# --- Links planted in the output folder ---------------------------------------------------------------


@pytest.mark.parametrize("dangling", [False, True], ids=["to a file", "dangling"])
def test_force_never_writes_its_backup_through_a_link(project: Path, dangling: bool) -> None:
    edited = built_and_edited(project)
    victim = project / "outside" / ("new.docx" if dangling else "victim.docx")
    if not dangling:
        victim.write_bytes(b"someone else's file")
    (output(project) / "report.bak.docx").symlink_to(victim)
    before = everything_in(project / "outside")
    result = run_cli("build", "--force", cwd=project)
    assert result.exit_code == 0, result.output
    assert everything_in(project / "outside") == before
    assert os.readlink(output(project) / "report.bak.docx") == str(victim)  # the link itself is left alone
    assert "已备份原文件：output/report.bak2.docx" in result.stdout
    assert (output(project) / "report.bak2.docx").read_bytes() == edited


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "--force"])
def test_a_link_at_the_output_name_is_never_replaced_nor_followed(project: Path, force: list[str]) -> None:
    victim = project / "outside" / "report.docx"
    assert run_cli("build", "-o", "outside", cwd=project).exit_code == 0  # a report of draft's, elsewhere
    before = everything_in(project / "outside")
    output(project).mkdir()
    (output(project) / "report.docx").symlink_to(victim)
    result = run_cli("build", *force, cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        "output/report.docx:这里是一个链接（快捷方式），不是 Word 文件，draft 不会替换它（加 --force 也不会）。"
        "请把它移走或改名，或者用 -o 指定另一个输出文件夹。\n"
    )
    assert everything_in(project / "outside") == before
    assert (output(project) / "report.docx").is_symlink()


def test_a_temporary_name_taken_by_a_link_is_passed_over(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output(project).mkdir()
    victim = project / "outside" / "victim"
    (output(project) / f"{safe_write.TEMP_PREFIX}planted{safe_write.TEMP_SUFFIX}").symlink_to(victim)
    names = iter(["planted", "planted", "free"])
    monkeypatch.setattr(safe_write.secrets, "token_hex", lambda n: next(names))
    assert run_cli("build", cwd=project).exit_code == 0
    assert not victim.exists()
    assert DOCX.state(output(project) / "report.docx") is OutputState.UNCHANGED


def test_output_names_of_fifos_and_folders_are_refused(project: Path) -> None:
    output(project).mkdir()
    os.mkfifo(output(project) / "report.docx")
    result = run_cli("build", "--force", cwd=project)  # opening a FIFO to read its fingerprint would wait forever
    assert result.exit_code == 2
    assert result.stderr.startswith("output/report.docx:这里是一个特殊文件（不是普通文件），不是 Word 文件，draft 不会替换它")


# --- Leftovers -------------------------------------------------------------------------------------


#: Another draft writing a report into the folder ``argv[1]``, stopped (killed, or waiting) once the
#: bytes are in its temporary file and before it is renamed: where draft syncs the file.
_WRITER = """
import os, sys
from pathlib import Path
from draft.files import safe_write

def stop(descriptor):
    written = os.fstat(descriptor).st_ino
    print(next(p.name for p in Path(sys.argv[1]).iterdir() if p.lstat().st_ino == written), flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), 9)
    sys.stdin.read()  # still writing

os.fsync = stop
safe_write.replace(Path(sys.argv[1], "other.docx"), b"half a report")
"""


@pytest.fixture
def writers(project: Path) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def _start_writer(project: Path, how: str, writers: list[subprocess.Popen[str]]) -> Path:
    output(project).mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(output(project)), how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    writers.append(process)
    name = process.stdout.readline().strip()  # type: ignore[union-attr]
    if how == "kill":
        assert process.wait() == -signal.SIGKILL
    return output(project) / name


def test_a_killed_run_s_temporary_file_is_removed_by_the_next_build(project: Path, writers: list) -> None:
    killed = _start_writer(project, "kill", writers)
    running = _start_writer(project, "run", writers)
    assert killed.exists() and running.exists()
    assert run_cli("build", cwd=project).exit_code == 0
    assert not killed.exists()
    assert running.exists()  # another draft, still writing it
    assert sorted(p.name for p in output(project).iterdir()) == sorted(["report.docx", running.name])


def test_a_failed_backup_leaves_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = built_and_edited(project)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run_cli("build", "--force", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "output/report.bak.docx:无法写入文件（磁盘已满）。请清理出一些磁盘空间后再试。\n"
    assert sorted(p.name for p in output(project).iterdir()) == ["report.docx"]
    assert (output(project) / "report.docx").read_bytes() == edited


# --- Permissions ------------------------------------------------------------------------------------


@pytest.fixture(params=[0o022, 0o002], ids=["umask 022", "umask 002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_files_get_the_umask_s_permissions(project: Path, umask: int) -> None:
    expected = 0o666 & ~umask
    assert run_cli("build", cwd=project).exit_code == 0
    assert mode(output(project) / "report.docx") == expected
    assert run_cli("init", "inputs/new.yaml", cwd=project).exit_code == 0
    assert mode(project / "inputs" / "new.yaml") == expected
    assert run_cli("import", str(SEEDS / "000_31027cef6ae4fb1c.txt"), "-o", "inputs/imported.yaml", cwd=project).exit_code in (0, 1)
    assert mode(project / "inputs" / "imported.yaml") == expected
    assert run_cli("template", "mine", cwd=project).exit_code == 0
    assert mode(project / "mine") == 0o777 & ~umask
    assert {mode(file) for file in (project / "mine").iterdir()} == {expected}
    edit_in_word(output(project) / "report.docx")
    os.chmod(output(project) / "report.docx", expected)
    # (the forms just made are not filled in yet: validation refuses them)
    assert run_cli("build", "--force", "inputs/report.yaml", cwd=project).exit_code == 0
    assert mode(output(project) / "report.bak.docx") == expected
    assert mode(output(project) / "report.docx") == expected


def test_a_replaced_file_keeps_its_mode(project: Path, umask: int) -> None:
    assert run_cli("build", cwd=project).exit_code == 0
    os.chmod(output(project) / "report.docx", 0o664)
    os.chmod(project / "inputs" / "report.yaml", 0o640)
    assert run_cli("build", cwd=project).exit_code == 0
    assert mode(output(project) / "report.docx") == 0o664
    assert run_cli("import", str(SEEDS / "000_31027cef6ae4fb1c.txt"), "-o", "inputs/report.yaml", "--force", cwd=project).exit_code in (0, 1)
    assert mode(project / "inputs" / "report.yaml") == 0o640


# --- import --force ---------------------------------------------------------------------------------


def test_import_force_keeps_a_backup_of_the_form(project: Path) -> None:
    form = project / "inputs" / "report.yaml"
    mine = form.read_bytes()
    result = run_cli("import", str(SEEDS / "000_31027cef6ae4fb1c.txt"), "-o", "inputs/report.yaml", "--force", cwd=project)
    assert result.exit_code in (0, 1), result.output
    assert "已备份原表单：inputs/report.bak.yaml" in result.stdout
    assert (project / "inputs" / "report.bak.yaml").read_bytes() == mine
    assert form.read_bytes() != mine


def test_import_never_writes_through_a_link(project: Path) -> None:
    victim = project / "outside" / "victim.yaml"
    victim.write_text("别人的文件", encoding="utf-8")
    (project / "inputs" / "linked.yaml").symlink_to(victim)
    for force in ([], ["--force"]):
        result = run_cli("import", str(SEEDS / "000_31027cef6ae4fb1c.txt"), "-o", "inputs/linked.yaml", *force, cwd=project)
        assert result.exit_code == 2
        assert victim.read_text(encoding="utf-8") == "别人的文件"
        assert (project / "inputs" / "linked.yaml").is_symlink()
    assert "无法备份这个文件（这是一个链接（快捷方式），或者链接层层相连），所以没有覆盖它。" in result.stderr


# --- draft template ---------------------------------------------------------------------------------


def test_template_into_a_path_under_a_file(project: Path) -> None:
    (project / "taken").write_text("x", encoding="utf-8")
    result = run_cli("template", "taken/mine", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "taken/mine:无法写入文件：“taken”是一个文件，不是文件夹。请换一个文件夹。\n"
    result = run_cli("template", "taken/deeper/mine", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        "taken/deeper/mine:无法写入文件（路径中有一段是文件，而不是文件夹）。"
        "请检查文件夹是否存在、是否有写入权限、磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。\n"
    )
    assert sorted(p.name for p in project.iterdir()) == ["inputs", "outside", "taken"]


def test_template_on_a_full_disk_leaves_no_half_copied_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def full_on_the_second_file(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_on_the_second_file)
    result = run_cli("template", "mine", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "mine:无法写入文件（磁盘已满）。请清理出一些磁盘空间后再试。\n"
    assert sorted(p.name for p in project.iterdir()) == ["inputs", "outside"]


def test_template_into_a_read_only_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, whom permissions do not stop: the refusal is the system's.
    def read_only(path: object, mode: int = 0o777) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", read_only)
    result = run_cli("template", "mine", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "mine:无法写入文件（没有权限）。请检查文件夹是否存在、是否有写入权限、磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。\n"
    assert sorted(p.name for p in project.iterdir()) == ["inputs", "outside"]


def test_init_under_a_file_says_so(project: Path) -> None:
    (project / "taken.yaml").write_text("x", encoding="utf-8")
    result = run_cli("init", "taken", cwd=project)  # taken.yaml
    assert result.exit_code == 2 and result.stderr.startswith("taken.yaml:文件已存在")
    (project / "taken").write_text("x", encoding="utf-8")
    result = run_cli("init", "taken/form.yaml", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "taken/form.yaml:无法写入文件：“taken”是一个文件，不是文件夹。请换一个文件夹。\n"
    (project / "linked").symlink_to(project / "outside" / "nothing-here")  # a dangling link where a folder should be
    result = run_cli("build", "-o", "linked", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == "linked/report.docx:无法写入文件：“linked”是一个链接（快捷方式），不是文件夹。请换一个文件夹。\n"
    assert not (project / "outside" / "nothing-here").exists()


# --- Long names -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [237, 245, 250])
def test_a_form_name_of_up_to_250_bytes_builds(project: Path, size: int) -> None:
    stem = "报" * ((size - 5) // 3) + "a" * ((size - 5) % 3)
    form = project / "inputs" / f"{stem}.yaml"
    assert len(form.name.encode()) == size
    form.write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", str(form.relative_to(project)), cwd=project)
    assert result.exit_code == 0, result.output
    assert DOCX.state(output(project) / f"{stem}.docx") is OutputState.UNCHANGED
    edit_in_word(output(project) / f"{stem}.docx")
    assert run_cli("build", "--force", str(form.relative_to(project)), cwd=project).exit_code == 0
    assert (output(project) / f"{stem}.bak.docx").is_file()


# --- What is at the output name, told as it is ------------------------------------------------------


def test_an_output_that_may_not_be_read_is_not_called_foreign(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_cli("build", cwd=project).exit_code == 0
    report = output(project) / "report.docx"
    report.chmod(0)
    real_open = os.open

    def open_as_a_user(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Tests may run as root, whom permissions do not stop: the refusal is the system's.
        if Path(os.path.abspath(path)) == report and not os.stat(path).st_mode & 0o444:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_as_a_user)
    for force in ([], ["--force"]):
        result = run_cli("build", *force, cwd=project)
        assert result.exit_code == 2
        assert result.stderr == (
            "output/report.docx:无法读取这个已有的文件（没有读取权限，或者磁盘出错）：无法判断它是否被修改过，也无法备份它，"
            "所以没有覆盖它（加 --force 也不会）。请检查这个文件的权限，或者用 -o 指定另一个输出文件夹。\n"
        )
    assert "不是 draft 生成的" not in result.stderr


def test_a_planted_old_fingerprint_does_not_make_the_build_inflate_every_part(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # draft 0.1.0 fingerprinted a report by reading all its parts ("sha256:"); a file claiming
    # that fingerprint could have the build inflate gigabytes to check it.
    import zipfile

    output(project).mkdir()
    planted = output(project) / "report.docx"
    with zipfile.ZipFile(planted, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "docProps/custom.xml",
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">'
            '<property name="draft-fingerprint">sha256:0000</property></Properties>',
        )
        with archive.open("word/document.xml", "w") as member:
            for _ in range(50):
                member.write(bytes(1024 * 1024))
    real_read = zipfile.ZipExtFile.read

    def read(self, n=-1):  # type: ignore[no-untyped-def]
        assert self.name != "word/document.xml", "the planted part was inflated"
        return real_read(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    assert DOCX.state(planted) is OutputState.EDITED
    result = run_cli("build", cwd=project)
    assert result.exit_code == 2 and "在 draft 生成以后被修改过" in result.stderr


def test_the_sweep_removes_no_file_of_the_user_s_that_merely_has_a_temporary_name(project: Path, writers: list) -> None:
    killed = _start_writer(project, "kill", writers)
    users = output(project) / f"{safe_write.TEMP_PREFIX}0123456789ab{safe_write.TEMP_SUFFIX}"
    users.write_bytes(b"my notes")
    copied = output(project) / f"{safe_write.TEMP_PREFIX}ba9876543210{safe_write.TEMP_SUFFIX}"
    copied.write_bytes(killed.read_bytes())  # a copy of draft's leftover is another file: the user's
    assert run_cli("build", cwd=project).exit_code == 0
    assert not killed.exists()
    assert users.read_bytes() == b"my notes" and copied.exists()


# --- Where the output folder cannot be reached ------------------------------------------------------


def test_an_output_folder_whose_name_is_too_long_is_told_as_such(project: Path) -> None:
    folder = "文" * 90  # 270 bytes
    result = run_cli("build", "-o", folder, cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{folder}/report.docx:无法写入文件（文件夹的名字太长）。"
        "文件夹的名字最长 255 字节（约 80 个汉字）：请用 -o 换一个名字短一些的文件夹。\n"
    )


def test_an_output_path_too_long_for_the_system_is_told_as_such(project: Path) -> None:
    folder = "/".join(["文" * 80] * 20)  # each name fits, the whole path (4.8 KB) does not
    result = run_cli("build", "-o", folder, cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{folder}/report.docx:无法写入文件（路径太长）。文件夹套得太深，或者名字太长：请用 -o 换一个层次少、名字短一些的文件夹。\n"
    )


def test_an_output_folder_in_a_loop_of_links_is_not_called_an_unreadable_file(project: Path) -> None:
    (project / "loop").symlink_to("loop")
    result = run_cli("build", "-o", "loop/out", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        "loop/out/report.docx:无法写入文件（这是一个链接（快捷方式），或者链接层层相连）。"
        "路径中的链接（快捷方式）绕成了圈，这个文件夹打不开。请用 -o 换一个文件夹。\n"
    )


def test_an_output_folder_that_may_not_be_entered_is_not_called_an_unreadable_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = project / "locked"
    locked.mkdir()
    real_open, real_lstat = os.open, os.lstat

    def refused(path: object) -> None:
        # Tests may run as root, whom permissions do not stop: the refusal is the system's (a folder without x).
        if Path(os.path.abspath(str(path))).parent == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    def open_as_a_user(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        refused(path)
        return real_open(path, flags, *args, **kwargs)

    def lstat_as_a_user(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        refused(path)
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_as_a_user)
    monkeypatch.setattr(os, "lstat", lstat_as_a_user)
    result = run_cli("build", "-o", "locked", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        "locked/report.docx:无法写入文件（没有权限）。"
        "请检查文件夹是否存在、是否有写入权限、磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。\n"
    )


# --- A backup made before a replace that failed -------------------------------------------------------


def test_a_backup_made_before_a_failed_replace_is_named(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = built_and_edited(project)

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    result = run_cli("build", "--force", cwd=project)
    assert result.exit_code == 2
    assert result.stderr == (
        "output/report.docx:无法写入文件（磁盘已满）。请清理出一些磁盘空间后再试。"
        "这个文件没有被 draft 改动；生成前为它做的备份留在 output/report.bak.docx，不需要时可以删除。\n"
    )
    assert (output(project) / "report.docx").read_bytes() == edited
    assert (output(project) / "report.bak.docx").read_bytes() == edited


def test_a_form_backed_up_by_import_before_a_failed_replace_is_named(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "last-year.txt").write_text("示例区司法局2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n我局坚持依法行政。\n", encoding="utf-8")
    form = project / "inputs" / "last-year.yaml"
    form.write_text("# 我的表单\n", encoding="utf-8")

    def locked(*args: object) -> None:  # what Windows says when another program has the file open
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = run_cli("import", "last-year.txt", "--force", cwd=project)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "这个文件没有被 draft 改动；生成前为它做的备份留在 inputs/last-year.bak.yaml，不需要时可以删除。\n"
    )
    assert form.read_text(encoding="utf-8") == "# 我的表单\n"
    assert (project / "inputs" / "last-year.bak.yaml").read_text(encoding="utf-8") == "# 我的表单\n"
