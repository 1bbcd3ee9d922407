"""Report → blocks: markers, enumerations, run-in titles and the template's wording.

The markers (一、（一）1.（1））and placements were decided by
:func:`draft.model.resolve.resolve`; the lead-ins (一是、二是) and the closing
marks are added here, so a form never carries them and they can never disagree
with the structure.
"""

from __future__ import annotations

from draft.model.points import CLAUSE_END, closed, join_points
from draft.model.report import Node, Report, Text
from draft.render import frame
from draft.render.document import Block, Document, Role, Span, signature_indents
from draft.render.titles import break_title
from draft.render.wording import Wording


def render(report: Report, wording: Wording) -> Document:
    """Lay the resolved report out as blocks in reading order, in the wording of the report's kind."""
    wording = wording.for_kind(report.kind)
    title = report.title.printed if report.title else wording.title(report)
    blocks = frame.head(report.frame)
    blocks.append(Block.plain(Role.TITLE, "\n".join(break_title(title))))
    if report.recipient:
        blocks.append(Block.plain(Role.RECIPIENT, _with_colon(report.recipient.printed)))
    blocks += [Block.plain(Role.BODY, text.printed) for text in report.intro]
    for part in report.parts:
        node = part.node
        if node.prints_heading:
            heading = node.title.printed if node.title else wording.heading(part.kind, report)
            blocks.append(Block.plain(Role.HEADING, node.marker + heading, level=node.level))
        if part.table is not None:
            blocks.append(Block(Role.TABLE, (), table=part.table))
        blocks += _body(node, title_spans=())
    if report.closing:
        # 特此报告 is a sentence: written without its 。, it gets one.
        text = closed(report.closing.printed) if isinstance(report.closing, Text) else wording.closing(report)
        blocks.append(Block.plain(Role.CLOSING, text))
    blocks += frame.attachment_note(report.frame)
    signature = date = ""
    if report.signature or report.date:
        signature = report.signature.printed if report.signature else wording.signature(report)
        blocks.append(Block.plain(Role.SIGNATURE, signature))
        if report.date:
            date = wording.date(report)
            blocks.append(Block.plain(Role.DATE, date))
    for number, attachment in enumerate(report.frame.attachments, 1):
        blocks.append(frame.attachment_label(report.frame, number))
        if attachment.title:
            blocks.append(Block.plain(Role.ATTACHMENT_TITLE, "\n".join(break_title(attachment.title.printed))))
        blocks += _body(attachment, title_spans=())
    blocks += frame.imprint(report.frame)
    return Document(
        title=title,
        author=report.unit.printed,
        blocks=tuple(blocks),
        double_sided=report.frame.double_sided,
        signature_indents=signature_indents(signature, date),
    )


def _with_colon(recipient: str) -> str:
    """主送机关 ends with a full-width colon (GB/T 9704 §7.3.2)."""
    return recipient.rstrip(":：") + "："


def _body(node: Node, title_spans: tuple[Span, ...]) -> list[Block]:
    """The node's paragraphs, points and items; ``title_spans`` is a run-in title to lead them."""
    own = [Block(Role.BODY, (Span(text.printed),)) for text in node.paragraphs]
    if node.points:
        own += [Block(Role.BODY, (Span(text),)) for text in join_points([p.printed for p in node.points], node.points_placement)]
    blocks: list[Block] = []
    if title_spans:
        if own:
            own[0] = Block(own[0].role, title_spans + own[0].spans)
        else:
            # Nothing to run the title into: it stands on its own line, in the body style.
            blocks.append(Block(Role.BODY, title_spans))
    blocks += own
    for item in node.items:
        blocks += _item(item)
    return blocks


def _item(node: Node) -> list[Block]:
    """Blocks of one numbered item: its title (own line or run in), body and children."""
    title = node.title.printed if node.title else ""
    if node.runs_in:
        run_in = (Span(node.marker + (_run_in_title(title) if title else ""), heading_level=node.level),)
        return _body(node, run_in)
    heading = Block.plain(Role.HEADING, node.marker + title, level=node.level)
    return [heading] + _body(node, ())


def _run_in_title(title: str) -> str:
    """A title run into its paragraph ends with 。 unless the user ended it already."""
    return title if title.endswith(tuple(CLAUSE_END)) else title + "。"
