"""Blocks → .docx in GB/T 9704 format: which style each paragraph and run-in title gets.

Every paragraph gets a named paragraph style and every run-in title a named
character style; no run carries direct formatting, so a user who changes a
style in Word changes every paragraph that uses it.

A report differs from every other only in four parts: its body, its style sheet
(the 落款 indents depend on its text), its core properties (:mod:`draft.word.properties`)
and its fingerprint (:mod:`draft.word.fingerprint`). Everything else — page set-up,
footers, settings, font table, theme, the content types and relationships — is the
reference package (:mod:`draft.word.package`). The body is written as XML text straight
from the blocks (:mod:`draft.word.elements`): a build imports neither python-docx nor lxml.
Each part is serialized and deflated once; the fingerprint is taken over the CRC-32s
computed on the way, and the zip is assembled from the very same members.
"""

from __future__ import annotations

from draft import __version__
from draft.render.document import Block, Document, Role
from draft.word import elements, fingerprint, package, properties, styles, tables
from draft.word.package import CORE, CUSTOM, DOCUMENT, STYLES, Member

_ROLE_STYLES = {
    Role.TITLE: styles.TITLE,
    Role.RECIPIENT: styles.RECIPIENT,
    Role.BODY: styles.NORMAL,
    Role.CLOSING: styles.CLOSING,
    Role.SIGNATURE: styles.SIGNATURE,
    Role.DATE: styles.SIGNATURE_DATE,
}

#: What the last body paragraph is kept on the page of.
_ENDING = (Role.CLOSING, Role.SIGNATURE)


def style_of(block: Block, following: Block | None = None) -> str:
    """The paragraph style of ``block``, which ``following`` comes after in the document."""
    if block.role is Role.HEADING:
        return styles.heading_style(block.level)
    if block.role is Role.BODY and following is not None and following.role in _ENDING:
        return styles.BODY_LAST
    return _ROLE_STYLES[block.role]


def to_bytes(document: Document, source: str = "") -> bytes:
    """The .docx file's bytes, fingerprinted so a later build can tell whether a user edited it."""
    ref = package.reference()
    own = {
        DOCUMENT: ref.document_head + body_xml(document.blocks).encode() + ref.document_tail,
        STYLES: _style_sheet(document),
        CORE: properties.core_properties(document),
    }
    members = {**ref.members, **{name: Member.deflate(name, blob) for name, blob in own.items()}}
    custom = {"draft-version": __version__, "draft-source": source}
    fingerprinted = ((name, member.crc, member.size) for name, member in members.items())
    members[CUSTOM] = Member.deflate(CUSTOM, fingerprint.custom_xml(custom, fingerprinted))
    return package.assemble([members[name] for name in ref.order])


def warm_up() -> None:
    """Load now what the first report would load: the reference package."""
    package.reference()


def body_xml(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The ``w:p`` elements of the body: each block a paragraph of its style, each run-in title a run of its own."""
    out: list[str] = []
    for index, block in enumerate(blocks):
        if block.table is not None:
            out.append(tables.table(block.table))
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        runs = (
            elements.run(span.text, styles.heading_char_style(span.heading_level) if span.heading_level else None)
            for span in block.spans
        )
        out.append(elements.paragraph(style_of(block, following), runs))
    return "".join(out)


def _style_sheet(document: Document) -> bytes:
    signature = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in document.blocks if b.role is Role.DATE), "")
    return styles.style_sheet(signature, date, tables=any(b.table is not None for b in document.blocks)).encode()
