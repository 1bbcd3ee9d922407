"""The .docx package around a report: the members every report shares, read from the reference
package, and the zip assembled from deflated members, byte for byte as :mod:`zipfile` writes it.

The reference package (made by :mod:`draft.word.reference`, shipped as ``reference.docx``)
is read once per process and its members are kept deflated: a report deflates only the
parts it writes itself (:data:`OWN_PARTS`), and the zip is assembled from the very same
members whose CRC-32s were taken as they were deflated.
"""

from __future__ import annotations

import io
import struct
import sys
import time
import zipfile
import zlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from draft.word import properties

#: Made by :mod:`draft.word.reference` (``python -m draft.word.reference``), shipped beside this module.
REFERENCE = Path(__file__).with_name("reference.docx")

DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
CORE = "docProps/core.xml"
CUSTOM = properties.CUSTOM_XML
#: The parts each report writes; the reference package holds all the others.
OWN_PARTS = (DOCUMENT, STYLES, CORE, CUSTOM)


class Member(NamedTuple):
    """A zip member, deflated."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def deflate(cls, name: str, blob: bytes) -> Member:
        # Raw deflate, as zipfile.ZIP_DEFLATED; at level 1, which takes half the time of zlib's
        # default for a file 8% larger (the shared members come deflated from the reference).
        packer = zlib.compressobj(1, zlib.DEFLATED, -15)
        return cls(name.encode(), zlib.crc32(blob), len(blob), packer.compress(blob) + packer.flush())


class Reference(NamedTuple):
    order: list[str]  # every member, in the reference's order
    members: dict[str, Member]  # the members every report shares, ready to write
    document_head: bytes  # word/document.xml up to and including <w:body>
    document_tail: bytes  # from the section properties to the end


@cache
def reference() -> Reference:
    """The reference package, read once per process; its members are written as they are deflated there."""
    data = REFERENCE.read_bytes()
    blobs: dict[str, bytes] = {}
    members: dict[str, Member] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            blobs[info.filename] = blob = archive.read(info)  # checks the CRC
            if info.filename in OWN_PARTS:
                continue
            if info.compress_type == zipfile.ZIP_DEFLATED:
                name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
                start = info.header_offset + _LOCAL.size + name_length + extra_length
                members[info.filename] = Member(info.filename.encode(), info.CRC, info.file_size, data[start : start + info.compress_size])
            else:
                members[info.filename] = Member.deflate(info.filename, blob)
    document = blobs.get(DOCUMENT, b"")
    body = document.find(b"<w:body>") + len(b"<w:body>")
    if any(name not in blobs for name in OWN_PARTS) or not document.startswith(b"<w:sectPr", body):
        raise ValueError(f"{REFERENCE} is not a reference package (run python -m draft.word.reference)")
    return Reference(
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


def assemble(members: list[Member]) -> bytes:
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
