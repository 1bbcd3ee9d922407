"""Open a file a user named, or that came with a template or an output folder, only if it is a plain file.

A FIFO named ``report.yaml`` would block the first read forever, and a device
(``/dev/zero``) never ends: both are refused before anything is read. The file is
opened without blocking and checked on the opened handle, so that what is checked
is what is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO does not wait for a writer
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


class NotAFile(OSError):
    """Something other than a plain file (or a folder) is there: a FIFO, a device, a socket."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def open_regular(path: Path, *, follow_links: bool = True) -> BinaryIO:
    """``path`` opened for reading in binary mode; IsADirectoryError, NotAFile, or (when
    ``follow_links`` is false and ``path`` is a link) an OSError, else what open() raises."""
    if not follow_links and path.is_symlink():  # O_NOFOLLOW below is missing on Windows
        raise OSError(errno.ELOOP, "is a link", str(path))
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow_links else _NOFOLLOW))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotAFile(path)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """At most ``limit + 1`` bytes of the plain file at ``path`` (one more than allowed tells it is too big)."""
    with open_regular(path, follow_links=follow_links) as stream:
        return stream.read(limit + 1)
