"""One form becomes its report — a .docx, a web page, a PDF — without ever costing the user work.

Writes go through :mod:`draft.files.safe_write` (atomic, in their folder), and an output that
was edited after draft wrote it (a .docx saved in Word, a page changed in an editor, a PDF that
was stamped: see :mod:`draft.build.formats`) is never overwritten unless the user says
``--force``, and then only after a backup copy is made. Every output of a form is checked
before any is written: a form whose .html is protected gets no new .docx either.

The PDF is made from the .docx by LibreOffice, which pays for itself only over many files:
:func:`build_form` hands the .docx over (:class:`PendingPdf`) and :mod:`draft.build.pdfs`
converts the whole batch's at once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draft.build.formats import DOCX, HTML, PDF, Format
from draft.build.protect import Written, put, seal_docx, seal_page
from draft.files.report_names import nameless, report_name
from draft.problems import DraftError, Problem, UsageError, display_path, internal_error, readable

if TYPE_CHECKING:
    # Imported where they are used.
    from draft.check import Finding
    from draft.form.read import ReadForm
    from draft.render.document import Document
    from draft.render.wording import Wording


class PendingPdf(NamedTuple):
    """A report's PDF, still to be made from its .docx (``docx``, the bytes) and written to ``target``."""

    target: Path
    docx: bytes


class Built(NamedTuple):
    files: tuple[Written, ...]  # in the order docx, html, pdf
    warnings: list[Problem]
    pdf: PendingPdf | None = None

    @property
    def output(self) -> Path:
        """The first file written: the .docx, when it was asked for."""
        return self.files[0].path


def build_form(
    form: Path,
    output_dir: Path,
    wording: Wording,
    normalize: bool = True,
    force: bool = False,
    read: ReadForm | None = None,
    formats: Sequence[Format] = (DOCX,),
    fragment: bool = False,
) -> Built:
    """Build ``form`` into ``output_dir/<name>.docx`` and the other ``formats`` beside it.

    FormError if the form has problems; UsageError if an output was edited since draft
    wrote it (unless ``force``) or cannot be written. Either way nothing is written.
    ``read`` is the form already read with ``normalize`` (it is not read again). The .html
    is the page for the site's editor when ``fragment``. A PDF is left pending (see above).
    """
    from draft.build.imprint_page import imprint_page, warning
    from draft.form.read import read_form
    from draft.render.blocks import render
    from draft.word.writer import to_bytes

    name = report_name(form)
    if name is None:
        raise UsageError(nameless(form))
    if read is None:
        read = read_form(form, normalize=normalize)
    targets = {format_: format_.target(output_dir / name) for format_ in formats}
    found = {format_: format_.writable(target, force) for format_, target in targets.items()}
    document = render(read.report, wording)
    docx, warnings = b"", read.warnings
    if DOCX in formats or PDF in formats:
        source = readable(form.name)
        # The 版记's page is the build's decision: the .docx writer makes the trial packages, LibreOffice lays them out.
        page = imprint_page(document, lambda trial, place: to_bytes(trial, source, place))
        docx, warnings = seal_docx(to_bytes(document, source, page.place)), warnings + warning(display_path(form), page)
    contents = {DOCX: lambda: docx, HTML: lambda: _page(document, fragment)}
    files = tuple(put(targets[format_], contents[format_](), found[format_]) for format_ in formats if format_ != PDF)
    pending = PendingPdf(targets[PDF], docx) if PDF in formats else None
    return Built(files=files, warnings=warnings, pdf=pending)


def _page(document: Document, fragment: bool) -> bytes:
    from draft.html import writer

    return seal_page(writer.fragment(document) if fragment else writer.page(document))


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
    form: Path,
    output_dir: Path,
    template_dir: Path | None,
    normalize: bool,
    force: bool,
    strict: bool,
    formats: Sequence[Format] = (DOCX,),
    fragment: bool = False,
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
        built = build_form(form, output_dir, wording_for(template_dir), normalize, force, read, formats, fragment)
    except DraftError as error:
        return FormBuild(findings_=findings, error=(type(error), error.problems))
    except Exception as error:  # a bug of ours, met on this form: every other form still gets its answer
        if os.environ.get("DRAFT_DEBUG"):
            raise
        return FormBuild(findings_=findings, error=(UsageError, [Problem(file=display_path(form), message=internal_error(error))]))
    return FormBuild(findings_=findings, built_=built)
