"""Page counts of .docx files as LibreOffice lays them out: the one layout draft can see.

A report's 版记 must stand at the foot of an even page, so the build needs to know where the
body ends (:mod:`draft.word.pagination`). LibreOffice converts the files to PDF in one run
(:func:`draft.pdf.soffice.convert`: a private profile, draft's font stand-ins, a time limit); the
PDF's page objects are counted. One run costs about two
seconds; a build makes it only for a report with a 版记.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_counts(documents: list[bytes]) -> list[int] | None:
    """The number of pages of each .docx in ``documents``; None if LibreOffice is missing or fails on one."""
    from draft.pdf import soffice
    from draft.problems import CannotProceed

    with tempfile.TemporaryDirectory(prefix="draft-measure-") as folder:
        base = Path(folder)
        names = [base / f"{index}.docx" for index in range(len(documents))]
        for name, blob in zip(names, documents, strict=True):
            name.write_bytes(blob)  # a private folder: no need of safe_write's care
        try:
            made = soffice.convert(names, base / "pdf")
        except CannotProceed:  # no LibreOffice here
            return None
        if len(made) != len(names):
            return None
        return [len(_PAGE.findall(made[name].read_bytes())) for name in names]
