"""What the parser makes of a report: the form's structure plus where each piece came from.

These mirror :mod:`draft.model.report` but keep what an import needs and a form does not:
the source paragraph of every piece, how the source placed each title and its
points, and the notes (uncertainties) met on the way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from draft.importer.readers import SourcePara
from draft.model.numbering import MarkerStyle
from draft.model.report import PointPlacement, TitlePlacement


@dataclass
class Note:
    """One place the import was unsure of: where, and what it assumed."""

    message: str
    where: str = ""
    snippet: str = ""

    def __str__(self) -> str:
        place = self.where
        if self.snippet:
            place += f"（“{self.snippet}”）"
        return f"{place}：{self.message}" if place else self.message


def snippet(text: str, length: int = 16) -> str:
    text = text.replace("\n", "")
    return text if len(text) <= length else text[:length] + "……"


@dataclass
class ImportedNode:
    """A part or an item: its title, own paragraphs, points and sub-items, and how the source laid them out."""

    source: SourcePara | None = None
    style: MarkerStyle | None = None  # the marker form of this node (一、 for a part)
    number: int = 0  # the number the source gave it
    title: str | None = None
    placement: TitlePlacement | None = None  # how the source placed the title (items only)
    content: list[SourcePara] = field(default_factory=list)  # own paragraphs in source order, before finishing
    items: list[ImportedNode] = field(default_factory=list)
    child_style: MarkerStyle | None = None
    continue_numbering: bool = False
    # Set when the node is finished:
    text: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    points_placement: PointPlacement | None = None  # None: fewer than two points, either placement fits
    # Set by draft.importer.layout: the node's ``layout`` as the form will say it.
    layout: dict[str, str | bool] = field(default_factory=dict)

    def count_items(self) -> int:
        return len(self.items) + sum(item.count_items() for item in self.items)


@dataclass
class ImportedPart:
    kind: str
    heading: str
    node: ImportedNode
    source: SourcePara
    default_heading: bool = False  # the heading equals the template's: the form omits it


@dataclass
class ImportedReport:
    unit: str | None = None
    unit_from: str = ""
    unit_hint: str = ""  # a short name seen in the text, when no full name was found
    year: int | None = None
    year_from: str = ""
    title: str | None = None
    title_lines: list[SourcePara] = field(default_factory=list)
    default_title: bool = False
    recipient: str | None = None
    intro: list[str] = field(default_factory=list)
    parts: list[ImportedPart] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)  # required parts the source lacks
    closing: str | None = None
    default_closing: bool = False
    signature: str | None = None
    date: datetime.date | None = None
    date_text: str = ""
    date_rejected: bool = False  # found, but the form cannot take it (see notes)
    layout: dict[str, str | bool] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    #: The source paragraphs the rebuilt body should reproduce, in order (title excluded).
    expected: list[SourcePara] = field(default_factory=list)
