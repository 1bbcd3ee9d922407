"""What an import knows beside the report it read: how the source laid each node out, and what it was unsure of.

The report itself is the model every reader makes (:class:`draft.model.report.Report`,
built with its own constructors); :class:`Imported` holds it together with what only
an import has: the source's layout of each part and item (so that the form's
``layout`` can reproduce it), the source paragraphs the rebuilt report must match,
and the notes (uncertainties) met on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from draft.importer.source import SourcePara
from draft.model.figures import Number
from draft.model.numbering import MarkerStyle
from draft.model.report import FormPath, PointPlacement, Report, TitlePlacement
from draft.problems import Problem, Severity

#: The code of a note (a :class:`~draft.problems.Problem` of the import): every one starts with ``import-``.
NOTE = "import-note"
#: A part beyond the kind's last, merged into the one before it.
MERGED_PART = "import-merged-part"


def note(message: str, para: SourcePara | None = None, code: str = NOTE) -> Problem:
    """One place the import was unsure of, and what it assumed: a warning about the source, at the
    paragraph ``para`` when there is one (its line, for a source counted in lines).

    Its ``file`` is filled in by :func:`draft.importer.import_report`, which knows the source's name.
    """
    quoted = snippet(para.text) if para else ""
    return Problem(
        file="",
        message=message,
        line=para.number if para and para.unit == "行" else 0,
        place=(f"{para.where}（“{quoted}”）" if quoted else para.where) if para else "",
        severity=Severity.WARNING,
        code=code,
    )


def is_note(problem: Problem) -> bool:
    """Whether ``problem`` is a note of the import (not one the form read back has)."""
    return problem.code.startswith("import-")


def snippet(text: str, length: int = 16) -> str:
    text = text.replace("\n", "")
    return text if len(text) <= length else text[:length] + "……"


class SourceLayout(NamedTuple):
    """How the source laid out one part or item: what the form's ``layout`` must make the build do."""

    style: MarkerStyle  # its own marker form (一、 for a part)
    title: TitlePlacement | None  # how the source placed an item's title; None for a part
    points: PointPlacement | None  # None: fewer than two points, either placement fits
    child_style: MarkerStyle | None  # the marker form of its items
    continue_numbering: bool  # its grandchildren count on across its children
    items_as_parts: bool = False  # a part whose items the source printed as parts


@dataclass
class Imported:
    """Last year's report as the import read it: the model, and what only an import knows of it.

    The model says what the form will say: a title, heading or closing equal to the
    template's is None (or ``True``) there, so that next year's ``year`` updates it.
    """

    report: Report
    source_layouts: dict[FormPath, SourceLayout]
    #: The source paragraphs the rebuilt body should reproduce, in order (title excluded).
    expected: list[SourcePara]
    notes: list[Problem]  # every one a note (:func:`note`)
    title_lines: list[SourcePara] = field(default_factory=list)
    source_title: str | None = None  # as the source wrote it, joined onto one line
    source_closing: str | None = None
    date_text: str = ""  # the 成文日期 as the source wrote it
    date_rejected: bool = False  # found, but the form cannot take it (see notes)
    #: Part headings the source did not number (主要工作情况：): the build numbers them (一、主要工作情况), as noted.
    numbered_headings: list[SourcePara] = field(default_factory=list)
    date_moved: bool = False  # the date under the title, which the rebuilt report prints at the end with the 落款
    placeholders: list[str] = field(default_factory=list)  # required parts the source lacks, filled with a request
    unit_line: str = ""  # a unit's name on a line of its own under the title (a web page's), dropped from the body
    unit_from: str = ""  # where the unit's name was found ("" when it was not)
    unit_hint: str = ""  # a short name seen in the text, when no full name was found
    year_from: str = ""
    #: The figures of a kind with tables, as read from the source's tables (totals left to draft).
    figures: dict[FormPath, Number] = field(default_factory=dict)
    #: Which of them a cell of the source gave (the others are 0: the source had no place for them).
    figures_read: set[FormPath] = field(default_factory=set)
    #: Totals the source printed that are not the sums of their figures, as printed: the form keeps them for ``draft check``.
    published_totals: dict[FormPath, Number] = field(default_factory=dict)
