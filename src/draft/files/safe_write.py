"""Every file draft writes for a user — a report, a form from ``init`` or ``import``, a backup,
a copy of the template — is written here, so that all of them are written alike:

* **atomically**: into a temporary file in the same folder, synced, then renamed over the
  target; a crash, a full disk or Ctrl+C leaves the old file whole and no half-written one;
* **in their folder**: every file is created with ``O_EXCL`` (and ``O_NOFOLLOW``), so a
  link planted under a temporary or backup name is never written through, and a rename
  replaces a link at the target instead of following it;
* **with the user's permissions**: a new file gets what the umask gives any new file
  (``0666 & ~umask``, or the folder's default ACL); a replaced file keeps its own mode;
* **cleaned up**: a temporary file is locked while it is written, so the next build can
  tell one left by a killed run (nobody holds it) from one being written, and remove it;
  and it is stamped as draft's once written (:func:`_stamp`), so that a file of the user's
  that merely has such a name is never removed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
from pathlib import Path
from typing import BinaryIO

from draft.files.os_errors import reason
from draft.files.safe_read import open_regular
from draft.problems import CannotProceed, Problem, display_path

TEMP_PREFIX = ".~draft-"
TEMP_SUFFIX = ".tmp"
#: Exactly the names draft gives its temporary files: a sweep removes no file of the user's.
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + "[0-9a-f]{12}" + re.escape(TEMP_SUFFIX))
#: Backups ``name.bak.docx``, ``name.bak2.docx`` … up to this number.
MAX_BACKUPS = 999
_BACKUP_STEM = re.compile(r".+\.bak(?:[2-9]|[1-9][0-9]{1,2})?")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | getattr(os, "O_CLOEXEC", 0)
#: Windows renames no file that is still open.
_CLOSE_BEFORE_RENAME = os.name == "nt"

try:
    import fcntl
except ImportError:  # Windows: a file open in another process cannot be removed, which is lock enough
    fcntl = None  # type: ignore[assignment]


# --- Messages -------------------------------------------------------------------------------

_ADVICE = {
    errno.ENOSPC: "请清理出一些磁盘空间后再试。",
    errno.EDQUOT: "请清理出一些磁盘空间后再试。",
    errno.EROFS: "请用 -o 换一个可以写入的文件夹，或者把文件复制到自己的电脑上再生成。",
    errno.ELOOP: "路径中的链接（快捷方式）绕成了圈，这个文件夹打不开。请用 -o 换一个文件夹。",
}
_GENERAL_ADVICE = (
    "请检查文件夹是否存在、是否有写入权限、磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。"
)
#: The longest name of one file or folder on the usual disks, in bytes (Windows counts 255 characters).
_LONGEST_NAME = 255


def cannot_write(target: Path, error: OSError) -> CannotProceed:
    if error.errno == errno.ENAMETOOLONG:
        why, advice = _too_long(target)
    else:
        why, advice = reason(error), _ADVICE.get(error.errno or 0, _GENERAL_ADVICE)
    return CannotProceed(Problem(file=display_path(target), message=f"无法写入文件（{why}）。{advice}"))


def _too_long(target: Path) -> tuple[str, str]:
    """Which name is too long — the file's own, a folder's, or the whole path — and what to shorten."""
    if len(os.fsencode(target.name)) > _LONGEST_NAME:
        return reason(OSError(errno.ENAMETOOLONG, "")), "文件名最长 255 字节（约 80 个汉字）：请把表单文件改一个短一些的名字。"
    if any(len(os.fsencode(part)) > _LONGEST_NAME for part in target.parent.parts):
        return "文件夹的名字太长", "文件夹的名字最长 255 字节（约 80 个汉字）：请用 -o 换一个名字短一些的文件夹。"
    return "路径太长", "文件夹套得太深，或者名字太长：请用 -o 换一个层次少、名字短一些的文件夹。"


#: What ``lstat`` says when the way to a name is blocked, not the name itself: a folder that may not be
#: entered, a loop of links among the folders, a name longer than a name may be. Nothing stands there that
#: draft could overwrite, and writing there fails with the reason.
_FOLDER_UNREACHABLE = (errno.EACCES, errno.ELOOP, errno.ENAMETOOLONG)


def occupant(path: Path) -> str | None:
    """What is at ``path``, in Chinese (``文件``, ``链接（快捷方式）``…), or None if nothing is (a broken link is something)
    or nothing can be (:data:`_FOLDER_UNREACHABLE`: writing there will tell why)."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # nothing, or a file where a folder of the path should be
        return None
    except OSError as error:
        return None if error.errno in _FOLDER_UNREACHABLE else "无法读取的文件"
    if stat.S_ISLNK(mode):
        return "链接（快捷方式）"
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISREG(mode):
        return "文件"
    return "特殊文件（不是普通文件）"


def _refuse_unless_file(target: Path) -> os.stat_result | None:
    """The target's status if it is a plain file, None if nothing is there; CannotProceed for anything else."""
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise cannot_write(target, error) from None
    if not stat.S_ISREG(status.st_mode):
        raise CannotProceed(
            Problem(
                file=display_path(target),
                message=f"这里是一个{occupant(target)}，不是 draft 可以替换的普通文件，没有写入。"
                "请把它移走或改名，或者换一个文件名或文件夹。",
            )
        )
    return status


# --- Writing --------------------------------------------------------------------------------


def identity(status: os.stat_result) -> tuple[int, ...]:
    """Which file, in which version: changes when the file is replaced or written to."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def replace(target: Path, data: bytes, expected: tuple[int, ...] | None = None, backup: Path | None = None) -> None:
    """Write ``data`` as ``target``, in place of the plain file there (which keeps its mode) or as a new file.

    ``expected``: the :func:`identity` of the file the caller judged replaceable. If another file
    stands there by the time the new one is put in place (another build's backup, a user's save),
    nothing is replaced: CannotProceed. ``backup``: where that file was copied first (:func:`keep_backup`),
    which a failure names: the copy stays, and the user should know it is there.
    """
    try:
        existing = _refuse_unless_file(target)
        if expected is not None and (existing is None or identity(existing) != expected):
            raise _changed(target)
        _write(target, data, stat.S_IMODE(existing.st_mode) if existing else None, expected=expected)
    except CannotProceed as error:
        if backup is None:
            raise
        kept = f"这个文件没有被 draft 改动；生成前为它做的备份留在 {display_path(backup)}，不需要时可以删除。"
        raise CannotProceed([problem._replace(message=problem.message + kept) for problem in error.problems]) from None


def create(target: Path, data: bytes, taken: str = "") -> None:
    """Write ``data`` as the new file ``target``; CannotProceed (``taken``, or a general message) if anything,
    even a broken link, is there — also if it appears while the file is being written."""
    found = occupant(target)
    message = taken or f"{found or '文件'}已存在，为免覆盖您的内容没有写入。请换一个文件名。"
    if found is not None:
        raise CannotProceed(Problem(file=display_path(target), message=message))
    try:
        _write(target, data, None, exclusive=True)
    except FileExistsError:
        raise CannotProceed(Problem(file=display_path(target), message=message)) from None


def _changed(target: Path) -> CannotProceed:
    return CannotProceed(
        Problem(
            file=display_path(target),
            message="生成期间这个文件被改动或换成了另一个文件（例如另一份报告的备份，或在 Word 中保存），"
            "为免丢失其内容没有覆盖它。请再运行一次 draft build。",
        )
    )


def _write(target: Path, data: bytes, mode: int | None, exclusive: bool = False, expected: tuple[int, ...] | None = None) -> None:
    ensure_folder(target.parent, target)
    try:
        descriptor, temp = _temp_file(target.parent, mode)
    except OSError as error:
        raise cannot_write(target, error) from None
    try:
        with open(descriptor, "wb", closefd=False) as stream:
            stream.write(data)
        _stamp(descriptor, temp)
        os.fsync(descriptor)
        if _CLOSE_BEFORE_RENAME:
            os.close(descriptor)
            descriptor = -1
        if exclusive:
            _install_new(temp, target)
        else:
            if expected is not None:  # the last look before the rename: what was judged is still what is there
                try:
                    if identity(os.lstat(target)) != expected:
                        raise _changed(target)
                except FileNotFoundError:
                    raise _changed(target) from None
            os.replace(temp, target)  # replaces a link at target itself, never what it points to
    except FileExistsError:
        raise
    except OSError as error:
        raise cannot_write(target, error) from None
    finally:
        # Whatever stopped us (an error, Ctrl+C), no half-written file is left behind.
        if descriptor >= 0:
            os.close(descriptor)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _install_new(temp: Path, target: Path) -> None:
    """Give the written ``temp`` the name ``target``, which must be free: FileExistsError if anything took it,
    even in the last instant (another build's backup), rather than replacing it."""
    if os.name == "nt":
        os.rename(temp, target)  # Windows: a rename never replaces (FileExistsError)
        return
    try:
        os.link(temp, target, follow_symlinks=False)  # fails if the name is taken, whatever by
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
        # A file system without hard links (a FAT USB stick): as close as it gets.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(temp, target)


def ensure_folder(folder: Path, target: Path) -> None:
    """Make ``folder`` (and the folders above it) for writing ``target``; CannotProceed naming ``target`` if it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # something else where the folder should be: a file, a link
        blocker = next((part for part in (folder, *folder.parents) if os.path.lexists(part) and not part.is_dir()), folder)
        raise CannotProceed(
            Problem(
                file=display_path(target),
                message=f"无法写入文件：“{display_path(blocker)}”是一个{occupant(blocker)}，不是文件夹。请换一个文件夹。",
            )
        ) from None
    except OSError as error:
        raise cannot_write(target, error) from None


def _temp_file(folder: Path, mode: int | None) -> tuple[int, Path]:
    """A new, locked temporary file in ``folder``: its descriptor and path. ``mode`` None: the umask decides."""
    while True:
        temp = _temp_name(folder)
        try:
            descriptor = os.open(temp, _CREATE, 0o666)
        except FileExistsError:
            continue
        try:
            if _hold(descriptor):
                if mode is not None and hasattr(os, "fchmod"):
                    os.fchmod(descriptor, mode)
                return descriptor, temp
        except BaseException:
            os.close(descriptor)
            temp.unlink(missing_ok=True)
            raise
        os.close(descriptor)  # swept away by another build between creation and locking: anew


def _temp_name(folder: Path) -> Path:
    return folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"


def _hold(descriptor: int) -> bool:
    """Lock the temporary file as being written; False if another build's sweep removed it first."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True  # a file system without locks: the file is only never swept
    return os.fstat(descriptor).st_nlink > 0


#: The stamp is a number of 100 ns steps below the second: the finest time NTFS keeps (ext4, APFS and the
#: like keep nanoseconds). A disk that keeps coarser times (FAT) loses it: its leftovers are only never swept.
_STAMP_STEP, _STAMP_STEPS = 100, 10**7


def _stamp(descriptor: int, temp: Path) -> None:
    """Mark the written temporary file as draft's: its modification time's fraction of a second is drawn
    from which file it is (:func:`_stamp_of`). Reading it changes nothing of that (its access time would
    change); a user's file of the same name has another, and so has a copy of a leftover (another file)."""
    status = os.fstat(descriptor)
    modified = status.st_mtime_ns - status.st_mtime_ns % 10**9 + _stamp_of(status)
    with contextlib.suppress(OSError):  # a disk that keeps no such times: its leftovers are only never swept
        os.utime(descriptor if os.utime in os.supports_fd else temp, ns=(status.st_atime_ns, modified))


def _stamp_of(status: os.stat_result) -> int:
    digest = hashlib.sha256(f"{status.st_dev}:{status.st_ino}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % _STAMP_STEPS * _STAMP_STEP


def _draft_s(status: os.stat_result) -> bool:
    """Whether a temporary file was left by draft: stamped (:func:`_stamp`) once written, or empty — what a run
    killed before it wrote leaves, whose removal loses nothing. (A run killed in the instant of writing leaves
    a file that is only never swept.)"""
    return status.st_size == 0 or status.st_mtime_ns % 10**9 == _stamp_of(status)


def sweep(folder: Path) -> None:
    """Remove the temporary files that runs stopped before they finished (killed, power cut) left in ``folder``:
    draft's own (:func:`_draft_s`), that no run is writing."""
    try:
        entries = [entry for entry in os.scandir(folder) if _TEMP_NAME.fullmatch(entry.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                _remove_if_abandoned(Path(entry.path))


def _remove_if_abandoned(temp: Path) -> None:
    if fcntl is None:
        if _draft_s(os.lstat(temp)):
            temp.unlink()  # fails while the writing process has it open
        return
    descriptor = os.open(temp, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: being written
        if _draft_s(os.fstat(descriptor)):
            temp.unlink()
    finally:
        os.close(descriptor)


# --- Backups --------------------------------------------------------------------------------


def backup_name(target: Path, number: int) -> Path:
    """``name.bak.ext`` for the first backup of ``name.ext``, ``name.bak2.ext`` for the second, …"""
    return target.with_name(f"{target.stem}.bak{number if number > 1 else ''}{target.suffix}")


def is_backup(path: Path) -> bool:
    """Whether ``path`` is named as draft names a backup (:func:`backup_name`)."""
    return _BACKUP_STEM.fullmatch(path.stem) is not None


def keep_backup(target: Path) -> Path:
    """Copy the plain file ``target`` to the first free ``name.bak.ext``, ``name.bak2.ext``, … and sync it.

    The backup is on disk before ``target`` may be replaced: after a power cut, the user's
    edits are still somewhere. It is a new file: created without following links, with the
    mode of what it copies (less what the umask takes away). If it cannot be made whole
    (a full disk), nothing of it is left.
    """
    try:
        source = open_regular(target, follow_links=False)
    except OSError as error:
        raise CannotProceed(
            Problem(file=display_path(target), message=f"无法备份这个文件（{reason(error)}），所以没有覆盖它。")
        ) from None
    with source:
        status = os.fstat(source.fileno())
        for number in range(1, MAX_BACKUPS + 1):
            backup = backup_name(target, number)
            try:
                descriptor = os.open(backup, _CREATE, stat.S_IMODE(status.st_mode))
            except FileExistsError:  # a backup, or anything else (a link), already has that name
                continue
            except OSError as error:
                raise cannot_write(backup, error) from None
            _fill(descriptor, source, backup, status)
            return backup
    raise CannotProceed(
        Problem(file=display_path(target), message=f"备份文件太多（已有 {MAX_BACKUPS} 个），请先清理旧的 .bak 文件。")
    )


def _fill(descriptor: int, source: BinaryIO, backup: Path, status: os.stat_result) -> None:
    try:
        with open(descriptor, "wb") as copy:
            shutil.copyfileobj(source, copy)
            copy.flush()
            os.fsync(copy.fileno())
            if os.utime in os.supports_fd:  # the backup shows when the user last saved the file
                os.utime(copy.fileno(), ns=(status.st_atime_ns, status.st_mtime_ns))
    except BaseException as error:
        with contextlib.suppress(OSError):
            backup.unlink()
        if isinstance(error, OSError):
            raise cannot_write(backup, error) from None
        raise


# --- Folders --------------------------------------------------------------------------------


def copy_folder(source: Path, target: Path) -> None:
    """Make the new folder ``target`` holding a copy of each file of ``source``, or nothing at all.

    The copy is made under a temporary name beside ``target`` and renamed when it is
    complete: a read-only folder, a full disk or Ctrl+C leaves no half-copied folder.
    """
    found = occupant(target)
    if found is not None:
        raise CannotProceed(
            Problem(file=display_path(target), message=f"{found}已存在。为免覆盖您的修改，请换一个新的文件夹名。")
        )
    ensure_folder(target.parent, target)
    temp = _temp_name(target.parent)
    try:
        temp.mkdir()
        for file in sorted(source.iterdir()):
            if file.is_file():
                _write(temp / file.name, file.read_bytes(), None)
        temp.rename(target)
    except OSError as error:
        raise cannot_write(target, error) from None
    except CannotProceed as error:  # a file of the copy could not be written: said of the folder
        raise CannotProceed(Problem(file=display_path(target), message=error.problems[0].message)) from None
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)

