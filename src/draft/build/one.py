"""One form becomes one .docx — without ever costing the user work.

Writes go through :mod:`draft.files.safe_write` (atomic, in their folder), and a .docx that
was edited after draft wrote it (see :mod:`draft.word.fingerprint`) is never overwritten
unless the user says ``--force``, and then only after a backup copy is made.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draft.files import safe_write
from draft.files.report_names import nameless, report_name
from draft.problems import DraftError, Problem, UsageError, display_path, internal_error, readable

if TYPE_CHECKING:
    # Imported where they are used.
    from draft.check import Finding
    from draft.form.read import ReadForm
    from draft.render.wording import Wording
    from draft.word.fingerprint import OutputState


class Built(NamedTuple):
    output: Path
    warnings: list[Problem]
    backup: Path | None = None  # where the overwritten, edited file was kept


def build_form(
    form: Path,
    output_dir: Path,
    wording: Wording,
    normalize: bool = True,
    force: bool = False,
    read: ReadForm | None = None,
) -> Built:
    """Build ``form`` into ``output_dir/<name>.docx``.

    FormError if the form has problems; UsageError if the output was edited since
    draft wrote it (unless ``force``) or cannot be written. Either way nothing is written.
    ``read`` is the form already read with ``normalize`` (it is not read again).
    """
    from draft.form.read import read_form
    from draft.render.blocks import render
    from draft.word.fingerprint import OutputState, output_state
    from draft.word.writer import to_bytes

    name = report_name(form)
    if name is None:
        raise UsageError(nameless(form))
    if read is None:
        read = read_form(form, normalize=normalize)
    target = output_dir / name
    state = output_state(target)
    if state in (OutputState.UNREADABLE, OutputState.NOT_A_FILE) or (
        state in (OutputState.EDITED, OutputState.FOREIGN) and not force
    ):
        raise _protected(target, state)
    data = to_bytes(render(read.report, wording), source=readable(form.name))
    backup = safe_write.keep_backup(target) if state in (OutputState.EDITED, OutputState.FOREIGN) else None
    safe_write.replace(target, data)
    return Built(output=target, warnings=read.warnings, backup=backup)


def _protected(target: Path, state: OutputState) -> UsageError:
    from draft.word.fingerprint import OutputState

    if state is OutputState.UNREADABLE:
        message = (
            "无法读取这个已有的文件（没有读取权限，或者磁盘出错）：无法判断它是否被修改过，也无法备份它，"
            "所以没有覆盖它（加 --force 也不会）。"
            "请检查这个文件的权限，或者用 -o 指定另一个输出文件夹。"
        )
    elif state is OutputState.NOT_A_FILE:
        message = (
            f"这里是一个{safe_write.occupant(target)}，不是 Word 文件，draft 不会替换它（加 --force 也不会）。"
            "请把它移走或改名，或者用 -o 指定另一个输出文件夹。"
        )
    else:
        why = (
            "在 draft 生成以后被修改过（例如在 Word 或 WPS 中编辑并保存过）"
            if state is OutputState.EDITED
            else "不是 draft 生成的文件（或已无法识别）"
        )
        message = (
            f"这个文件{why}，为免丢失您的修改，没有覆盖它。"
            "如果确实要重新生成，请加上 --force：原文件会先备份为 .bak.docx；"
            "或者用 -o 指定另一个输出文件夹。"
        )
    return UsageError(Problem(file=display_path(target), message=message))


def wording_for(template_dir: Path | None) -> Wording:
    """The wording of a template folder, compiled once per process (workers forked later inherit it)."""
    return _wording(template_dir.resolve() if template_dir else None)


@cache
def _wording(template_dir: Path | None) -> Wording:
    # Keyed by the folder's full path: one process (a test run) may build from several folders named alike.
    from draft.render.wording import Wording

    return Wording(template_dir)


class FormBuild(NamedTuple):
    """What building one form gave, to be told to the user by the build command.

    ``findings()`` and ``built()`` return what :func:`draft.check.check_form` and
    :func:`build_form` returned, or raise the DraftError they raised — in the process
    that reports it, whichever process did the work.
    """

    findings_: list[Finding] | None = None
    built_: Built | None = None
    error: tuple[type[DraftError], list[Problem]] | None = None

    def findings(self) -> list[Finding]:
        self._raise()
        return self.findings_ or []

    def built(self) -> Built:
        self._raise()
        assert self.built_ is not None, "not built (--strict and findings)"
        return self.built_

    def _raise(self) -> None:
        if self.error is not None:
            kind, problems = self.error
            raise kind(problems)


def build_one(
    form: Path, output_dir: Path, template_dir: Path | None, normalize: bool, force: bool, strict: bool
) -> FormBuild:
    """Check and build one form as ``draft build`` does; with ``strict``, a form with findings is not built."""
    from draft.check import check_read, holding_back
    from draft.form.read import read_form

    findings: list[Finding] | None = None
    try:
        # Read once, for the check and the document alike.
        read = read_form(form, normalize=normalize)
        findings = check_read(read)
        if strict and holding_back(findings):
            return FormBuild(findings_=findings)
        built = build_form(form, output_dir, wording_for(template_dir), normalize, force, read)
    except DraftError as error:
        return FormBuild(findings_=findings, error=(type(error), error.problems))
    except Exception as error:  # a bug of ours, met on this form: every other form still gets its answer
        if os.environ.get("DRAFT_DEBUG"):
            raise
        return FormBuild(findings_=findings, error=(UsageError, [Problem(file=display_path(form), message=internal_error(error))]))
    return FormBuild(findings_=findings, built_=built)
