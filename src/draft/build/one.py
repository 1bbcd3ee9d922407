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
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draft.build.formats import DOCX, HTML, PDF
from draft.build.options import DEFAULTS, BuildOptions
from draft.build.protect import Written, put, seal_docx, seal_page
from draft.check.copies import Identity, identity
from draft.files.report_names import nameless, report_name
from draft.problems import CannotProceed, DraftError, Problem, display_path, internal_error, readable

if TYPE_CHECKING:
    # Imported where they are used.
    from draft.check import Finding
    from draft.form.read import ReadForm
    from draft.render.document import Document


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


def build_form(form: Path, output_dir: Path, options: BuildOptions = DEFAULTS) -> Built:
    """Build ``form`` into ``output_dir/<name>.docx`` and the other ``options.formats`` beside it.

    FormError if the form has problems; CannotProceed if an output was edited since draft
    wrote it (unless ``options.force``) or cannot be written. Either way nothing is written.
    The .html is the page for the site's editor with ``options.fragment``. A PDF is left pending (see above).
    """
    from draft.form.read import read_form

    name = _name(form)
    return _build_read(form, name, read_form(form, normalize=options.normalize), output_dir, options)


def _name(form: Path) -> str:
    """The name of ``form``'s report; CannotProceed for a form with none."""
    name = report_name(form)
    if name is None:
        raise CannotProceed(nameless(form))
    return name


def _build_read(form: Path, name: str, read: ReadForm, output_dir: Path, options: BuildOptions) -> Built:
    """:func:`build_form` of a form already read, as ``options`` say (never called with one read otherwise)."""
    from draft.build.ending_page import ending
    from draft.build.imprint_page import imprint_page, warning
    from draft.render.blocks import render
    from draft.word.page import KEPT_BY_WORD, Place
    from draft.word.writer import to_bytes

    formats = options.formats
    targets = {format_: format_.target(output_dir / name) for format_ in formats}
    found = {format_: format_.writable(target, options.force) for format_, target in targets.items()}
    document = render(read.report, options.wording)
    docx, warnings = b"", read.warnings
    if DOCX in formats or PDF in formats:
        source = readable(form.name)
        # The page is the build's decision: the .docx writer makes the trial packages, LibreOffice lays them out.
        # Word and WPS keep the body's end with the 落款 themselves; the PDF, laid out by LibreOffice, needs its layout.
        end = ending(document, lambda trial, end: to_bytes(trial, source, Place.NONE, end)) if PDF in formats else KEPT_BY_WORD
        page = imprint_page(document, lambda trial, place: to_bytes(trial, source, place, end))
        docx = seal_docx(to_bytes(document, source, page.place, end))
        warnings = warnings + warning(display_path(form), page)
    contents = {DOCX: lambda: docx, HTML: lambda: _page(document, options.fragment)}
    files = tuple(put(targets[format_], contents[format_](), found[format_]) for format_ in formats if format_ != PDF)
    pending = PendingPdf(targets[PDF], docx) if PDF in formats else None
    return Built(files=files, warnings=warnings, pdf=pending)


def _page(document: Document, fragment: bool) -> bytes:
    from draft.html import writer

    return seal_page(writer.fragment(document) if fragment else writer.page(document))


class FormBuild(NamedTuple):
    """What building one form gave, to be told to the user by the build command.

    ``findings()`` and ``built()`` return what :func:`draft.check.check_form` and
    :func:`build_form` returned, or raise the DraftError they raised — in the process
    that reports it, whichever process did the work (a DraftError pickles with its problems).
    """

    findings_: list[Finding] | None = None
    built_: Built | None = None
    error: DraftError | None = None
    #: Which report the form is (None if it could not be read): two forms of a batch may be the same one.
    identity: Identity | None = None

    def findings(self) -> list[Finding]:
        self._raise()
        return self.findings_ or []

    def built(self) -> Built:
        self._raise()
        assert self.built_ is not None, "not built: the check's findings held it back"
        return self.built_

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error


def build_one(form: Path, output_dir: Path, options: BuildOptions = DEFAULTS) -> FormBuild:
    """Check and build one form as ``draft build`` does: a form the check finds errors in is not built (nor, with
    ``options.strict``, one with any finding), unless ``options.ignore_review_errors``."""
    from draft.check import check_read
    from draft.form.read import read_form

    findings: list[Finding] | None = None
    same: Identity | None = None
    try:
        # Read once, for the check and the document alike.
        read = read_form(form, normalize=options.normalize)
        same = identity(read.report)
        findings = check_read(read)
        if options.holding_back(findings):
            return FormBuild(findings_=findings, identity=same)
        built = _build_read(form, _name(form), read, output_dir, options)
    except DraftError as error:
        return FormBuild(findings_=findings, error=error, identity=same)
    except Exception as error:  # a bug of ours, met on this form: every other form still gets its answer
        if os.environ.get("DRAFT_DEBUG"):
            raise
        problem = Problem(file=display_path(form), message=internal_error(error))
        return FormBuild(findings_=findings, error=CannotProceed(problem), identity=same)
    return FormBuild(findings_=findings, built_=built, identity=same)
