"""Many forms at once (a district office builds all its departments' reports): each form is
built as :func:`draft.build.one.build_one` builds it, shared among worker processes, one per
core, when there are enough forms to pay for starting them; see :func:`build_forms`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO, TypeVar

from draft.build.formats import PDF
from draft.build.one import FormBuild, build_one
from draft.build.options import DEFAULTS, BuildOptions, wording_for
from draft.files import safe_write
from draft.files.report_names import clashes, nameless, report_name, unique
from draft.problems import CannotProceed, Problem

#: Below this many forms, starting worker processes costs more than it saves.
POOL_FROM = 8
#: Where workers must import draft anew (no fork: Windows, macOS), it pays later.
POOL_FROM_SPAWNED = 40

T = TypeVar("T")


def build_forms(
    forms: Sequence[Path],
    output_dir: Path,
    options: BuildOptions = DEFAULTS,
    *,
    progress: TextIO | None = None,
    jobs: int | None = None,
) -> Iterator[tuple[Path, FormBuild]]:
    """:func:`build_one` for every form, in the forms' order, in worker processes when there are many.

    A form named twice is built once. Forms that would write the same report, or a report
    with no name, are refused before anything is written (see :mod:`draft.files.report_names`).
    ``progress`` and ``jobs`` are :func:`map_forms`'s. With a PDF among ``options.formats``, the results
    come once every form is built and the PDFs made, all in one LibreOffice run (:mod:`draft.build.pdfs`).
    """
    wording_for(options.template_dir)  # a broken template stops everything before the first form
    if PDF in options.formats:
        from draft.pdf import soffice

        soffice.program()  # no LibreOffice: said before any form is built
    safe_write.sweep(output_dir)  # what a build killed before it finished left behind
    forms = unique(forms)
    # A folder named as a form ("." or "inputs") is told as a folder when it is read, not as a nameless form.
    refused = clashes(forms, output_dir) | {
        form: nameless(form) for form in forms if report_name(form) is None and not form.is_dir()
    }
    job = partial(build_one, output_dir=output_dir, options=options)
    built = map_forms(job, [form for form in forms if form not in refused], progress=progress, jobs=jobs, before_fork=_import_builder)
    results = _removing_leftovers(_with_refused(forms, refused, built), output_dir)
    if PDF not in options.formats:
        return results
    from draft.build.pdfs import with_pdfs

    return with_pdfs(results, options.force, progress)


def _with_refused(
    forms: list[Path], refused: dict[Path, Problem], built: Iterator[tuple[Path, FormBuild]]
) -> Iterator[tuple[Path, FormBuild]]:
    """What was built, and each refused form's refusal, in the order of ``forms``."""
    for form in forms:
        yield (form, FormBuild(error=CannotProceed(refused[form]))) if form in refused else next(built)
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
    jobs: int | None = None,
    before_fork: Callable[[], None] | None = None,
) -> Iterator[tuple[Path, T]]:
    """``(form, job(form))`` for every form, in the forms' order.

    By default, from :data:`POOL_FROM` forms on, the forms are shared, in chunks, among
    worker processes, one per core; ``jobs`` says how many instead, whatever the number
    of forms (1: every form in this process). Workers collect their garbage after every
    form; ``job`` must then be picklable (a module-level function or a ``partial`` of
    one), and so must what it returns. ``progress``, if it is a terminal, shows
    ``[ 120/1000] 表单`` on its last line; the line is cleared before each result is
    handed out, so the caller's messages print as they would without it. ``before_fork``
    is called before worker processes are forked (so that they inherit what it loads).
    """
    forms = list(forms)
    chosen = jobs is not None
    workers = min(_cores() if jobs is None else jobs, len(forms))
    # (multiprocessing is imported only for a batch: a single build does not pay for it.)
    method = _start_method() if workers > 1 and (chosen or len(forms) >= POOL_FROM) else ""
    pooled = bool(method) and (chosen or len(forms) >= (POOL_FROM if method == "fork" else POOL_FROM_SPAWNED))
    bar = None
    if progress is not None and progress.isatty() and len(forms) > 1:
        from draft.build.progress import Progress  # a terminal and a batch only

        bar = Progress(progress, len(forms))
    try:
        if pooled:
            if before_fork and method == "fork":
                before_fork()
            results = _pooled(job, forms, workers, method)
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
    pool = multiprocessing.get_context(method).Pool(jobs, initializer=_worker_started, initargs=(os.getpid(),))
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


def _worker_started(parent: int) -> None:
    # Ctrl+C is the parent's to handle: it says 已取消 and stops the workers (SIGTERM, which
    # ends a worker at once: a Python handler could miss it while the worker waits for work).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ending_with_the_parent(parent)


def _ending_with_the_parent(parent: int) -> None:
    """A worker of a draft that was killed outright (``kill -9``) ends too, and writes no more reports: Linux
    sends it SIGKILL when its parent dies (elsewhere the pool's pipes close and the worker ends on its next form)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


#: prctl(2): the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


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
