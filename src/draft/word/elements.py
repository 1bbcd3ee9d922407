"""Body paragraphs and runs as WordprocessingML text: the syntax, none of the GB/T 9704 decisions.

A ``w:p`` with its paragraph style, a ``w:r`` with its character style, and a run's text as
``w:t``, ``w:tab`` and ``w:br``, escaped — exactly as python-docx's paragraph and run API
writes them, without python-docx or lxml (element by element, that API cost more than
everything else in a build). Which style a block gets is :mod:`draft.word.writer`'s decision.
(:mod:`draft.word.oxml` holds the elements the reference package needs, made with python-docx.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from draft.word.xmltext import escape

#: Text XML cannot hold; lxml refuses it with this message, and so do we. (A lone surrogate,
#: which UTF-8 cannot hold either, fails when the body is encoded: UnicodeEncodeError, a ValueError.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_MESSAGE = "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
#: python-docx writes a tab as w:tab and a line break (\n or \r) as w:br; the rest of a run is w:t.
_RUN_BREAKS = re.compile("([\t\r\n])")


def paragraph(style: str, runs: Iterable[str], section: str = "") -> str:
    """A ``w:p`` of the paragraph style ``style`` holding ``runs`` (each made by :func:`run`).

    ``section``: the ``w:sectPr`` of a section this paragraph ends.
    """
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{section}</w:pPr>{"".join(runs)}</w:p>'


def run(text: str, style: str | None = None) -> str:
    """A ``w:r`` of ``text``, of the character style ``style`` if there is one.

    ValueError if ``text`` holds a character XML cannot (a control character).
    """
    properties = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f"<w:r>{properties}{_run_content(text)}</w:r>"


def _run_content(text: str) -> str:
    if _NOT_XML.search(text):
        raise ValueError(_NOT_XML_MESSAGE)
    out = []
    for piece in _RUN_BREAKS.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n" or piece == "\r":
            out.append("<w:br/>")
        elif piece:
            # python-docx keeps leading and trailing white space (str.strip's idea of it).
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(out)
