"""What a build may overwrite, under one rule: **a file draft did not write, byte for byte, is the user's.**

Every file draft writes carries a seal: the sha256 of the file's own bytes, with the seal's
digits taken as zeros. Telling whether a file is still exactly what draft wrote is reading it
whole and hashing it again; any byte changed, added before or after, or taken away breaks the
seal. Where the seal sits is each format's own affair (the only format-specific code here):

* **.docx**: the zip's comment (``draft-fingerprint sha256:…``) at the very end of the file.
  Nothing inside the package is trusted to say what counts: a signature (``_xmlsignatures/``),
  a custom property, a ``customXml/`` part, a title edited in ``docProps/core.xml``, edited
  relationships, bytes before or after the zip, another comment — each breaks the seal.
* **.html**: a comment after the page holding the sha256 of every byte before it.
* **.pdf**: the file identifier in the trailer (``/ID [<…> <…>]``, 2 × 16 bytes, which
  LibreOffice always writes), set to the sha256 of the whole file with the identifier zeroed:
  it keeps its length, so nothing moves. A seal or signature on a PDF is an incremental update
  that appends a second trailer: the identifier no longer matches.

A file whose seal does not hold is ``EDITED`` when draft's mark is still in it (Word keeps a
.docx's custom properties when it saves, an editor keeps most of a page) — it was a report of
draft's that somebody changed — and ``FOREIGN`` otherwise. Either way it is not replaced
without ``--force``, and then only after a byte-for-byte backup.

The seal guards against edits, not against forgery (anyone can compute a sha256).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import struct
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from draft.files import safe_write
from draft.files.safe_read import NotAFile, open_regular


class OutputState(Enum):
    MISSING = "missing"  # nothing there yet
    UNCHANGED = "unchanged"  # written by draft, byte for byte
    EDITED = "edited"  # written by draft, changed since (e.g. saved in Word, stamped)
    FOREIGN = "foreign"  # not written by draft, or no longer recognisable as such
    UNREADABLE = "unreadable"  # a file that may not be read: whatever it is, it cannot be told or backed up
    NOT_A_FILE = "not-a-file"  # a link (even a broken one), a folder, a FIFO: never replaced


class Found(NamedTuple):
    """What is at an output's path: its state and, for a file, which file (to tell if it changes before it is replaced)."""

    state: OutputState
    identity: tuple[int, ...] | None = None


#: Most of an existing output read to tell whether it is draft's. draft's reports are tens of KB, their PDFs
#: well under 5 MB; a larger file is not one draft wrote, and is kept.
MAX_OUTPUT_BYTES = 50 * 1024 * 1024


def read_existing(path: Path) -> tuple[bytes, tuple[int, ...]] | OutputState:
    """At most :data:`MAX_OUTPUT_BYTES` + 1 bytes of the plain file at ``path`` (never through a link) and its
    identity, or the state that says why there are none."""
    try:
        stream = open_regular(path, follow_links=False)
    except FileNotFoundError:
        return OutputState.MISSING
    except (PermissionError, IsADirectoryError, NotAFile) as error:
        if isinstance(error, PermissionError) and safe_write.occupant(path) is None:
            return OutputState.MISSING  # the folder may not be entered, not a file: writing there will tell why
        return OutputState.UNREADABLE if isinstance(error, PermissionError) else OutputState.NOT_A_FILE
    except OSError as error:
        if error.errno in (errno.ENOTDIR, errno.ENAMETOOLONG):  # no file can be there: writing it will tell why
            return OutputState.MISSING
        if error.errno == errno.ELOOP:  # a link at the name (never followed), or a loop of links among the folders
            return OutputState.MISSING if safe_write.occupant(path) is None else OutputState.NOT_A_FILE
        return OutputState.UNREADABLE  # a failing disk
    try:
        with stream:
            return stream.read(MAX_OUTPUT_BYTES + 1), safe_write.identity(os.fstat(stream.fileno()))
    except OSError:
        return OutputState.UNREADABLE


def _hash_with_holes(data: bytes, holes: list[tuple[int, int]]) -> str:
    """sha256 (hex) of ``data`` with each ``(start, end)`` range taken as ASCII zeros."""
    sha = hashlib.sha256()
    position = 0
    for start, end in holes:
        sha.update(data[position:start])
        sha.update(b"0" * (end - start))
        position = end
    sha.update(data[position:])
    return sha.hexdigest()


# --- .docx: the zip comment -----------------------------------------------------------------

_DOCX_SEAL = b"draft-fingerprint sha256:"
_END_OF_ZIP = struct.Struct("<4s4H2LH")  # the end of central directory record, before its comment
#: draft's mark inside a package, which Word keeps when it saves one (docProps/custom.xml); reports
#: from before the seal carried ``draft-fingerprint`` there.
_DOCX_MARK = re.compile(rb'name="draft-(?:version|fingerprint)"')


def seal_docx(package: bytes) -> bytes:
    """``package`` (a zip with no comment, as draft assembles it) with the seal as its comment."""
    comment = _DOCX_SEAL + b"0" * 64
    if package[-_END_OF_ZIP.size : -_END_OF_ZIP.size + 4] != b"PK\x05\x06" or package[-2:] != b"\0\0":
        raise ValueError("not a zip without a comment")
    unsealed = package[:-2] + struct.pack("<H", len(comment)) + comment
    digest = _hash_with_holes(unsealed, [(len(unsealed) - 64, len(unsealed))])
    return unsealed[:-64] + digest.encode()


def _docx_sealed(data: bytes) -> bool:
    size = len(_DOCX_SEAL) + 64
    record = len(data) - size - _END_OF_ZIP.size
    if record < 0 or not data.startswith(b"PK\x03\x04") or data[record : record + 4] != b"PK\x05\x06":
        return False
    if struct.unpack_from("<H", data, record + _END_OF_ZIP.size - 2)[0] != size or data[-size:-64] != _DOCX_SEAL:
        return False
    return _hash_with_holes(data, [(len(data) - 64, len(data))]).encode() == data[-64:]


def _docx_marked(data: bytes) -> bool:
    """Whether draft's custom properties are still in the package: an edited report, not a stranger's file."""
    import io
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("docProps/custom.xml")
            # A report's custom.xml is about 500 bytes; a planted giant is not draft's.
            return info.file_size < 1024 * 1024 and _DOCX_MARK.search(archive.read(info)) is not None
    # What a damaged or planted zip makes zipfile raise: bad data, an unknown compression
    # method (NotImplementedError), an encrypted member (RuntimeError), a truncated one (EOFError).
    except (OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError, KeyError):
        return False


# --- .html: a comment after the page ---------------------------------------------------------

_PAGE_SEAL = re.compile(rb"<!-- draft-fingerprint sha256:([0-9a-f]{64}) -->\n\Z")


def seal_page(page: str) -> bytes:
    """The page's bytes, followed by the comment that seals them."""
    data = page.encode("utf-8")
    return data + b"<!-- draft-fingerprint sha256:" + hashlib.sha256(data).hexdigest().encode() + b" -->\n"


def _page_sealed(data: bytes) -> bool:
    found = _PAGE_SEAL.search(data)
    return found is not None and hashlib.sha256(data[: found.start()]).hexdigest().encode() == found.group(1)


def _page_marked(data: bytes) -> bool:
    return b"<!-- draft-fingerprint sha256:" in data


# --- .pdf: the file identifier ---------------------------------------------------------------

_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


def seal_pdf(pdf: bytes) -> bytes:
    """``pdf`` with its identifier set to its seal (unchanged if it has no single identifier)."""
    found = _only_pdf_id(pdf)
    if found is None:
        return pdf
    digest = _pdf_digest(pdf, found)
    return pdf[: found.start(1)] + digest[:32] + pdf[found.end(1) : found.start(2)] + digest[32:] + pdf[found.end(2) :]


def _pdf_sealed(data: bytes) -> bool:
    found = _only_pdf_id(data) if data.startswith(b"%PDF-") else None
    return found is not None and (found.group(1) + found.group(2)).upper() == _pdf_digest(data, found)


def _pdf_marked(data: bytes) -> bool:
    # Whether draft wrote a PDF before it was changed cannot be told: any PDF is treated as an edited one.
    return data.startswith(b"%PDF-")


def _only_pdf_id(pdf: bytes) -> re.Match[bytes] | None:
    found = list(_PDF_ID.finditer(pdf))
    return found[0] if len(found) == 1 else None


def _pdf_digest(pdf: bytes, found: re.Match[bytes]) -> bytes:
    return _hash_with_holes(pdf, [found.span(1), found.span(2)]).upper().encode()


# --- The rule ---------------------------------------------------------------------------------


class Seal(NamedTuple):
    """How one format's seal is checked: whether the bytes are draft's, byte for byte, and whether draft's mark is in them."""

    sealed: Callable[[bytes], bool]
    marked: Callable[[bytes], bool]


DOCX_SEAL = Seal(_docx_sealed, _docx_marked)
PAGE_SEAL = Seal(_page_sealed, _page_marked)
PDF_SEAL = Seal(_pdf_sealed, _pdf_marked)


def found_at(path: Path, seal: Seal) -> Found:
    """What is at ``path`` now, as far as overwriting it is concerned."""
    read = read_existing(path)
    if isinstance(read, OutputState):
        return Found(read)
    data, which = read
    if len(data) <= MAX_OUTPUT_BYTES and seal.sealed(data):
        return Found(OutputState.UNCHANGED, which)
    return Found(OutputState.EDITED if seal.marked(data[:MAX_OUTPUT_BYTES]) else OutputState.FOREIGN, which)


class Written(NamedTuple):
    path: Path
    backup: Path | None = None  # where the overwritten file was kept


def put(target: Path, data: bytes, found: Found) -> Written:
    """Write ``data`` as ``target``, where :func:`writable` allowed it: a file that is not draft's is first
    kept as a backup, and whatever stands at ``target`` by then must still be the file that was judged
    (a name found free must still be free), or nothing is written."""
    if found.state is OutputState.MISSING:
        safe_write.create(
            target,
            data,
            taken="生成期间这里出现了一个同名文件（例如另一份报告的备份），为免丢失它没有写入。请再运行一次 draft build。",
        )
        return Written(target)
    backup = safe_write.keep_backup(target) if found.state in (OutputState.EDITED, OutputState.FOREIGN) else None
    safe_write.replace(target, data, expected=found.identity, backup=backup)
    return Written(target, backup)
