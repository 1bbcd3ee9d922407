"""The layout rules, applied once: every node's marker form, number and placements.

A form states layout options where it wants something other than the default
(:class:`~draft.model.report.Layout`); this module turns them, with the
defaults, into decided values on each node. The rules:

* parts are numbered 一、二、三、 in the order the form lists them; a part with ``items_as_parts``
  prints no heading, and its items stand in its place as parts, numbered on with the others, each
  taking the options a part takes from the form-wide ``layout`` from the part's own (a report
  organised by topics of work: 七 topics, then 八、next year's plans);
* the items below a node take the marker form the node's ``numbering`` names,
  else the form below the node's own (一、→（一）→ 1. →（1）, :data:`NEXT_STYLE`);
  a part without its own ``numbering`` takes the form-wide one;
* ``title`` and ``points`` hold for a node and everything below it, the nearest
  setting winning; with none, a title of level 1–2 (一、（一）) stands on its own
  line and a deeper one runs into its paragraph (:func:`default_title_placement`),
  and points are joined in one paragraph; a part's heading always has its line;
* with ``continue_numbering`` the grandchildren count on across the children;
* below （1） there is no level: :class:`TooDeep` names the items that would need one;
* an attachment (附件) is a document of its own under its centred title: its items are
  numbered as parts are, 一、二、 (or in the form its ``numbering`` names), and below as above.

Render, the check and the importer read the result and decide none of it again.
"""

from __future__ import annotations

from draft.model.numbering import NEXT_STYLE, PART_STYLE, MarkerStyle
from draft.model.report import FormPath, Layout, Node, PointPlacement, Report, TitlePlacement

#: How points are laid out when no layout says: 一是……；二是……。 in one paragraph.
DEFAULT_POINTS = PointPlacement.INLINE
#: Titles of the heading levels up to this one (一、 and （一）) stand on a line of their own when no
#: layout says; deeper ones (1. and （1）) run into their paragraph, as GB/T 9704 practice has it.
OWN_LINE_LEVELS = 2


class TooDeep(Exception):
    """Items nested below the fourth heading level; ``paths`` are the ``items`` lists that cannot be numbered."""

    def __init__(self, paths: list[FormPath]) -> None:
        super().__init__(paths)
        self.paths = paths


def default_title_placement(style: MarkerStyle) -> TitlePlacement:
    """Where an item's title goes when no layout says: on its own line for 一、（一）, run in below."""
    return TitlePlacement.OWN_LINE if style.heading_level <= OWN_LINE_LEVELS else TitlePlacement.RUN_IN


def default_points_placement() -> PointPlacement:
    """How points are laid out when no layout says (:data:`DEFAULT_POINTS`, looked up when asked)."""
    return DEFAULT_POINTS


def child_style(chosen: MarkerStyle | None, own: MarkerStyle) -> MarkerStyle | None:
    """The marker form of the children of a node numbered ``own``: what it chose, else the next level."""
    return chosen or NEXT_STYLE[own]


def resolve(report: Report) -> Report:
    """``report`` with every node's layout decided; TooDeep if items go below the fourth level."""
    too_deep: list[FormPath] = []
    parts = []
    number = 1
    for part in report.parts:
        options = _part_options(part.node.layout, report.layout)
        if part.node.layout.items_as_parts:
            node = _items_as_parts(part.node, options, number, too_deep)
            number += len(node.items)
        else:
            node = _node(part.node, options, PART_STYLE, number, too_deep)._replace(title_placement=TitlePlacement.OWN_LINE)
            number += 1
        parts.append(part._replace(node=node))
    attachments = tuple(_attachment(node, _inherited(node.layout, report.layout), too_deep) for node in report.frame.attachments)
    if too_deep:
        raise TooDeep(too_deep)
    return report._replace(parts=parts, frame=report.frame._replace(attachments=attachments))


def _items_as_parts(node: Node, options: Layout, first: int, too_deep: list[FormPath]) -> Node:
    """A part whose items stand as parts in its place, numbered from ``first``: the part's options are to
    its items what the form-wide ones are to a part. Unlike a part's heading, an item's title may run in."""
    items = [
        _node(item, _part_options(item.layout, options), PART_STYLE, number, too_deep) for number, item in enumerate(node.items, first)
    ]
    return node._replace(
        items=items,
        style=PART_STYLE,
        number=first,
        points_placement=options.points or default_points_placement(),
        prints_heading=False,
    )


def _attachment(node: Node, options: Layout, too_deep: list[FormPath]) -> Node:
    """An attachment: its title stands centred, unnumbered; its items are numbered from 一、 (or as it chooses)."""
    top = options.numbering or PART_STYLE
    items = _items(node, options, top, too_deep)
    return node._replace(items=items, points_placement=options.points or DEFAULT_POINTS)


def _part_options(own: Layout, report: Layout) -> Layout:
    """A part's options over the form's top-level ``layout``, which holds the defaults for every part.

    Unlike between nodes, ``numbering`` and ``continue_numbering`` are taken from the top level too.
    """
    return Layout(
        numbering=own.numbering or report.numbering,
        title=own.title or report.title,
        points=own.points or report.points,
        continue_numbering=own.continue_numbering or report.continue_numbering,
    )


def _inherited(own: Layout, outer: Layout) -> Layout:
    """A node's options, with ``title`` and ``points`` not said here taken from ``outer``.

    ``numbering`` and ``continue_numbering`` speak of one node's children and are not inherited.
    """
    return own._replace(title=own.title or outer.title, points=own.points or outer.points)


def _node(node: Node, options: Layout, style: MarkerStyle, number: int, too_deep: list[FormPath]) -> Node:
    """``node``, numbered ``number`` in marker form ``style``, with its items decided under ``options``."""
    return node._replace(
        items=_items(node, options, child_style(options.numbering, style), too_deep),
        style=style,
        number=number,
        title_placement=options.title or default_title_placement(style),
        points_placement=options.points or default_points_placement(),
    )


def _items(node: Node, options: Layout, below: MarkerStyle | None, too_deep: list[FormPath]) -> list[Node]:
    """The items of ``node``, numbered in marker form ``below`` (None: no level is left for them)."""
    items: list[Node] = []
    if node.items and below is None:
        too_deep.append(node.path + ("items",))
    elif node.items and below is not None:
        first_grandchild = 1
        for child_number, item in enumerate(node.items, 1):
            child = _node(item, _inherited(item.layout, options), below, child_number, too_deep)
            if options.continue_numbering:
                child = _numbered_from(child, first_grandchild)
                first_grandchild += len(item.items)
            items.append(child)
    return items


def _numbered_from(node: Node, first: int) -> Node:
    """``node`` with its items numbered from ``first`` on."""
    return node._replace(items=[item._replace(number=first + i) for i, item in enumerate(node.items)])
