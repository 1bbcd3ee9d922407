"""Tell a PDF draft wrote and nobody touched from one a user stamped, signed or edited since.

Offices put an electronic seal (电子印章) or a signature on the PDF they publish; a rebuild
that overwrote it would lose the official copy. So a PDF is protected as a .docx is
(:mod:`draft.word.fingerprint`, whose states this module answers in).

The fingerprint is the file identifier in the trailer (``/ID [<…> <…>]``, 2 × 16 bytes, which
LibreOffice always writes): draft sets it to the sha256 of the whole file with the identifier
zeroed. It has the length of LibreOffice's own, so nothing moves. Any edit changes the file,
and a seal or signature is an incremental update that appends a second trailer: either way
the identifier no longer matches.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from draft.word.fingerprint import OutputState, read_existing

_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")
_ZERO = b"0" * 32
#: Most of a PDF read to tell whether it was edited: draft's are well under 5 MB.
MAX_PDF_BYTES = 50 * 1024 * 1024


def stamp(pdf: bytes) -> bytes:
    """``pdf`` with its identifier set to its fingerprint (unchanged if it has no single identifier)."""
    found = _only_id(pdf)
    if found is None:
        return pdf
    digest = _digest(pdf, found)
    return pdf[: found.start(1)] + digest[:32] + pdf[found.end(1) : found.start(2)] + digest[32:] + pdf[found.end(2) :]


def output_state(path: Path) -> OutputState:
    """What is at ``path`` now, as far as overwriting it is concerned."""
    data = read_existing(path, MAX_PDF_BYTES)
    if isinstance(data, OutputState):
        return data
    if not data.startswith(b"%PDF-"):
        return OutputState.FOREIGN
    found = _only_id(data)
    if found is not None and (found.group(1) + found.group(2)).upper() == _digest(data, found):
        return OutputState.UNCHANGED
    # Whether draft wrote it before it was changed cannot be told: a PDF is treated as an edited one.
    return OutputState.EDITED


def _only_id(pdf: bytes) -> re.Match[bytes] | None:
    found = list(_ID.finditer(pdf))
    return found[0] if len(found) == 1 else None


def _digest(pdf: bytes, found: re.Match[bytes]) -> bytes:
    zeroed = pdf[: found.start(1)] + _ZERO + pdf[found.end(1) : found.start(2)] + _ZERO + pdf[found.end(2) :]
    return hashlib.sha256(zeroed).hexdigest().upper().encode()
