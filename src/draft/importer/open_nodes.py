"""The parts and items of a report while the parser still adds to them.

The parser finds a node's heading first and its paragraphs one by one after it; these hold
what it found so far (:mod:`draft.importer.parse`), until each part is given its kind
(:mod:`draft.importer.assign_kinds`) and made the model's Node (:mod:`draft.importer.finish_nodes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from draft.importer.source import SourcePara
from draft.model.numbering import MarkerStyle
from draft.model.report import TitlePlacement


@dataclass
class OpenNode:
    """A part or an item while the parser still adds to it: its source, and how the source laid it out."""

    source: SourcePara
    style: MarkerStyle  # the marker form of this node (一、 for a part)
    number: int = 0  # the number the source gave it
    title: str | None = None
    placement: TitlePlacement | None = None  # how the source placed the title (items only)
    content: list[SourcePara] = field(default_factory=list)  # own paragraphs in source order
    items: list[OpenNode] = field(default_factory=list)
    child_style: MarkerStyle | None = None
    continue_numbering: bool = False


@dataclass
class OpenPart:
    kind: str
    heading: str
    node: OpenNode
    source: SourcePara
