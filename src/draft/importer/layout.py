"""Choose the fewest ``layout`` settings under which the build lays items out as the source did.

``title`` and ``points`` are inherited (a setting holds for a node and everything
below it), so the choice is a small dynamic programme over the tree: every item
whose title position matters (it has text to run into) must come out as in the
source; among the ways to get that, take the fewest settings, and of those the
ones highest in the tree (a whole-report setting reads better than five equal
ones). ``numbering`` and ``continue_numbering`` speak of one node's children and
are set where they differ from the defaults. The defaults are the ones
:mod:`draft.model.resolve` applies, so the build does what the source did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from draft.importer.model import Imported, SourceLayout
from draft.model.numbering import PART_STYLE, MarkerStyle
from draft.model.report import FormPath, Layout, Node, Part, PointPlacement, TitlePlacement
from draft.model.resolve import child_style, default_points_placement, default_title_placement

E = TypeVar("E", bound=Enum)

#: (number of settings, sum of their depths): fewer first, then higher in the tree.
Cost = tuple[float, int]
_IMPOSSIBLE: Cost = (float("inf"), 0)


def choose_layout(imported: Imported) -> None:
    """Give the report and its nodes the layout settings that reproduce the source."""
    chooser = _Chooser(imported.source_layouts)
    report = imported.report
    layout = chooser.numbering(report.parts)
    nodes = [part.node for part in report.parts]
    layout = layout._replace(
        title=chooser.choose(nodes, "title", list(TitlePlacement), chooser.title_requirement, chooser.title_default),
        points=chooser.choose(nodes, "points", list(PointPlacement), chooser.points_requirement, lambda node: default_points_placement()),
    )
    parts = [Part(part.kind, chooser.laid_out(part.node)) for part in report.parts]
    imported.report = report._replace(layout=layout, parts=parts)


class _Chooser:
    def __init__(self, source: dict[FormPath, SourceLayout]) -> None:
        self.source = source
        self.settings: dict[FormPath, dict[str, object]] = {}  # each node's chosen options, by Layout field

    def set(self, node: Node, key: str, value: object) -> None:
        self.settings.setdefault(node.path, {})[key] = value

    def laid_out(self, node: Node) -> Node:
        """``node`` and its items with their chosen options."""
        return node._replace(
            layout=Layout(**self.settings.get(node.path, {})),  # type: ignore[arg-type]
            items=[self.laid_out(item) for item in node.items],
        )

    # --- numbering --------------------------------------------------------------------

    def numbering(self, parts: list[Part]) -> Layout:
        """Set the parts' and items' ``numbering`` and ``continue_numbering``; the form-wide ones returned.

        The items of a part printed as parts (``items_as_parts``) count here as parts: the form-wide options are theirs.
        """
        sources: list[tuple[Node, SourceLayout]] = []
        for part in parts:
            source = self.source[part.node.path]
            if source.items_as_parts:
                self.set(part.node, "items_as_parts", True)
                sources += [(item, self.source[item.path]) for item in part.node.items]
            else:
                sources.append((part.node, source))
        # Keyed by an optional style, as the default below is (no level may come after the parts').
        styles: Counter[MarkerStyle | None] = Counter(
            source.child_style for node, source in sources if node.items and source.child_style
        )
        default = child_style(None, PART_STYLE)
        top = default
        if styles:
            best, count = styles.most_common(1)[0]
            if best is not default and count > styles.get(default, 0):
                top = best
        continuing = [source.continue_numbering for node, source in sources if any(item.items for item in node.items)]
        top_continues = len(continuing) >= 2 and all(continuing)
        for node, source in sources:
            if node.items and source.child_style and source.child_style is not top:
                self.set(node, "numbering", source.child_style)
            if source.continue_numbering and not top_continues:
                self.set(node, "continue_numbering", True)
            for item in node.items:
                self._item_numbering(item)
        return Layout(numbering=top if top is not default else None, continue_numbering=top_continues)

    def _item_numbering(self, node: Node) -> None:
        source = self.source[node.path]
        if node.items and source.child_style and source.child_style is not child_style(None, source.style):
            self.set(node, "numbering", source.child_style)
        if source.continue_numbering:
            self.set(node, "continue_numbering", True)
        for item in node.items:
            self._item_numbering(item)

    # --- title and points placement ---------------------------------------------------------

    def title_requirement(self, node: Node) -> TitlePlacement | None:
        """How the build must place this item's title; None when either way reads the same."""
        source = self.source[node.path]
        if len(node.path) == 1:
            return None  # a part's heading is always a line of its own (an item printed as a part's may run in)
        if not (node.paragraphs or node.points):
            return None  # nothing to run the title into: it stands alone either way
        if node.title is None:
            return TitlePlacement.RUN_IN
        return source.title

    def title_default(self, node: Node) -> TitlePlacement:
        return default_title_placement(self.source[node.path].style)

    def points_requirement(self, node: Node) -> PointPlacement | None:
        return self.source[node.path].points if len(node.points) > 1 else None

    def choose(
        self,
        parts: list[Node],
        key: str,
        values: list[E],
        requirement: Callable[[Node], E | None],
        default: Callable[[Node], E],
    ) -> E | None:
        """Set ``key`` on the nodes that need it; the form-wide setting returned (None: not set)."""
        memo: dict[tuple[FormPath, E | None], tuple[Cost, E | None]] = {}

        def best(node: Node, inherited: E | None, depth: int) -> Cost:
            """The cheapest settings for ``node``'s subtree when ``inherited`` comes from above."""
            key_ = (node.path, inherited)
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

        def apply(node: Node, inherited: E | None) -> None:
            best(node, inherited, 1)
            own = memo[(node.path, inherited)][1]
            if own is not None:
                self.set(node, key, own)
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
        for part in parts:
            apply(part, top[1])
        return top[1]
