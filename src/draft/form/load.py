"""Open a user's YAML form and read it into plain Python data, remembering where each value was written.

Nothing but ``FormError`` (bad content) or ``CannotProceed`` (the file cannot be opened) ever
leaves it. This module opens the file: a report given instead of a form, a folder, a pipe or a missing
file is told as such, and a file too large is refused before it is read. Reading the bytes is
:mod:`draft.form.yaml`'s (:func:`~draft.form.yaml.load_bytes`).

The types the loader gives, and the limits, are importable from here too: most of draft knows
them as ``draft.form.load.LoadedForm``, ``MAX_BYTES``….
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from draft.files.os_errors import reason
from draft.files.report_names import (
    HTML_SUFFIXES,
    NOTEPAD_SUFFIX,
    REPORT_FILES,
    TEXT_SUFFIXES,
    WORD_SUFFIXES,
    notepad_named,
    saved_by_notepad,
)
from draft.files.safe_read import NotAFile, open_regular
from draft.form.yaml import (
    FORBIDDEN,
    MAX_BYTES,
    MAX_CHARACTER_REPORTS,
    MAX_DEPTH,
    MAX_NODES,
    LoadedForm,
    Mark,
    UnreadForm,
    WrittenNumber,
    format_field,
    load_bytes,
    too_large,
)
from draft.problems import CannotProceed, FormError, Problem, display_path

__all__ = [
    "FORBIDDEN",
    "MAX_BYTES",
    "MAX_CHARACTER_REPORTS",
    "MAX_DEPTH",
    "MAX_NODES",
    "LoadedForm",
    "Mark",
    "UnreadForm",
    "WrittenNumber",
    "format_field",
    "load_bytes",
    "load_form",
]

def load_form(path: Path) -> LoadedForm:
    """Read and parse the form at ``path``."""
    display = display_path(path)
    suffix = path.suffix.lower()
    if saved_by_notepad(path):
        raise CannotProceed(notepad_named(path))
    if suffix in REPORT_FILES:
        raise _report_given(path, f"是{REPORT_FILES[suffix]}")
    try:
        with open_regular(path) as stream:  # a FIFO or a device is refused, not waited on
            raw = _read_limited(stream, display)
    except NotAFile:
        raise _cannot_open(
            display, f"“{display}”不是普通文件（而是管道、设备之类的特殊文件），无法作为表单读取。请指定 .yaml 表单文件。"
        ) from None
    except FileNotFoundError:
        saved_as = path.with_name(path.name + NOTEPAD_SUFFIX)
        if saved_by_notepad(saved_as) and saved_as.is_file():  # 2026.yaml named, 2026.yaml.txt there: Notepad's doing
            raise CannotProceed(notepad_named(saved_as)) from None
        raise _cannot_open(display, f"找不到文件“{display}”。请检查文件名和所在的文件夹是否写对。") from None
    except IsADirectoryError:
        raise _cannot_open(
            display, f"“{display}”是一个文件夹，不是表单文件。请指定文件夹里的 .yaml 表单文件。"
        ) from None
    except PermissionError:
        raise _cannot_open(
            display, f"没有权限读取“{display}”。请检查文件权限，或关闭正在使用它的程序后再试。"
        ) from None
    except OSError as error:
        raise _cannot_open(display, f"无法读取“{display}”（{reason(error)}）。请确认文件存在并且可以打开。") from None
    try:
        return load_bytes(raw, path)
    except FormError:
        if suffix in TEXT_SUFFIXES and _reads_as_prose(raw):
            raise _report_given(path, "看起来是一份报告的文字") from None
        raise


#: A line of a form: a field (``year: 2026``), a line of a list, a comment, or one indented under a field.
_FORM_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\s*:|-(?:\s|$)|#| ")


def _reads_as_prose(raw: bytes) -> bool:
    """Whether the text of a .txt or .md that YAML could not read is mostly lines no form has: a report's text.

    A form saved as .txt with a slip in it still has its ``field:`` lines, and is told its slip; a report
    pasted into a text file would be told a YAML error on nearly every line, none of which helps.
    """
    lines = [line for line in raw.decode("utf-8", "replace").removeprefix("\ufeff").splitlines() if line.strip()]
    prose = sum(1 for line in lines if not _FORM_LINE.match(line))
    return prose * 2 > len(lines)


def _read_limited(stream: BinaryIO, display: str) -> bytes:
    # Refuse by size before reading, so that a huge file is never loaded.
    size = os.fstat(stream.fileno()).st_size
    if size > MAX_BYTES:
        raise FormError(too_large(display, size))
    # Files that report no size (pipes, /proc) are still read only up to the limit.
    return stream.read(MAX_BYTES + 1)


def _report_given(path: Path, what: str) -> CannotProceed:
    """A report given where a form belongs (``what`` it is): how to start from it with draft import."""
    display = display_path(path)
    suffix = path.suffix.lower()
    imported = suffix in WORD_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES  # else saved as a .docx first
    convert = "" if imported else "先用 Word 或 WPS 打开它，另存为 .docx，然后"
    return _cannot_open(
        display,
        f"“{display}”{what}，不是表单：draft build 用 .yaml 表单生成报告。"
        f"要从去年的报告开始，请{convert}运行 draft import {display if imported else display_path(path.with_suffix('.docx'))}"
        f" -o inputs/{path.stem}.yaml，"
        "把它转成表单，再改写成今年的内容。",
    )


def _cannot_open(display: str, message: str) -> CannotProceed:
    return CannotProceed(Problem(display, message))
