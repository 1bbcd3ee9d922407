"""Blocks → .docx in GB/T 9704 format.

Every paragraph gets a named paragraph style and every run-in title a named
character style; no run carries direct formatting, so a user who changes a
style in Word changes every paragraph that uses it.

A report differs from every other only in four parts: its body, its style sheet
(the 落款 indents depend on its text), its core properties and its fingerprint.
Everything else — page set-up, footers, settings, font table, theme, the content
types and relationships — is the reference package that python-docx made once
(:mod:`draft.word.reference`, shipped as ``reference.docx``), read once per
process and kept deflated. The body is written as XML text straight from the
blocks, exactly as python-docx's paragraph API writes it (element by element,
that API cost more than everything else in a build), and so are the core
properties, as python-docx's core-properties part writes them: a build imports
neither python-docx nor lxml. Each part is serialized and deflated once; the
fingerprint is taken over the CRC-32s computed on the way, and the zip is
assembled from the very same members.
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import sys
import time
import zipfile
import zlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from draft import __version__
from draft.render.document import Block, Document, Role
from draft.word import fingerprint, styles
from draft.word.xmltext import escape

#: Made by :mod:`draft.word.reference` (``python -m draft.word.reference``), shipped beside this module.
REFERENCE = Path(__file__).with_name("reference.docx")

_ROLE_STYLES = {
    Role.TITLE: styles.TITLE,
    Role.RECIPIENT: styles.RECIPIENT,
    Role.BODY: styles.NORMAL,
    Role.CLOSING: styles.CLOSING,
    Role.SIGNATURE: styles.SIGNATURE,
    Role.DATE: styles.SIGNATURE_DATE,
}

DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
CORE = "docProps/core.xml"
CUSTOM = fingerprint.CUSTOM_XML
#: The parts each report writes; the reference package holds all the others.
OWN_PARTS = (DOCUMENT, STYLES, CORE, CUSTOM)

#: Text XML cannot hold; lxml refuses it with this message, and so do we. (A lone surrogate,
#: which UTF-8 cannot hold either, fails when the body is encoded: UnicodeEncodeError, a ValueError.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_MESSAGE = "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
#: python-docx writes a tab as w:tab and a line break (\n or \r) as w:br; the rest of a run is w:t.
_RUN_BREAKS = re.compile("([\t\r\n])")


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
    ref = _reference()
    own = {
        DOCUMENT: ref.document_head + body_xml(document.blocks).encode() + ref.document_tail,
        STYLES: _style_sheet(document),
        CORE: _core_properties(document),
    }
    members = {**ref.members, **{name: _Member.deflate(name, blob) for name, blob in own.items()}}
    properties = {"draft-version": __version__, "draft-source": source}
    fingerprinted = ((name, member.crc, member.size) for name, member in members.items())
    members[CUSTOM] = _Member.deflate(CUSTOM, fingerprint.custom_xml(properties, fingerprinted))
    return _zip([members[name] for name in ref.order])


def warm_up() -> None:
    """Load now what the first report would load: the reference package."""
    _reference()


def body_xml(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The ``w:p`` elements of the body, as python-docx's paragraph and run API writes them."""
    out: list[str] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style_of(block, following)}"/></w:pPr>')
        for span in block.spans:
            if span.heading_level:
                out.append(f'<w:r><w:rPr><w:rStyle w:val="{styles.heading_char_style(span.heading_level)}"/></w:rPr>')
            else:
                out.append("<w:r>")
            out.append(_run_content(span.text))
            out.append("</w:r>")
        out.append("</w:p>")
    return "".join(out)


def _run_content(text: str) -> str:
    if _NOT_XML.search(text):
        raise ValueError(_NOT_XML_MESSAGE)
    out = []
    for piece in _RUN_BREAKS.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n" or piece == "\r":
            out.append("<w:br/>")
        elif piece:
            # python-docx keeps leading and trailing white space (str.strip's idea of it).
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(out)


def _style_sheet(document: Document) -> bytes:
    signature = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in document.blocks if b.role is Role.DATE), "")
    return styles.style_sheet(signature, date).encode()


#: docProps/core.xml as python-docx's core-properties part writes it (the reference package
#: was made by python-docx: same namespaces, same element order), filled in directly, which
#: spares a build the import of python-docx and lxml.
_CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>"
    "<cp:keywords>{subject}</cp:keywords><dc:description>{comments}</dc:description>"
    "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
    "<cp:category/></cp:coreProperties>"
)
#: Word's 文件 → 属性 holds at most 255 characters in each of these fields (python-docx
#: refuses more); a longer title is cut there. The report itself keeps every character.
_CORE_FIELD_MAX = 255


def _core_properties(document: Document) -> bytes:
    """docProps/core.xml: title, author (the unit), a note that draft made it, dated now."""

    def field(value: str) -> str:
        return escape(value[:_CORE_FIELD_MAX])

    # The reference package carries python-docx's template date (2013); a report is made now.
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _CORE_XML.format(
        title=field(document.title.replace("\n", "")),
        subject="法治政府建设年度报告",
        author=field(document.author),
        comments=f"由 draft {__version__} 生成（GB/T 9704-2012 格式）",
        now=now,
    ).encode()


# --- the package --------------------------------------------------------------------------


class _Member(NamedTuple):
    """A zip member, deflated."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def deflate(cls, name: str, blob: bytes) -> _Member:
        # Raw deflate, as zipfile.ZIP_DEFLATED; at level 1, which takes half the time of zlib's
        # default for a file 8% larger (the shared members come deflated from the reference).
        packer = zlib.compressobj(1, zlib.DEFLATED, -15)
        return cls(name.encode(), zlib.crc32(blob), len(blob), packer.compress(blob) + packer.flush())


class _Reference(NamedTuple):
    order: list[str]  # every member, in the reference's order
    members: dict[str, _Member]  # the members every report shares, ready to write
    document_head: bytes  # word/document.xml up to and including <w:body>
    document_tail: bytes  # from the section properties to the end


@cache
def _reference() -> _Reference:
    """The reference package, read once per process; its members are written as they are deflated there."""
    data = REFERENCE.read_bytes()
    blobs: dict[str, bytes] = {}
    members: dict[str, _Member] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            blobs[info.filename] = blob = archive.read(info)  # checks the CRC
            if info.filename in OWN_PARTS:
                continue
            if info.compress_type == zipfile.ZIP_DEFLATED:
                name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
                start = info.header_offset + _LOCAL.size + name_length + extra_length
                members[info.filename] = _Member(info.filename.encode(), info.CRC, info.file_size, data[start : start + info.compress_size])
            else:
                members[info.filename] = _Member.deflate(info.filename, blob)
    document = blobs.get(DOCUMENT, b"")
    body = document.find(b"<w:body>") + len(b"<w:body>")
    if any(name not in blobs for name in OWN_PARTS) or not document.startswith(b"<w:sectPr", body):
        raise ValueError(f"{REFERENCE} is not a reference package (run python -m draft.word.reference)")
    return _Reference(
        order=list(blobs),
        members=members,
        document_head=document[:body],
        document_tail=document[body:],
    )


#: ZIP local file header, central directory entry and end record (APPNOTE 4.3; as zipfile writes them).
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # deflate
_SYSTEM = 0 if sys.platform == "win32" else 3  # as zipfile records it
_PERMISSIONS = 0o600 << 16  # what zipfile.writestr gives a member


def _zip(members: list[_Member]) -> bytes:
    """A zip of ``members``, as zipfile would write it, dated now."""
    now = time.localtime()
    dos_time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    dos_date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        common = (0, 8, dos_time, dos_date, m.crc, len(m.data), m.size, len(m.name))
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *common, 0)
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, *common, 0, 0, 0, 0, _PERMISSIONS, offset) + m.name)
        out += (local, m.name, m.data)
        offset += len(local) + len(m.name) + len(m.data)
    directory = b"".join(central)
    out += (directory, _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0))
    return b"".join(out)

