"""The report as a typed tree: what every reader produces and every writer consumes.

Nothing downstream of :func:`draft.form.read.read_form` sees raw dictionaries. Nodes
remember where they came from in the form (``path``) so later stages can point
the user at the right line.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from draft.model.numbering import MarkerStyle

FormPath = tuple[str | int, ...]


class TitlePlacement(Enum):
    OWN_LINE = "own-line"
    RUN_IN = "run-in"


class PointPlacement(Enum):
    INLINE = "inline"
    PARAGRAPHS = "paragraphs"


class Layout(NamedTuple):
    """Layout options as a form states them; None means "not said here, inherit".

    ``numbering`` is the marker form of a node's children; ``title`` and ``points``
    apply to the node and everything below it; ``continue_numbering`` makes the
    grandchildren count straight on across the children ((一) has 1–3, (二) starts at 4).
    """

    numbering: MarkerStyle | None = None
    title: TitlePlacement | None = None
    points: PointPlacement | None = None
    continue_numbering: bool = False

    def under(self, outer: Layout) -> Layout:
        """These options, with what is not said here taken from ``outer``.

        ``numbering`` and ``continue_numbering`` speak of one node's children and
        are not inherited.
        """
        return self._replace(
            title=self.title or outer.title,
            points=self.points or outer.points,
        )


class Node(NamedTuple):
    """A part of the report or an item inside one: all share this shape."""

    path: FormPath
    title: str | None
    paragraphs: list[str]
    points: list[str]
    items: list[Node]
    layout: Layout


class Part(NamedTuple):
    """One of the standard parts (measures, shortcomings, …); ``node.title`` overrides the default heading."""

    kind: str
    node: Node


def part_layout(part: Part, report: Report) -> Layout:
    """A part's own layout over the form's top-level ``layout``, which holds the defaults for every part.

    Unlike between nodes, ``numbering`` and ``continue_numbering`` are taken from the top level too.
    """
    layout = part.node.layout.under(report.layout)
    return layout._replace(
        numbering=layout.numbering or report.layout.numbering,
        continue_numbering=layout.continue_numbering or report.layout.continue_numbering,
    )


class Report(NamedTuple):
    unit: str
    year: int
    parts: list[Part]
    title: str | None = None
    recipient: str | None = None
    intro: Sequence[str] = ()
    closing: str | bool = False
    signature: str | None = None
    date: datetime.date | None = None
    layout: Layout = Layout()
