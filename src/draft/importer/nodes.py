"""The parts and items of a report while the parser adds to them, and how each is made the model's Node.

The parser (:mod:`draft.importer.parse`) finds a node's heading first and its paragraphs one
by one after it; an :class:`OpenNode` holds what it found so far. Once every part has its
kind, :func:`finish_node` makes it the model's Node: 一是……二是…… become the form's points only
where the rebuilt report prints them as the source did; otherwise the source paragraphs are kept
verbatim as text, and the user is told why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from draft.importer.marks import points_render_as, split_points
from draft.importer.model import SourceLayout
from draft.importer.source import SourcePara
from draft.model.numbering import MarkerStyle, enumerator
from draft.model.report import FormPath, Layout, Node, PointPlacement, Text, TitlePlacement


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
    items_as_parts: bool = False  # a part whose items the source printed as parts (topics of work)


@dataclass
class OpenPart:
    """A part while the parser still adds to it; its kind is given once every part is found."""

    kind: str
    heading: str
    node: OpenNode
    source: SourcePara
    #: Every source paragraph of the part, its heading first: what is merged or dropped with it as it stands.
    paras: list[SourcePara] = field(default_factory=list)


def finish_node(
    node: OpenNode, path: FormPath, title: Text | None, layouts: dict[FormPath, SourceLayout], note: Callable[[str, SourcePara], None]
) -> Node:
    """The model of ``node`` at ``path``: its content made text and points, the source's layout recorded."""
    segments: list[tuple[str, list[SourcePara], list[str], PointPlacement | None]] = []
    content = node.content
    i = 0
    while i < len(content):
        para = content[i]
        first = split_points(para.text)
        if first is None:
            segments.append(("text", [para], [], None))
            i += 1
            continue
        group, points = [para], list(first)
        j = i + 1
        while j < len(content) and content[j].text.startswith(enumerator(len(points) + 1)):
            more = split_points(content[j].text, len(points) + 1)
            if more is None:
                break
            group.append(content[j])
            points += more
            j += 1
        i = j
        if len(group) == 1:
            placement = PointPlacement.INLINE if len(points) > 1 else None
        elif len(points) == len(group):
            placement = PointPlacement.PARAGRAPHS
        else:
            note("“一是、二是”有的连成一段、有的单独成段，已按原文保留为正文。", para)
            segments.append(("verbatim", group, [], None))
            continue
        if not points_render_as(points, placement or PointPlacement.INLINE, [p.text for p in group]):
            note(
                "这组“一是、二是”的标点与程序生成的写法不同（如分号、句号的位置），已按原文保留为正文。", para
            )
            segments.append(("verbatim", group, [], None))
            continue
        segments.append(("points", group, points, placement))
    kinds = [s[0] for s in segments]
    point_groups = kinds.count("points")
    if point_groups and (point_groups > 1 or kinds[-1] != "points"):
        where = next(s[1][0] for s in segments if s[0] == "points")
        note("“一是、二是”后面还有正文（或有多组），表单中要点总在正文之后，已按原文保留为正文。", where)
        segments = [("verbatim", s[1], [], None) if s[0] == "points" else s for s in segments]
    text: list[str] = []
    found_points: list[str] = []
    points_placement: PointPlacement | None = None
    for kind, group, points, placement in segments:
        if kind == "points":
            found_points, points_placement = points, placement
        else:
            text += [p.text for p in group]
    layouts[path] = SourceLayout(
        node.style, node.placement, points_placement, node.child_style, node.continue_numbering, node.items_as_parts
    )
    return Node(
        path=path,
        title=title,
        paragraphs=[Text.plain(paragraph) for paragraph in text],
        points=[Text.plain(point) for point in found_points],
        items=[
            finish_node(item, (*path, "items", i), optional_text(item.title), layouts, note) for i, item in enumerate(node.items)
        ],
        layout=Layout(),
    )


def optional_text(text: str | None) -> Text | None:
    return None if text is None else Text.plain(text)
