"""The last section of a report whose 版记 follows a blank page: no page numbers (GB/T 9704 §7.5).

"公文的版记页前有空白页的，空白页和版记页均不编排页码": the blank page and the 版记's page
make a section of their own whose footers are empty. A section that names no footer inherits
the one before it, so the empty footers are parts of their own (one for odd, one for even
pages), added to the package with their relationships and content types; the body's section
(with the page numbers) then ends in the last paragraph before the blank page.
"""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

from draft.word.package import Member, Reference

_FOOTER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_FOOTER_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_EMPTY_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:ftr>'
)
#: The blank footers' names and relationship ids, for odd and even pages.
_BLANK = (("word/footer3.xml", "rIdDraftBlankOdd"), ("word/footer4.xml", "rIdDraftBlankEven"))
_FOOTER_REFERENCE = re.compile(r'(<w:footerReference w:type="(default|even)" r:id=")[^"]*(")')


class Sections(NamedTuple):
    """What a report with an unnumbered last section writes differently from the reference."""

    body_end: str  # the body's section properties, for the last paragraph before the blank page
    last: str  # the unnumbered section's, for the end of the body
    members: dict[str, Member]  # the blank footers, and the relationships and content types naming them
    names: list[str]  # the new members' names, to add to the package's order


def body_section(ref: Reference) -> str:
    """The reference's section properties: page set-up and page-number footers."""
    tail = ref.document_tail.decode()
    return tail[: tail.index("</w:sectPr>") + len("</w:sectPr>")]


def unnumbered(ref: Reference, even_page: bool) -> Sections:
    """The section properties and parts of a last section without page numbers.

    ``even_page``: the section starts on the next even page, a blank one put before it by the
    word processor when needed (used when no layout tells where the body ends).
    """
    ids = dict(zip(("default", "even"), (rel_id for _, rel_id in _BLANK), strict=True))
    body = body_section(ref)
    last = _FOOTER_REFERENCE.sub(lambda m: m[1] + ids[m[2]] + m[3], body)
    if even_page:
        last = last.replace("<w:pgSz", '<w:type w:val="evenPage"/><w:pgSz', 1)
    rels = _inflated(ref.members[_RELS]).replace(
        "</Relationships>",
        "".join(f'<Relationship Id="{rel_id}" Type="{_FOOTER_TYPE}" Target="{name[5:]}"/>' for name, rel_id in _BLANK)
        + "</Relationships>",
    )
    types = _inflated(ref.members[_TYPES]).replace(
        "</Types>", "".join(f'<Override PartName="/{name}" ContentType="{_FOOTER_CONTENT}"/>' for name, _ in _BLANK) + "</Types>"
    )
    members = {name: Member.deflate(name, _EMPTY_FOOTER.encode()) for name, _ in _BLANK}
    members[_RELS] = Member.deflate(_RELS, rels.encode())
    members[_TYPES] = Member.deflate(_TYPES, types.encode())
    return Sections(body, last, members, [name for name, _ in _BLANK])


def _inflated(member: Member) -> str:
    return zlib.decompress(member.data, -15).decode()
