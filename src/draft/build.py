"""The main job: a form file becomes a .docx, written so that a failure never leaves a broken file."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from draft.form import read_form
from draft.problems import Problem, UsageError, display_path
from draft.render import render
from draft.word.writer import to_bytes
from draft.wording import Wording


@dataclass
class Built:
    output: Path
    warnings: list[Problem]


def build_form(form: Path, output_dir: Path, wording: Wording, normalize: bool = True) -> Built:
    """Build ``form`` into ``output_dir/<name>.docx``; FormError if the form has problems."""
    read = read_form(form, normalize=normalize)
    data = to_bytes(render(read.report, wording))
    target = output_dir / (form.stem + ".docx")
    write_atomically(target, data)
    return Built(output=target, warnings=read.warnings)


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
        Path(temp_name).unlink(missing_ok=True)
        raise _cannot_write(target, error) from None


def _cannot_write(target: Path, error: OSError) -> UsageError:
    reason = error.strerror or str(error)
    return UsageError(
        Problem(
            file=display_path(target),
            message=f"无法写入文件（{reason}）。请检查文件夹是否存在、是否有写入权限、"
            "磁盘是否已满，以及这个文件是否正在 Word/WPS 中打开（先关闭它）。",
        )
    )
