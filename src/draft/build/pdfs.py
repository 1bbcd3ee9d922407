"""The PDFs of a batch: every .docx the forms left pending converted in one LibreOffice run
(:func:`draft.pdf.soffice.convert`), then each PDF written where its form's other files are.

This runs in the process that reports, after every form is built: a LibreOffice run per form
(or per worker) would pay its start-up each time. The .docx files are converted from a private
temporary folder, under names of draft's choosing, so that nothing in the output folder — a
link, a file of the user's — is read or written by LibreOffice; each PDF is then put in place
as every output is (:func:`draft.build.protect.put`: atomically, never through a link, an edited
one kept unless ``--force``).

A form whose PDF could not be made keeps the files it did get, and is told as a failure in
the summary, saying which files were made and how to get the PDF.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from draft.build.formats import PDF
from draft.build.one import Built, FormBuild, PendingPdf
from draft.build.protect import put, seal_pdf
from draft.files import private_folders
from draft.files.os_errors import reason
from draft.problems import CannotProceed, DraftError, Problem, display_path


def with_pdfs(
    results: Iterable[tuple[Path, FormBuild]], force: bool, progress: TextIO | None = None
) -> Iterator[tuple[Path, FormBuild]]:
    """``results`` (all of them, in order) with every pending PDF made; ``progress``, if a terminal, says it is under way."""
    results = list(results)
    pending = {index: done.built_.pdf for index, (_, done) in enumerate(results) if done.built_ and done.built_.pdf}
    if not pending:
        yield from results
        return
    note = "正在用 LibreOffice 生成 PDF……"
    terminal = progress if progress is not None and progress.isatty() else None
    if terminal is not None:
        terminal.write(note)
        terminal.flush()
    failed: CannotProceed | None = None
    try:
        pdfs, late = _converted(pending)
    except CannotProceed as error:  # no PDF could be prepared at all: every form says so, and keeps its other files
        pdfs, late, failed = {}, {}, error
    finally:
        if terminal is not None:
            terminal.write("\r" + " " * 2 * len(note) + "\r")
            terminal.flush()
    for index, (form, done) in enumerate(results):
        if index in pending:
            done = _finished(done, pending[index], pdfs.get(index), late.get(index), force, failed)
        yield form, done


def _converted(pending: dict[int, PendingPdf]) -> tuple[dict[int, bytes], dict[int, float]]:
    """Each pending .docx's PDF, as draft publishes it (language, seal), by index; a failed one is left out.
    And the seconds LibreOffice had, by index, for each it ran out of time on."""
    from draft.pdf import corrections, soffice

    try:
        with private_folders.private_folder("pdf") as work:
            sources = {index: Path(work) / f"{index}.docx" for index in pending}
            for index, source in sources.items():
                with open(source, "wb") as stream:  # a private folder: no need of safe_write's care
                    stream.write(corrections.aligned_left(pending[index].docx))
            made = soffice.convert(list(sources.values()), Path(work) / "pdf")
            pdfs = {
                index: seal_pdf(corrections.in_chinese(made[source].read_bytes())) for index, source in sources.items() if source in made
            }
            return pdfs, {index: made.timed_out[source] for index, source in sources.items() if source in made.timed_out}
    except OSError as error:  # the system's temporary folder is full or cannot be written
        raise CannotProceed(
            Problem(
                file="PDF",
                message=f"无法在系统的临时文件夹（{display_path(Path(tempfile.gettempdir()))}）里准备 PDF（{reason(error)}），"
                "没有生成 PDF；Word 文件和网页照常生成。请清理出一些磁盘空间后再运行一次。",
            )
        ) from None


def _finished(
    done: FormBuild, pending: PendingPdf, pdf: bytes | None, seconds: float | None, force: bool, failed: CannotProceed | None = None
) -> FormBuild:
    """``done`` with its PDF written, or with the error that says why not (and the files it did write)."""
    built = done.built_
    assert built is not None
    try:
        if failed is not None:
            raise failed
        if pdf is None:
            raise CannotProceed(_not_converted(pending, seconds))
        written = put(pending.target, pdf, PDF.writable(pending.target, force))
    except DraftError as error:
        return done._replace(built_=built._replace(pdf=None), error=error)
    return done._replace(built_=Built(built.files + (written,), built.warnings))


def _not_converted(pending: PendingPdf, seconds: float | None) -> Problem:
    """Why there is no PDF (the form's other files, listed by the command, are there), and what to do."""
    if seconds is not None:
        why = (
            f"LibreOffice 在 {seconds:g} 秒内没有转换完（可能电脑太忙，或者 LibreOffice 卡住了），draft 停止了它，"
            "没有生成这个文件（这份表单的其他文件和其余表单不受影响）。"
            "请关闭正在运行的 LibreOffice 和其他占用电脑的程序，再运行一次 draft build；表单很多时可以分几次生成。"
        )
    else:
        why = "LibreOffice 没能把这份报告转成 PDF，没有生成这个文件（这份表单的其他文件和其余表单不受影响）。请再运行一次 draft build。"
    return Problem(
        file=display_path(pending.target),
        message=why + "仍然不行时，生成 Word 文件（--format docx）后用 Word、WPS 或 LibreOffice 打开，另存为 PDF。",
    )
