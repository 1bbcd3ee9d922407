"""Read a user's YAML form into plain Python data, remembering where each value was written.

The form is written by hand by people who are not programmers, so reading is strict and
talkative: every problem that can be found is reported at once, in Chinese, with file, line,
column and what to do. Nothing but ``FormError`` (bad content) or ``CannotProceed`` (the file cannot
be opened) ever leaves it.

This module opens the file and runs the stages, each in a module of its own:

1. bytes → text (:mod:`draft.form.form_encoding`): byte-order marks, UTF-8, and a GB18030
   fallback for files saved by Notepad or WPS in the Chinese Windows default; then the
   characters Word cannot hold (:mod:`draft.form.forbidden_characters`);
2. text → a small node tree with marks, within depth and size limits (:mod:`draft.form.compose`);
3. node tree → data, resolving scalars exactly as ``yaml.safe_load`` does while recording
   marks, finding duplicate keys and bounding alias expansion (:mod:`draft.form.construct`,
   :mod:`draft.form.scalars`).

The types the loader gives, and the limits, are importable from here too: most of draft knows
them as ``draft.form.load.LoadedForm``, ``MAX_BYTES``….
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from draft.files.os_errors import reason
from draft.files.safe_read import NotAFile, open_regular
from draft.form.compose import Composer
from draft.form.construct import ValueBuilder
from draft.form.forbidden_characters import FORBIDDEN, MAX_CHARACTER_REPORTS, check_characters
from draft.form.form_encoding import decode_form
from draft.form.limits import MAX_BYTES, MAX_DEPTH, MAX_NODES, TOO_COMPLEX, too_large
from draft.form.load_problems import LoadProblems, Stop
from draft.form.loaded import LoadedForm, Mark, format_field
from draft.form.scalars import WrittenNumber
from draft.form.source_text import SourceText
from draft.problems import CannotProceed, FormError, Problem, display_path, not_utf8, readable

__all__ = [
    "FORBIDDEN",
    "MAX_BYTES",
    "MAX_CHARACTER_REPORTS",
    "MAX_DEPTH",
    "MAX_NODES",
    "REPORT_SUFFIXES",
    "LoadedForm",
    "Mark",
    "WrittenNumber",
    "format_field",
    "load_bytes",
    "load_form",
]

#: Reports, not forms: what ``draft import`` reads (.docx), and other files reports are kept in.
REPORT_SUFFIXES = {".docx": "一份 Word 文档", ".doc": "一份旧版 Word 文档", ".wps": "一份 WPS 文档",
                   ".odt": "一份文档", ".pdf": "一个 PDF 文件", ".html": "一个网页", ".htm": "一个网页"}


def load_form(path: Path) -> LoadedForm:
    """Read and parse the form at ``path``."""
    display = display_path(path)
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES:
        convert = "" if suffix == ".docx" else "先用 Word 或 WPS 打开它，另存为 .docx，然后"
        raise _cannot_open(
            display,
            f"“{display}”是{REPORT_SUFFIXES[suffix]}，不是表单：draft build 用 .yaml 表单生成报告。"
            f"要从去年的报告开始，请{convert}运行 draft import {display if suffix == '.docx' else display_path(path.with_suffix('.docx'))}"
            f" -o inputs/{path.stem}.yaml，"
            "把它转成表单，再改写成今年的内容。",
        )
    try:
        with open_regular(path) as stream:  # a FIFO or a device is refused, not waited on
            raw = _read_limited(stream, display)
    except NotAFile:
        raise _cannot_open(
            display, f"“{display}”不是普通文件（而是管道、设备之类的特殊文件），无法作为表单读取。请指定 .yaml 表单文件。"
        ) from None
    except FileNotFoundError:
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
    return load_bytes(raw, path)


def load_bytes(raw: bytes, path: Path) -> LoadedForm:
    """Parse the bytes of a form; ``path`` is only used to name the file in messages."""
    problems = LoadProblems(display_path(path))
    try:
        form = _load(raw, path, problems)
    except Stop:
        raise FormError(problems.all()) from None
    except (RecursionError, MemoryError):
        # The limits are meant to make these impossible. Should one still
        # happen, the user gets a message instead of a traceback.
        problems.error(TOO_COMPLEX)
        raise FormError(problems.all()) from None
    if problems.errors:
        raise FormError(problems.all())
    return form


def _read_limited(stream: BinaryIO, display: str) -> bytes:
    # Refuse by size before reading, so that a huge file is never loaded.
    size = os.fstat(stream.fileno()).st_size
    if size > MAX_BYTES:
        raise FormError(too_large(display, size))
    # Files that report no size (pipes, /proc) are still read only up to the limit.
    return stream.read(MAX_BYTES + 1)


def _cannot_open(display: str, message: str) -> CannotProceed:
    return CannotProceed(Problem(display, message))


def _load(raw: bytes, path: Path, problems: LoadProblems) -> LoadedForm:
    if len(raw) > MAX_BYTES:
        problems.add(too_large(problems.display, len(raw)))
        raise Stop
    source = SourceText(decode_form(raw, problems))
    check_characters(source, problems)
    if not_utf8(path.name):
        problems.warn(
            f"这个文件的名字不是 UTF-8 编码（可能来自中文 Windows 上做的压缩包），这里按 GBK 显示为“{readable(path.name)}”，"
            "在这台电脑上它可能显示为乱码，生成的文件名也一样。建议把文件改个名字。"
        )
    root = Composer(source, problems).compose()
    builder = ValueBuilder(source, problems)
    data = builder.root(root)
    return LoadedForm(path, problems.display, data, builder.value_marks, builder.key_marks, problems.warnings, source.text)
