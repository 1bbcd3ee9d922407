"""Page counts of .docx files as LibreOffice lays them out: the one layout draft can see.

A report's 版记 must stand at the foot of an even page, so the build needs to know where the
body ends (:mod:`draft.word.pagination`). LibreOffice converts the files to PDF in one run,
with a profile of its own in a temporary folder (so that it runs beside an open LibreOffice
and beside other builds); the PDF's page objects are counted. One run costs about two
seconds; a build makes it only for a report with a 版记.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: How long one conversion may take before the build goes on without it.
TIMEOUT = 120
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
#: Where LibreOffice installs itself on Windows and macOS, when it is not on the PATH.
_INSTALLED = (
    Path(os.environ.get("PROGRAMFILES", "C:/Program Files")) / "LibreOffice/program/soffice.exe",
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def soffice() -> str | None:
    """LibreOffice's command, if it is installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(path) for path in _INSTALLED if path.is_file()), None)


def page_counts(documents: list[bytes]) -> list[int] | None:
    """The number of pages of each .docx in ``documents``; None if LibreOffice is missing or fails."""
    command = soffice()
    if command is None:
        return None
    with tempfile.TemporaryDirectory(prefix="draft-measure-") as folder:
        base = Path(folder)
        names = [base / f"{index}.docx" for index in range(len(documents))]
        for name, blob in zip(names, documents, strict=True):
            name.write_bytes(blob)
        profile = (base / "profile").as_uri()
        try:
            subprocess.run(
                [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(base)]
                + [str(name) for name in names],
                check=True, capture_output=True, timeout=TIMEOUT,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0,
            )
            return [len(_PAGE.findall(name.with_suffix(".pdf").read_bytes())) for name in names]
        except (OSError, subprocess.SubprocessError):
            return None
