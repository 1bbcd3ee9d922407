"""draft's own working folders in the system's temporary folder — and what a killed run left there.

Making a PDF copies the reports into a private folder and gives LibreOffice a private profile
folder. A run that ends normally, by an error or by Ctrl+C, SIGTERM or SIGHUP removes them; a
run killed outright (``kill -9``, a power cut) cannot. Each folder therefore holds a lock file
that its run keeps locked while it lives: the next run removes every folder of draft's whose
lock nobody holds — and never one that a run still working has locked.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: Every folder of draft's in the temporary folder is named so.
PREFIX = "draft-"
#: What draft makes folders for; a sweep removes only folders named exactly as :func:`private_folder` names
#: them (``draft-pdf-`` and the eight characters :func:`tempfile.mkdtemp` adds), holding draft's lock file:
#: a user's own ``draft-notes`` is never touched.
PURPOSES = ("pdf", "libreoffice", "measure")
_NAME = re.compile(rf"{PREFIX}(?:{'|'.join(PURPOSES)})-[a-z0-9_]{{8}}")
_LOCK = ".draft-lock"
#: A folder this young may be one a run has just made and not yet locked: it is left for a later sweep.
_FRESH_SECONDS = 600

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be removed, which keeps a living run's folder
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def private_folder(purpose: str) -> Iterator[Path]:
    """A new folder only this user can read (``draft-<purpose>-…``), locked while in use and removed afterwards."""
    assert purpose in PURPOSES, purpose  # a sweep removes only the folders of the purposes it knows
    folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{purpose}-"))
    lock = os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder
    finally:
        os.close(lock)
        shutil.rmtree(folder, ignore_errors=True)


def sweep() -> None:
    """Remove the folders that runs killed before they could clean up left in the temporary folder."""
    root = Path(tempfile.gettempdir())
    try:
        entries = [entry for entry in os.scandir(root) if _NAME.fullmatch(entry.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            mine = not hasattr(os, "getuid") or entry.stat(follow_symlinks=False).st_uid == os.getuid()
            if entry.is_dir(follow_symlinks=False) and mine:
                _remove_if_abandoned(Path(entry.path))


def _remove_if_abandoned(folder: Path) -> None:
    """Remove ``folder`` if it holds draft's lock file and no run holds the lock (OSError, e.g. BlockingIOError,
    if one does). A folder without the lock file is not known to be draft's, and stays."""
    lock_file = folder / _LOCK
    if not lock_file.is_file() or time.time() - folder.stat().st_mtime < _FRESH_SECONDS:
        return
    if fcntl is None:
        os.remove(lock_file)  # PermissionError while its run still has it open
        shutil.rmtree(folder, ignore_errors=True)
        return
    lock = os.open(lock_file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: a living run's folder
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        os.close(lock)
