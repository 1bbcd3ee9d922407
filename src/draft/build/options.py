"""How ``draft build`` is asked to build: one frozen object, handed from the command to every form's build.

As Jinja's ``Environment`` carries its settings through the pipeline, :class:`BuildOptions` carries
the build's: each layer (the command, :func:`draft.build.batch.build_forms`, :func:`draft.build.one.build_one`,
:func:`draft.build.one.build_form`) passes it on whole instead of one argument at a time. It is
picklable (worker processes get it) and so holds the template's folder, not its compiled wording:
:attr:`BuildOptions.wording` compiles that once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from draft.build.formats import DOCX, Format

if TYPE_CHECKING:
    from collections.abc import Iterable

    from draft.check import Finding
    from draft.render.wording import Wording


class BuildOptions(NamedTuple):
    """What the user asked of a build (the options of ``draft build``)."""

    #: The files each form becomes, in the order docx, html, pdf (``--format``).
    formats: tuple[Format, ...] = (DOCX,)
    #: Half-width punctuation in Chinese text printed full-width (not with ``--keep-punctuation``).
    normalize: bool = True
    #: An output edited since draft wrote it is replaced, after a backup (``--force``).
    force: bool = False
    #: A form the check has findings on is not built, hints too (``--strict``).
    strict: bool = False
    #: A form the check finds errors in (it would print wrong) is built all the same (``--ignore-review-errors``).
    ignore_review_errors: bool = False
    #: The .html is the page's body only, for a site's editor (``--html-fragment``).
    fragment: bool = False
    #: The user's template folder (``--template``); None: the built-in template.
    template_dir: Path | None = None

    @property
    def wording(self) -> Wording:
        return wording_for(self.template_dir)

    def holding_back(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of ``draft check`` for which a form's report is not written (:func:`draft.check.holding_back`)."""
        from draft.check import holding_back

        return holding_back(findings, strict=self.strict, ignore_errors=self.ignore_review_errors)


#: A plain ``draft build``: a .docx, punctuation normalized, edited outputs kept.
DEFAULTS = BuildOptions()


def wording_for(template_dir: Path | None) -> Wording:
    """The wording of a template folder, compiled once per process (workers forked later inherit it)."""
    return _wording(template_dir.resolve() if template_dir else None)


@cache
def _wording(template_dir: Path | None) -> Wording:
    # Keyed by the folder's full path: one process (a test run) may build from several folders named alike.
    from draft.render.wording import Wording

    return Wording(template_dir)
