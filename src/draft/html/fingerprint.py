"""Tell a page draft wrote and nobody touched from one a user edited since.

The page ends with a comment holding the sha256 of every byte before it. An editor that
saves the page (a site's editor, Notepad, a browser's 另存为) changes some byte or drops the
comment; either way a rebuild must not overwrite it without ``--force``, as with a .docx
(:mod:`draft.word.fingerprint`, whose states this module answers in).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from draft.word.fingerprint import OutputState, read_existing

_MARK = re.compile(rb"<!-- draft-fingerprint sha256:([0-9a-f]{64}) -->\n\Z")
#: Most of a page read to tell whether it was edited: draft's pages are tens of KB.
MAX_PAGE_BYTES = 20 * 1024 * 1024


def stamp(page: str) -> bytes:
    """The page's bytes, followed by the comment that fingerprints them."""
    data = page.encode("utf-8")
    return data + b"<!-- draft-fingerprint sha256:" + hashlib.sha256(data).hexdigest().encode() + b" -->\n"


def output_state(path: Path) -> OutputState:
    """What is at ``path`` now, as far as overwriting it is concerned."""
    data = read_existing(path, MAX_PAGE_BYTES)
    if isinstance(data, OutputState):
        return data
    found = _MARK.search(data)
    if found is None:
        return OutputState.FOREIGN
    content = data[: found.start()]
    return OutputState.UNCHANGED if hashlib.sha256(content).hexdigest().encode() == found.group(1) else OutputState.EDITED
