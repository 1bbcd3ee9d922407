"""The build decides which page the 版记 stands on, from a layout LibreOffice makes of two trial packages.

GB/T 9704's rule (:func:`draft.word.page.decide`) needs two numbers: the pages of the report
without its 版记, and with the 版记 set in the flow right after the body; if they are equal, the
版记 fits below the body. Only an office suite's layout tells them: LibreOffice converts both trial
packages to PDF in one run (:func:`draft.pdf.soffice.convert`), whose page objects are counted.

That costs a LibreOffice start (about two seconds) and the layout of the whole report twice, so:

* **cached**: a trial's page count is kept in the user's cache folder under a hash of what lays it
  out (every part of the package but the dated properties, and which LibreOffice laid it out): a
  form built again, or only its date or file name changed, costs no layout;
* **cut to what decides**: a 抄送 line longer than any page could hold is laid out only as far as
  certainly fills a page — a 版记 longer than a page fits below no body, cut or not;
* **bounded**: a report of more than :data:`MAX_MEASURED_CHARACTERS` is not laid out, and the layout
  gets :data:`MEASURE_SECONDS` at most.

The layout and its cache (:func:`laid_out`, :func:`layout_key`, :func:`cached`, :func:`keep`) serve the
PDF's ending as well (:mod:`draft.build.ending_page`).

Where there is no layout — no LibreOffice on this computer, or a report too long to lay out in
time — the decision is :func:`draft.word.page.without_layout`: the 版记 starts a section of its own
on the next even page (or the next page), which Word and WPS lay out themselves. A missing
LibreOffice is said nowhere (a .docx needs none); a report too long, or a layout LibreOffice did not
finish, is told in a warning (:data:`NOT_LAID_OUT`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from draft.problems import CannotProceed, Problem, Severity
from draft.render.document import IMPRINT_ROLES, Block, Document, Role
from draft.word.page import Place, decide, without_layout

#: A report longer than this (characters of text; about 300 pages) is not laid out to place its 版记.
MAX_MEASURED_CHARACTERS = 200_000
#: How long LibreOffice may take to lay out the two trials (usually 2–4 s, its start included).
MEASURE_SECONDS = 60
#: Characters of a 抄送 line that fill more than a page however narrow they are: 45 lines of 4号 type
#: in the 225 mm type area, of at most ~160 characters each (as narrow as a Latin “i”), hold fewer.
PAGE_OF_NAMES = 10_000

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")

#: The code of the warning that the 版记's page was left to Word and WPS (a report too long, a layout not made).
NOT_LAID_OUT = "imprint-not-laid-out"
_LEFT_TO_WORD = (
    "没有排版测算版记落在哪一页：版记另起一节，排在下一个偶数页（单面印刷时排在下一页），"
    "用 Word 或 WPS 打开时会自动排好。请打印前看一下版记所在的页面。"
)
#: Told when a report is too long to lay out, or LibreOffice did not lay it out in time.
TOO_LONG = "报告很长，" + _LEFT_TO_WORD
NOT_IN_TIME = f"LibreOffice 没能在 {MEASURE_SECONDS} 秒内排完这份报告，" + _LEFT_TO_WORD


class LayoutFailed(Exception):
    """LibreOffice is there, but did not lay the trials out (it ran out of time, or failed on them)."""


class ImprintPage(NamedTuple):
    """Where the 版记 goes, and, when no layout could be made for a reason the user should hear, why."""

    place: Place
    warning: str = ""


def imprint_page(document: Document, trial: Callable[[Document, Place], bytes]) -> ImprintPage:
    """Where ``document``'s 版记 goes; ``trial`` makes its .docx with the 版记 at a given place."""
    if not any(block.role in IMPRINT_ROLES for block in document.blocks):
        return ImprintPage(Place.HERE)
    if sum(len(block.text) for block in document.blocks) > MAX_MEASURED_CHARACTERS:
        return ImprintPage(without_layout(document.double_sided), TOO_LONG)
    measured = document._replace(blocks=tuple(_cut(block) for block in document.blocks))
    try:
        counts = page_counts([trial(measured, Place.NONE), trial(measured, Place.INLINE)])
    except LayoutFailed:
        return ImprintPage(without_layout(document.double_sided), NOT_IN_TIME)
    if counts is None:  # no LibreOffice on this computer: a .docx needs none, and nothing is said
        return ImprintPage(without_layout(document.double_sided))
    body_pages, with_imprint = counts
    return ImprintPage(decide(body_pages, with_imprint == body_pages, document.double_sided))


def warning(file: str, page: ImprintPage) -> list[Problem]:
    """The warning to give for ``page`` about the report ``file`` (none when a layout placed the 版记)."""
    return [Problem(file=file, message=page.warning, severity=Severity.WARNING, code=NOT_LAID_OUT)] if page.warning else []


def _cut(block: Block) -> Block:
    """``block`` as the trial lays it out: a 抄送 line longer than a page, cut to a page of names."""
    if block.role is Role.COPY_TO and len(block.text) > PAGE_OF_NAMES:
        return Block.plain(Role.COPY_TO, block.text[:PAGE_OF_NAMES])
    return block


def page_counts(documents: list[bytes]) -> list[int] | None:
    """The number of pages of each .docx in ``documents``, from the cache or LibreOffice; None if there is no
    LibreOffice, LayoutFailed if it did not lay them out."""
    from draft.pdf import soffice

    try:
        program = soffice.program()
    except CannotProceed:  # no LibreOffice here: the decision is without_layout's
        return None
    keys = [layout_key(document, program) for document in documents]
    cached = [_cached(key) for key in keys]
    if all(count is not None for count in cached):
        return [count for count in cached if count is not None]
    counts = _laid_out(documents)
    for key, count in zip(keys, counts, strict=True):
        keep(key, count)
    return counts


def _laid_out(documents: list[bytes]) -> list[int]:
    """The page counts LibreOffice lays ``documents`` out to, in one run; LayoutFailed if it fails or runs out of time."""
    return [len(_PAGE.findall(pdf)) for pdf in laid_out(documents)]


def laid_out(documents: list[bytes]) -> list[bytes]:
    """The PDFs LibreOffice lays ``documents`` out to, in one run; LayoutFailed if it fails or runs out of time."""
    from draft.files import private_folders
    from draft.pdf import soffice

    # Copies of the report: in a folder only this user reads, swept if draft is killed (as the PDF's are).
    # A full or unwritable temporary folder is a layout that failed: the build goes on without one, as it does
    # without LibreOffice, and says so.
    try:
        with private_folders.private_folder("measure") as folder:
            base = Path(folder)
            names = [base / f"{index}.docx" for index in range(len(documents))]
            for name, blob in zip(names, documents, strict=True):
                name.write_bytes(blob)  # a private folder: no need of safe_write's care
            made = soffice.convert(names, base / "pdf", seconds=MEASURE_SECONDS)
            if len(made) != len(names):
                raise LayoutFailed
            return [made[name].read_bytes() for name in names]
    except (CannotProceed, OSError):  # LibreOffice went away in between; the temporary folder failed
        raise LayoutFailed from None


def layout_key(docx: bytes, program: str) -> str:
    """A hash of what lays ``docx`` out: its parts but the properties (dated, named), and the LibreOffice."""
    import io
    import zipfile

    digest = hashlib.sha256()
    try:
        installed = os.stat(program)
        digest.update(f"{program}\0{installed.st_size}\0{installed.st_mtime_ns}\0".encode())
    except OSError:
        digest.update(program.encode())
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for member in package.infolist():
            if not member.filename.startswith("docProps/"):
                digest.update(f"{member.filename}\0{member.CRC:08x}\0{member.file_size}\0".encode())
    return digest.hexdigest()


def cache_folder() -> Path:
    """Where page counts are kept: the user's cache folder (as each system names it), ``draft/pages`` in it."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "draft" / "pages"


def _cached(key: str) -> int | None:
    """The page count kept under ``key``; None if there is none (or it cannot be read: the cache only saves time)."""
    text = cached(key)
    return int(text) if text is not None and text.isdigit() else None


def cached(key: str) -> str | None:
    """What is kept under ``key``; None if nothing is (or it cannot be read: the cache only saves time)."""
    try:
        return (cache_folder() / key).read_text(encoding="ascii")
    except (OSError, ValueError):
        return None


def keep(key: str, value: object) -> None:
    """Keep ``value`` (as text) under ``key``, whole or not at all (a file renamed into place); a cache that fails is skipped."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(str(value))
        os.replace(temp, folder / key)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
