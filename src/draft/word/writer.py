"""Blocks → .docx in GB/T 9704 format: which style each paragraph and run-in title gets.

Every paragraph gets a named paragraph style and every run-in title a named
character style; no run carries direct formatting, so a user who changes a
style in Word changes every paragraph that uses it.

A report differs from every other only in four parts: its body, its style sheet
(the 落款 indents depend on its text), its core and its custom properties
(:mod:`draft.word.properties`). Everything else — page set-up,
footers, settings, font table, theme, the content types and relationships — is the
reference package (:mod:`draft.word.package`). The body is written as XML text straight
from the blocks (:mod:`draft.word.elements`): a build imports neither python-docx nor lxml.
Each part is serialized and deflated once, and the zip is assembled from the very same members.
The build seals the finished file (:mod:`draft.build.protect`).
"""

from __future__ import annotations

from draft.render.document import HEAD_ROLES, IMPRINT_ROLES, Block, Document, Role, Span
from draft.word import elements, frame, frame_styles, package, properties, sections, styles
from draft.word.package import CORE, CUSTOM, DOCUMENT, STYLES, Member
from draft.word.page import KEPT_BY_WORD, Ending, Place

_ROLE_STYLES = {
    Role.TITLE: styles.TITLE,
    Role.RECIPIENT: styles.RECIPIENT,
    Role.BODY: styles.NORMAL,
    Role.CLOSING: styles.CLOSING,
    Role.SIGNATURE: styles.SIGNATURE,
    Role.DATE: styles.SIGNATURE_DATE,
    Role.ATTACHMENT_LABEL: frame_styles.ATTACHMENT_LABEL,
    Role.ATTACHMENT_TITLE: frame_styles.ATTACHMENT_TITLE,
}

#: What the last body paragraph is kept on the page of.
_ENDING = (Role.CLOSING, Role.ATTACHMENT_NOTE, Role.SIGNATURE)


def style_of(block: Block, following: Block | None = None, ending: Ending = KEPT_BY_WORD) -> str:
    """The paragraph style of ``block``, which ``following`` comes after in the document."""
    if block.role is Role.HEADING:
        return styles.heading_style(block.level)
    if block.role is Role.BODY and following is not None and following.role in _ENDING and not ending.measured:
        return styles.BODY_LAST
    return _ROLE_STYLES[block.role]


def to_bytes(document: Document, source: str = "", place: Place = Place.HERE, ending: Ending = KEPT_BY_WORD) -> bytes:
    """The .docx file's bytes.

    ``place``: where the 版记 (if the report has one) stands. Only a layout tells it, and the
    writer makes none: the build decides it (:mod:`draft.build.imprint_page`), laying out trial
    packages this function makes with ``place`` :attr:`Place.NONE` and :attr:`Place.INLINE`.
    ``ending``: how the body's end is kept with the 落款, which the build decides the same way
    (:mod:`draft.build.ending_page`).
    """
    ref = package.reference()
    order = list(ref.order)
    members = dict(ref.members)
    body_end, tail = "", ref.document_tail
    if place in (Place.AFTER_BLANK, Place.NEXT_EVEN_PAGE):
        unnumbered = sections.unnumbered(ref, even_page=place is Place.NEXT_EVEN_PAGE)
        body_end, tail = unnumbered.body_end, (unnumbered.last + "</w:body></w:document>").encode()
        members.update(unnumbered.members)
        order += unnumbered.names
    own = {
        DOCUMENT: ref.document_head + body_xml(document.blocks, place, body_end, ending).encode() + tail,
        STYLES: _style_sheet(document, ending),
        CORE: properties.core_properties(document),
    }
    members.update({name: Member.deflate(name, blob) for name, blob in own.items()})
    members[CUSTOM] = Member.deflate(CUSTOM, properties.custom_properties(source))
    return package.assemble([members[name] for name in order])


def warm_up() -> None:
    """Load now what the first report would load: the reference package."""
    package.reference()


def body_xml(
    blocks: tuple[Block, ...] | list[Block], place: Place = Place.HERE, body_end: str = "", ending: Ending = KEPT_BY_WORD
) -> str:
    """The body: the 版头, then each block a paragraph of its style (each run-in title a run of its own), then the 版记.

    ``body_end``: section properties for the last paragraph before the 版记, which ends the numbered section.
    ``ending``: how the last body paragraph is kept with the 落款; a ``tail`` of it is a paragraph of its own.
    """
    head = [block for block in blocks if block.role in HEAD_ROLES]
    imprint = [block for block in blocks if block.role in IMPRINT_ROLES]
    flow = [block for block in blocks if block.role not in HEAD_ROLES and block.role not in IMPRINT_ROLES]
    out: list[str] = [frame.head_xml(head)] if head else []
    for index, block in enumerate(flow):
        if block.role is Role.ATTACHMENT_NOTE:
            out.append(frame.note_paragraph(block))
            continue
        if block.table is not None:
            from draft.word import tables  # only a report with figures has tables

            out.append(tables.table(block.table))
            continue
        following = flow[index + 1] if index + 1 < len(flow) else None
        if ending.tail and block.role is Role.BODY and following is not None and following.role in _ENDING:
            before, tail = _split(block.spans, len(block.text) - ending.tail)
            out.append(elements.paragraph(styles.NORMAL, _runs(before)))
            out.append(elements.paragraph(styles.BODY_TAIL, _runs(tail)))
            continue
        out.append(elements.paragraph(style_of(block, following, ending), _runs(block.spans), body_end if following is None else ""))
    if imprint and place is not Place.NONE:
        out.append(frame.imprint_xml(imprint, place))
    return "".join(out)


def _runs(spans: tuple[Span, ...] | list[Span]) -> list[str]:
    """A run a span: a run-in title's with its heading's character style."""
    return [elements.run(span.text, styles.heading_char_style(span.heading_level) if span.heading_level else None) for span in spans]


def _split(spans: tuple[Span, ...], at: int) -> tuple[list[Span], list[Span]]:
    """``spans`` cut at character ``at`` of their text: the spans before, and those after."""
    head: list[Span] = []
    tail: list[Span] = []
    for span in spans:
        here = at - sum(len(kept.text) for kept in head)
        if here >= len(span.text):
            head.append(span)
        elif here <= 0:
            tail.append(span)
        else:
            head.append(span._replace(text=span.text[:here]))
            tail.append(span._replace(text=span.text[here:]))
    return head, tail


def _style_sheet(document: Document, ending: Ending) -> bytes:
    framed = any(block.role in _FRAME_ROLES for block in document.blocks)
    more = list(frame_styles.frame_styles(frame.mark_width(document.blocks))) if framed else []
    if any(block.table is not None for block in document.blocks):
        from draft.word import table_styles

        more.append(table_styles.styles())
    if ending.tail:
        more.append(styles.body_tail_style())
    return styles.style_sheet(document.signature_indents, more, ending.avoid_widows).encode()


#: Roles that only a report with a frame has: its style sheet then holds the frame's styles.
_FRAME_ROLES = HEAD_ROLES | IMPRINT_ROLES | {Role.ATTACHMENT_NOTE, Role.ATTACHMENT_LABEL, Role.ATTACHMENT_TITLE}
