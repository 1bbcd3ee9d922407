"""The main job: a form file becomes a .docx — without ever costing the user work.

Writes are atomic (temporary file, then rename), and a .docx that was edited
after draft wrote it (see :mod:`draft.word.fingerprint`) is never overwritten
unless the user says ``--force``, and then only after a backup copy is made.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from draft.form import read_form
from draft.problems import Problem, UsageError, display_path
from draft.render import render
from draft.word.fingerprint import OutputState, output_state
from draft.word.writer import to_bytes
from draft.wording import Wording


@dataclass
class Built:
    output: Path
    warnings: list[Problem]
    backup: Path | None = None  # where the overwritten, edited file was kept


def build_form(form: Path, output_dir: Path, wording: Wording, normalize: bool = True, force: bool = False) -> Built:
    """Build ``form`` into ``output_dir/<name>.docx``.

    FormError if the form has problems; UsageError if the output was edited since
    draft wrote it (unless ``force``) or cannot be written. Either way nothing is written.
    """
    read = read_form(form, normalize=normalize)
    target = output_dir / (form.stem + ".docx")
    state = output_state(target)
    if state in (OutputState.EDITED, OutputState.FOREIGN) and not force:
        raise _protected(target, state)
    data = to_bytes(render(read.report, wording), source=form.name)
    backup = keep_backup(target) if state in (OutputState.EDITED, OutputState.FOREIGN) else None
    write_atomically(target, data)
    return Built(output=target, warnings=read.warnings, backup=backup)


def keep_backup(target: Path) -> Path:
    """Copy ``target`` to the first free ``name.bak.docx``, ``name.bak2.docx``, …"""
    for n in range(1, 1000):
        backup = target.with_name(f"{target.stem}.bak{n if n > 1 else ''}{target.suffix}")
        if not backup.exists():
            try:
                shutil.copy2(target, backup)
            except OSError as error:
                raise _cannot_write(backup, error) from None
            return backup
    raise UsageError(Problem(file=display_path(target), message="备份文件太多（已有 999 个），请先清理旧的 .bak 文件。"))


def _protected(target: Path, state: OutputState) -> UsageError:
    why = (
        "在 draft 生成以后被修改过（例如在 Word 或 WPS 中编辑并保存过）"
        if state is OutputState.EDITED
        else "不是 draft 生成的文件（或已无法识别）"
    )
    return UsageError(
        Problem(
            file=display_path(target),
            message=f"这个文件{why}，为免丢失您的修改，没有覆盖它。"
            "如果确实要重新生成，请加上 --force：原文件会先备份为 .bak.docx；"
            "或者用 -o 指定另一个输出文件夹。",
        )
    )


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, then rename: a crash leaves the old file whole."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        raise _cannot_write(target, error) from None
    finally:
        # Whatever stopped us (an error, Ctrl+C), no half-written file is left behind.
        Path(temp_name).unlink(missing_ok=True)


def _cannot_write(target: Path, error: OSError) -> UsageError:
    reason = error.strerror or str(error)
    return UsageError(
        Problem(
            file=display_path(target),
            message=f"无法写入文件（{reason}）。请检查文件夹是否存在、是否有写入权限、"
            "磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。",
        )
    )
