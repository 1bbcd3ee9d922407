"""Choose the fewest ``layout`` settings under which the build lays items out as the source did.

``title`` and ``points`` are inherited (a setting holds for a node and everything
below it), so the choice is a small dynamic programme over the tree: every item
whose title position matters (it has text to run into) must come out as in the
source; among the ways to get that, take the fewest settings, and of those the
ones highest in the tree (a whole-report setting reads better than five equal
ones). ``numbering`` and ``continue_numbering`` speak of one node's children and
are set where they differ from the defaults in :mod:`draft.render.blocks`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from draft.importer.model import ImportedNode, ImportedReport
from draft.model.numbering import NEXT_STYLE, PART_STYLE, MarkerStyle
from draft.model.report import PointPlacement, TitlePlacement

E = TypeVar("E", bound=Enum)

#: (number of settings, sum of their depths): fewer first, then higher in the tree.
Cost = tuple[float, int]
_IMPOSSIBLE: Cost = (float("inf"), 0)


def choose_layout(report: ImportedReport) -> None:
    _numbering(report)
    parts = [part.node for part in report.parts]
    _choose(report, parts, "title", list(TitlePlacement), _title_requirement, _title_default)
    _choose(report, parts, "points", list(PointPlacement), _points_requirement, lambda node: PointPlacement.INLINE)


# --- numbering ------------------------------------------------------------------------


def _numbering(report: ImportedReport) -> None:
    styles = Counter(part.node.child_style for part in report.parts if part.node.items and part.node.child_style)
    default = NEXT_STYLE[PART_STYLE]
    top = default
    if styles:
        best, count = styles.most_common(1)[0]
        if best is not default and count > styles.get(default, 0):
            top = best
            report.layout["numbering"] = best.value
    continuing = [part.node.continue_numbering for part in report.parts if any(item.items for item in part.node.items)]
    top_continues = len(continuing) >= 2 and all(continuing)
    if top_continues:
        report.layout["continue_numbering"] = True
    for part in report.parts:
        node = part.node
        if node.items and node.child_style and node.child_style is not top:
            node.layout["numbering"] = node.child_style.value
        if node.continue_numbering and not top_continues:
            node.layout["continue_numbering"] = True
        for item in node.items:
            _item_numbering(item)


def _item_numbering(node: ImportedNode) -> None:
    if node.items and node.child_style and node.style and node.child_style is not NEXT_STYLE[node.style]:
        node.layout["numbering"] = node.child_style.value
    if node.continue_numbering:
        node.layout["continue_numbering"] = True
    for item in node.items:
        _item_numbering(item)


# --- title and points placement ---------------------------------------------------------


def _title_requirement(node: ImportedNode) -> TitlePlacement | None:
    """How the build must place this item's title; None when either way reads the same."""
    if node.style is MarkerStyle.CHINESE:
        return None  # a part's heading is always a line of its own
    if not (node.text or node.points):
        return None  # nothing to run the title into: it stands alone either way
    if node.title is None:
        return TitlePlacement.RUN_IN
    return node.placement


def _title_default(node: ImportedNode) -> TitlePlacement:
    level = node.style.heading_level if node.style else 1
    return TitlePlacement.OWN_LINE if level <= 2 else TitlePlacement.RUN_IN


def _points_requirement(node: ImportedNode) -> PointPlacement | None:
    return node.points_placement if len(node.points) > 1 else None


def _choose(
    report: ImportedReport,
    parts: list[ImportedNode],
    key: str,
    values: list[E],
    requirement: Callable[[ImportedNode], E | None],
    default: Callable[[ImportedNode], E],
) -> None:
    memo: dict[tuple[int, E | None], tuple[Cost, E | None]] = {}

    def best(node: ImportedNode, inherited: E | None, depth: int) -> Cost:
        """The cheapest settings for ``node``'s subtree when ``inherited`` comes from above."""
        key_ = (id(node), inherited)
        if key_ in memo:
            return memo[key_][0]
        chosen: tuple[Cost, E | None] = (_IMPOSSIBLE, None)
        for own in [None, *values]:
            if own is not None and own == inherited:
                continue
            effective = own if own is not None else inherited
            needed = requirement(node)
            if needed is not None and (effective if effective is not None else default(node)) != needed:
                continue
            cost: Cost = (1, depth) if own is not None else (0, 0)
            for item in node.items:
                sub = best(item, effective, depth + 1)
                cost = (cost[0] + sub[0], cost[1] + sub[1])
            if cost < chosen[0]:
                chosen = (cost, own)
        memo[key_] = chosen
        return chosen[0]

    def apply(node: ImportedNode, inherited: E | None) -> None:
        best(node, inherited, 1)
        own = memo[(id(node), inherited)][1]
        if own is not None:
            node.layout[key] = own.value
        effective = own if own is not None else inherited
        for item in node.items:
            apply(item, effective)

    top: tuple[Cost, E | None] = (_IMPOSSIBLE, None)
    for own in [None, *values]:
        cost: Cost = (1, 0) if own is not None else (0, 0)
        for part in parts:
            sub = best(part, own, 1)
            cost = (cost[0] + sub[0], cost[1] + sub[1])
        if cost < top[0]:
            top = (cost, own)
    if top[1] is not None:
        report.layout[key] = top[1].value
    for part in parts:
        apply(part, top[1])
