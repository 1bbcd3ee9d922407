"""Tell a .docx that draft wrote and nobody touched from one a user edited since.

When draft writes a report it records, in the document's custom properties
(docProps/custom.xml, which Word and WPS keep and show under 文件 → 属性 → 自定义),
a digest of every part under ``word/`` — the text, styles, settings, footers.
Saving the file in Word rewrites those parts, so the digest no longer matches;
a file with no digest was not written by draft. Either way a rebuild must not
overwrite it without ``--force``.

The digest is taken over each part's CRC-32 and size, which the zip's directory
records: telling whether a file was edited reads no part of it but custom.xml.
(It guards against edits, not against forgery; any edit changes a part's CRC.)
"""

from __future__ import annotations

import errno
import hashlib
import zipfile
import zlib
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from xml.etree import ElementTree

from draft.files.safe_read import NotAFile, open_regular
from draft.word.xmltext import escape

if TYPE_CHECKING:
    from docx.opc.package import OpcPackage

PROPERTY = "draft-fingerprint"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property carries (ECMA-376 Part 1, §22.3).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
CUSTOM_XML = "docProps/custom.xml"


class OutputState(Enum):
    MISSING = "missing"  # nothing there yet
    UNCHANGED = "unchanged"  # written by draft, untouched since
    EDITED = "edited"  # written by draft, changed since (e.g. saved in Word)
    FOREIGN = "foreign"  # not written by draft, or not a .docx at all
    UNREADABLE = "unreadable"  # a file that may not be read: whatever it is, it cannot be told or backed up
    NOT_A_FILE = "not-a-file"  # a link (even a broken one), a folder, a FIFO: never replaced


#: Most that the ``word/`` parts of a report fingerprinted by draft 0.1.0 may inflate to: telling
#: whether it was edited reads them all. Its reports are tens of KB; more is an edit, or a forgery.
MAX_CONTENT_DIGEST_BYTES = 20 * 1024 * 1024
#: Largest docProps/custom.xml read for the fingerprint (draft writes about 500 bytes of it).
MAX_CUSTOM_XML_BYTES = 1024 * 1024


def digest(parts: Iterable[tuple[str, int, int]]) -> str:
    """sha256 over the ``word/`` parts' (name, CRC-32, size), in name order (zip member names,
    no leading slash); the other members given are left out.

    The CRCs and sizes are those of exactly what is written into the zip, so the digest
    taken before saving equals the one read back from an untouched file.
    """
    sha = hashlib.sha256()
    for name, crc, size in sorted(parts):
        if _fingerprinted(name):
            sha.update(f"{name}\0{crc:08x}\0{size}\n".encode())
    return "crc32:" + sha.hexdigest()


def _fingerprinted(name: str) -> bool:
    """Whether a zip member counts: the parts under ``word/``. Relationship files are not parts
    to python-docx; the parts they link already count."""
    return name.startswith("word/") and "/_rels/" not in name


def _digest_of_contents(archive: zipfile.ZipFile) -> str | None:
    """The digest draft 0.1.0 recorded before it took CRCs: sha256 over each ``word/`` part's
    own sha256, which means reading every part. Reports built then are still recognised.
    None if the parts would inflate past :data:`MAX_CONTENT_DIGEST_BYTES` (``zipfile``
    inflates no member past its declared size)."""
    parts = sorted((info for info in archive.infolist() if _fingerprinted(info.filename)), key=lambda info: info.filename)
    if sum(info.file_size for info in parts) > MAX_CONTENT_DIGEST_BYTES:
        return None
    sha = hashlib.sha256()
    for info in parts:
        part = hashlib.sha256()
        with archive.open(info) as member:
            while chunk := member.read(1 << 16):
                part.update(chunk)
        sha.update(info.filename.encode() + b"\0" + part.digest())
    return "sha256:" + sha.hexdigest()


def custom_xml(properties: dict[str, str], parts: Iterable[tuple[str, int, int]]) -> bytes:
    """docProps/custom.xml holding ``properties`` and ``PROPERTY``, the :func:`digest` of ``parts``."""
    entries = {**properties, PROPERTY: digest(parts)}
    xml = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(entries.items(), start=2)  # pids 0 and 1 are reserved
    )
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{declaration}<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{xml}</Properties>'.encode()


def stamp(package: OpcPackage, properties: dict[str, str]) -> None:
    """Add the custom properties part to a python-docx ``package`` just before it is saved."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    parts = [(str(part.partname).lstrip("/"), part.blob) for part in package.iter_parts()]
    blob = custom_xml(properties, ((name, zlib.crc32(blob), len(blob)) for name, blob in parts))
    package.relate_to(Part(PackURI("/" + CUSTOM_XML), CONTENT_TYPE, blob, package), RELATIONSHIP)


def open_existing(path: Path) -> BinaryIO | OutputState:
    """The plain file at ``path`` opened for reading (not through a link), or the state that
    says why there is none to tell apart: what every output format's fingerprint check starts with."""
    try:
        return open_regular(path, follow_links=False)
    except FileNotFoundError:
        return OutputState.MISSING
    except (PermissionError, IsADirectoryError, NotAFile) as error:
        return OutputState.UNREADABLE if isinstance(error, PermissionError) else OutputState.NOT_A_FILE
    except OSError as error:
        if error.errno in (errno.ENOTDIR, errno.ENAMETOOLONG):  # no file can be there: writing it will tell why
            return OutputState.MISSING
        return OutputState.NOT_A_FILE if error.errno == errno.ELOOP else OutputState.UNREADABLE  # else: a failing disk


def read_existing(path: Path, limit: int) -> bytes | OutputState:
    """At most ``limit + 1`` bytes of the plain file at ``path``, or the state that says why there are none
    (as :func:`open_existing`): for the formats whose fingerprint is checked over the whole file."""
    stream = open_existing(path)
    if isinstance(stream, OutputState):
        return stream
    try:
        with stream:
            return stream.read(limit + 1)
    except OSError:
        return OutputState.UNREADABLE


def output_state(path: Path) -> OutputState:
    """What is at ``path`` now, as far as overwriting it is concerned."""
    stream = open_existing(path)
    if isinstance(stream, OutputState):
        return stream
    try:
        with stream, zipfile.ZipFile(stream) as archive:
            recorded = _recorded_fingerprint(archive)
            if recorded is None:
                return OutputState.FOREIGN
            if recorded.startswith("sha256:"):
                actual = _digest_of_contents(archive)  # None (too big to be an untouched report): EDITED
            else:
                actual = digest((info.filename, info.CRC, info.file_size) for info in archive.infolist())
    # What a damaged or planted zip makes zipfile raise: bad data, an unknown compression
    # method (NotImplementedError), an encrypted member (RuntimeError), a truncated one (EOFError).
    except (
        OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError, ElementTree.ParseError, KeyError
    ):
        return OutputState.FOREIGN
    return OutputState.UNCHANGED if actual == recorded else OutputState.EDITED


def _recorded_fingerprint(archive: zipfile.ZipFile) -> str | None:
    try:
        info = archive.getinfo(CUSTOM_XML)
    except KeyError:
        return None
    if info.file_size > MAX_CUSTOM_XML_BYTES:
        return None
    root = ElementTree.fromstring(archive.read(info))
    for prop in root.iter(f"{{{_NS}}}property"):
        if prop.get("name") == PROPERTY:
            return "".join(prop.itertext()).strip()
    return None
