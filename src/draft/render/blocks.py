"""Report → blocks: numbering, enumerations, run-in titles and the template's wording.

All numbers (一、（一）1.（1）) and lead-ins (一是、二是) are computed here, so a
form never carries them and they can never disagree with the structure.
"""

from __future__ import annotations

from draft.model.numbering import PART_STYLE, MarkerStyle, child_style, enumerator
from draft.model.report import Layout, Node, PointPlacement, Report, TitlePlacement, part_layout
from draft.render.document import Block, Document, Role, Span
from draft.render.titles import break_title
from draft.render.wording import Wording

#: Marks that already end a clause; no 。or ；is added after them.
_CLAUSE_END = "。！？；：…"
_SENTENCE_END = "。！？…"


def render(report: Report, wording: Wording) -> Document:
    """Lay the report out as blocks in reading order."""
    title = report.title or wording.title(report)
    blocks = [Block.plain(Role.TITLE, "\n".join(break_title(title)))]
    if report.recipient:
        blocks.append(Block.plain(Role.RECIPIENT, _with_colon(report.recipient)))
    blocks += [Block.plain(Role.BODY, text) for text in report.intro]
    for number, part in enumerate(report.parts, 1):
        heading = part.node.title or wording.heading(part.kind, report)
        blocks.append(Block.plain(Role.HEADING, PART_STYLE.marker(number) + heading, level=1))
        blocks += _body(part.node, part_layout(part, report), PART_STYLE, title_spans=())
    if report.closing:
        # 特此报告 is a sentence: written without its 。, it gets one.
        text = _closed(report.closing) if isinstance(report.closing, str) else wording.closing(report)
        blocks.append(Block.plain(Role.CLOSING, text))
    if report.signature or report.date:
        blocks.append(Block.plain(Role.SIGNATURE, report.signature or wording.signature(report)))
        if report.date:
            blocks.append(Block.plain(Role.DATE, wording.date(report)))
    return Document(title=title, author=report.unit, blocks=tuple(blocks))


def _with_colon(recipient: str) -> str:
    """主送机关 ends with a full-width colon (GB/T 9704 §7.3.2)."""
    return recipient.rstrip(":：") + "："


def join_points(points: list[str], placement: PointPlacement) -> list[str]:
    """一是……；二是……。 as one paragraph, or one paragraph a point.

    A point the user ended with 。 keeps it (its sentences are complete, so the
    next point follows a full stop); otherwise points are joined with ；and the
    last one closed with 。, as GB/T 15834 uses the semicolon between clauses.
    """
    texts = [enumerator(n) + point for n, point in enumerate(points, 1)]
    if placement is PointPlacement.PARAGRAPHS:
        return [_closed(text) for text in texts]
    joined = "".join(text if text.endswith(tuple(_CLAUSE_END)) else text + "；" for text in texts[:-1])
    return [joined + _closed(texts[-1])]


def _closed(text: str) -> str:
    if text.endswith(tuple(_SENTENCE_END)):
        return text
    return text.rstrip("；;，,") + "。"


def _body(
    node: Node, layout: Layout, own_style: MarkerStyle, title_spans: tuple[Span, ...], first_child: int = 1
) -> list[Block]:
    """The node's paragraphs, points and items; ``title_spans`` is a run-in title to lead them."""
    own = [Block(Role.BODY, (Span(text),)) for text in node.paragraphs]
    if node.points:
        placement = layout.points or PointPlacement.INLINE
        own += [Block(Role.BODY, (Span(text),)) for text in join_points(node.points, placement)]
    blocks: list[Block] = []
    if title_spans:
        if own:
            own[0] = Block(own[0].role, title_spans + own[0].spans)
        else:
            # Nothing to run the title into: it stands on its own line, in the body style.
            blocks.append(Block(Role.BODY, title_spans))
    blocks += own
    blocks += _children(node, layout, own_style, first_child)
    return blocks

def _children(node: Node, layout: Layout, own_style: MarkerStyle, first: int) -> list[Block]:
    """The node's items numbered from ``first``; with ``continue_numbering`` their own items count on."""
    style = child_style(layout.numbering, own_style)
    if not node.items or style is None:
        return []
    blocks: list[Block] = []
    next_grandchild = 1
    for number, item in enumerate(node.items, first):
        blocks += _item(item, style, number, layout, next_grandchild)
        if layout.continue_numbering:
            next_grandchild += len(item.items)
    return blocks

def _item(node: Node, style: MarkerStyle, number: int, outer: Layout, first_child: int) -> list[Block]:
    """Blocks of one numbered item: its title (own line or run in), body and children."""
    layout = node.layout.under(outer)
    level = style.heading_level
    marker = style.marker(number)
    placement = layout.title or (TitlePlacement.OWN_LINE if level <= 2 else TitlePlacement.RUN_IN)
    title = node.title or ""
    if placement is TitlePlacement.RUN_IN and (node.paragraphs or node.points):
        run_in = (Span(marker + (_run_in_title(title) if title else ""), heading_level=level),)
        return _body(node, layout, style, run_in, first_child)
    heading = Block.plain(Role.HEADING, marker + title, level=level)
    return [heading] + _body(node, layout, style, (), first_child)


def title_placement(layout: Layout, style: MarkerStyle) -> TitlePlacement:
    """Where an item's title goes: as its layout says, else on its own line for （一） and run in below."""
    return layout.title or (TitlePlacement.OWN_LINE if style.heading_level <= 2 else TitlePlacement.RUN_IN)


def _run_in_title(title: str) -> str:
    """A title run into its paragraph ends with 。 unless the user ended it already."""
    return title if title.endswith(tuple(_CLAUSE_END)) else title + "。"
