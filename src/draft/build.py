"""The main job: a form file becomes a .docx — without ever costing the user work.

Writes go through :mod:`draft.files.safe_write` (atomic, in their folder), and a .docx that
was edited after draft wrote it (see :mod:`draft.word.fingerprint`) is never overwritten
unless the user says ``--force``, and then only after a backup copy is made.

Many forms at once (a district office builds all its departments' reports) are
shared among worker processes, one per core; see :func:`build_forms`.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO, TypeVar

from draft.files import safe_write
from draft.files.report_names import clashes, nameless, report_name, unique
from draft.problems import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    DraftError,
    Problem,
    UsageError,
    display_path,
    internal_error,
    readable,
)

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


# --- many forms ------------------------------------------------------------------------------

#: Below this many forms, starting worker processes costs more than it saves.
POOL_FROM = 8
#: Where workers must import draft anew (no fork: Windows, macOS), it pays later.
POOL_FROM_SPAWNED = 40

T = TypeVar("T")


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


def build_forms(
    forms: Sequence[Path],
    output_dir: Path,
    template_dir: Path | None = None,
    *,
    normalize: bool = True,
    force: bool = False,
    strict: bool = False,
    progress: TextIO | None = None,
) -> Iterator[tuple[Path, FormBuild]]:
    """:func:`build_one` for every form, in the forms' order, in worker processes when there are many.

    A form named twice is built once. Forms that would write the same report, or a report
    with no name, are refused before anything is written (see :mod:`draft.files.report_names`).
    """
    wording_for(template_dir)  # a broken template stops everything before the first form
    safe_write.sweep(output_dir)  # what a build killed before it finished left behind
    forms = unique(forms)
    # A folder named as a form ("." or "inputs") is told as a folder when it is read, not as a nameless form.
    refused = clashes(forms, output_dir) | {
        form: nameless(form) for form in forms if report_name(form) is None and not form.is_dir()
    }
    job = partial(build_one, output_dir=output_dir, template_dir=template_dir, normalize=normalize, force=force, strict=strict)
    built = map_forms(job, [form for form in forms if form not in refused], progress=progress, before_fork=_import_builder)
    return _removing_leftovers(_with_refused(forms, refused, built), output_dir)


def _with_refused(
    forms: list[Path], refused: dict[Path, Problem], built: Iterator[tuple[Path, FormBuild]]
) -> Iterator[tuple[Path, FormBuild]]:
    """What was built, and each refused form's refusal, in the order of ``forms``."""
    for form in forms:
        yield (form, FormBuild(error=(UsageError, [refused[form]]))) if form in refused else next(built)
    yield from built  # nothing more: read to its end, so that a pool that finished is closed, not stopped


def _import_builder() -> None:
    """Everything a build loads once, loaded before the workers are forked: they share it instead of each loading it."""
    import draft.check  # noqa: F401
    import draft.form.read  # noqa: F401
    import draft.render.blocks  # noqa: F401
    from draft.word import writer

    writer.warm_up()


def _removing_leftovers(results: Iterator[T], output_dir: Path) -> Iterator[T]:
    """``results``; if they are cut short (Ctrl+C), the half-written files of stopped workers are removed."""
    try:
        yield from results
    except BaseException:
        safe_write.sweep(output_dir)  # the workers are stopped by now: nobody holds their files
        raise


def map_forms(
    job: Callable[[Path], T],
    forms: Sequence[Path],
    *,
    progress: TextIO | None = None,
    before_fork: Callable[[], None] | None = None,
) -> Iterator[tuple[Path, T]]:
    """``(form, job(form))`` for every form, in the forms' order.

    From :data:`POOL_FROM` forms on, the forms are shared, in chunks, among worker
    processes, one per core, which collect their garbage after every form; ``job``
    must then be picklable (a module-level function or a ``partial`` of one), and so
    must what it returns. ``progress``, if it is a terminal, shows ``[ 120/1000] 表单``
    on its last line; the line is cleared before each result is handed out, so the
    caller's messages print as they would without it. ``before_fork`` is called before
    worker processes are forked (so that they inherit what it loads).
    """
    forms = list(forms)
    jobs = _cores()
    # (multiprocessing is imported only for a batch: a single build does not pay for it.)
    method = _start_method() if jobs > 1 and len(forms) >= POOL_FROM else ""
    pooled = bool(method) and len(forms) >= (POOL_FROM if method == "fork" else POOL_FROM_SPAWNED)
    bar = _Progress(progress, len(forms)) if progress is not None and progress.isatty() and len(forms) > 1 else None
    try:
        if pooled:
            if before_fork and method == "fork":
                before_fork()
            results = _pooled(job, forms, min(jobs, len(forms)), method)
        else:
            results = map(job, forms)
        # Read to their end (not zip()ped with the forms): a pool that finished is closed, not stopped.
        for done, result in enumerate(results, 1):
            form = forms[done - 1]
            if bar:
                bar.clear()
            yield form, result
            if bar:
                bar.show(done, form)
    finally:
        if bar:
            bar.clear()


def _pooled(job: Callable[[Path], T], forms: list[Path], jobs: int, method: str) -> Iterator[T]:
    import multiprocessing

    # Long-lived objects (modules, the compiled wording) are kept out of the collector's way:
    # a worker's collection after each form then only looks at what that form made.
    gc.collect()
    gc.freeze()
    # A forked worker flushes the standard streams when it ends: they must hold nothing of ours then.
    sys.stdout.flush()
    sys.stderr.flush()
    pool = multiprocessing.get_context(method).Pool(jobs, initializer=_worker_started)
    finished = False
    try:
        chunk = max(1, min(16, len(forms) // (jobs * 8)))
        yield from pool.imap(partial(_collected, job), forms, chunk)
        finished = True
    finally:
        if finished:
            pool.close()  # the workers end as they find no more work
        else:
            pool.terminate()  # interrupted (Ctrl+C) or failed: the workers are stopped now (SIGTERM)
        pool.join()
        gc.unfreeze()


def _worker_started() -> None:
    # Ctrl+C is the parent's to handle: it says 已取消 and stops the workers (SIGTERM, which
    # ends a worker at once: a Python handler could miss it while the worker waits for work).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _collected(job: Callable[[Path], T], form: Path) -> T:
    global _worker_warm
    try:
        return job(form)
    finally:
        gc.collect()
        if not _worker_warm:
            # What the first form loaded (modules imported on first use, caches) stays for the
            # worker's life: out of the collector's way too, so each collection stays cheap.
            gc.freeze()
            _worker_warm = True


#: Whether this (worker) process has built its first form.
_worker_warm = False


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_method() -> str:
    import multiprocessing

    # fork: a worker starts with draft already imported and the wording compiled.
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class _Progress:
    """``[ 120/1000] inputs/x.yaml`` on a terminal's last line, overwritten in place."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total, self.drawn = stream, total, 0

    def show(self, done: int, form: Path) -> None:
        columns = shutil.get_terminal_size().columns - 1
        line, width = "", 0
        for char in f"[{done:>{len(str(self.total))}}/{self.total}] {display_path(form)}":
            char_width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if width + char_width > columns:
                break
            line, width = line + char, width + char_width
        self.stream.write("\r" + line)
        self.stream.flush()
        self.drawn = width

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0


class BatchTally:
    """What became of each form of a ``draft build``, for its closing line and exit code."""

    def __init__(self) -> None:
        self.reports = 0
        self.with_findings = 0
        self.failures = 0
        self.held_back = 0  # by --strict
        self._exit_code = EXIT_OK

    def built(self, with_findings: bool) -> None:
        self.reports += 1
        self.with_findings += with_findings

    def held(self) -> None:
        """Not built because of ``--strict``."""
        self.held_back += 1

    def failed(self, exit_code: int) -> None:
        self.failures += 1
        self._exit_code = max(self._exit_code, exit_code)

    @property
    def exit_code(self) -> int:
        return max(self._exit_code, EXIT_BAD_INPUT if self.held_back else EXIT_OK)

    @property
    def total(self) -> int:
        return self.reports + self.failures + self.held_back

    def summary(self) -> str:
        """``共 20 份表单：已生成 18 份（其中 3 份有审读意见），2 份有问题没有生成，见上。``"""
        parts = [f"已生成 {self.reports} 份"]
        if self.with_findings:
            parts[0] += f"（其中 {self.with_findings} 份有审读意见）"
        if self.failures:
            parts.append(f"{self.failures} 份有问题没有生成")
        if self.held_back:
            parts.append(f"{self.held_back} 份因为加了 --strict 没有生成")
        see_above = "，见上" if self.failures or self.held_back or self.with_findings else ""
        return f"共 {self.total} 份表单：{'，'.join(parts)}{see_above}。"
