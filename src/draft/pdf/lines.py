"""The lines of text a PDF that LibreOffice wrote shows on each page: where each starts, and how many glyphs it has.

Enough to tell how a report was laid out (which page its 落款 fell on, whether a page starts with a short
line) without a PDF library: LibreOffice writes each stretch of a line as ``x y Td /F size Tf [<codes>…]TJ``
in the page's content stream (deflated), one byte a glyph, and lists its pages in one ``/Kids`` array.
Anything else (another writer's PDF, a stream that does not inflate) gives no lines: the caller then
has no layout, as when LibreOffice is missing.
"""

from __future__ import annotations

import re
import zlib
from typing import NamedTuple

#: Below this (points from the page's foot) is the footer: GB/T 9704's type area ends 35 mm above the edge.
TYPE_AREA_FOOT = 35 / 25.4 * 72

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+0\s+R")
_CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)")
_STREAM = re.compile(rb"stream\r?\n")
_SHOWN = re.compile(rb"(-?[\d.]+)\s+(-?[\d.]+)\s+Td\s*/\w+\s+[\d.]+\s+Tf\s*(\[.*?\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)", re.S)
_CODES = re.compile(rb"<([0-9A-Fa-f]*)>")


class Line(NamedTuple):
    """A line of text on a page: its left edge and baseline (points from the page's bottom left), and its glyphs."""

    x: float
    y: float
    glyphs: int


def page_lines(pdf: bytes) -> list[list[Line]] | None:
    """Each page's lines inside the type area, top to bottom; None if this is not a PDF read this way."""
    objects = {int(number): body for number, body in _OBJECT.findall(pdf)}
    try:
        pages = _pages(objects, _root_pages(objects))
        return [_lines(b"".join(_inflated(objects, ref) for ref in _content_refs(objects[page]))) for page in pages]
    except (KeyError, ValueError, zlib.error, RecursionError):
        return None


def _root_pages(objects: dict[int, bytes]) -> int:
    """The page tree's root: the /Pages object no other one lists among its kids."""
    trees = {number for number, body in objects.items() if re.search(rb"/Type\s*/Pages\b", body)}
    kids = {int(ref) for number in trees for ref in _REF.findall(_kids(objects[number]))}
    (root,) = trees - kids
    return root


def _kids(body: bytes) -> bytes:
    found = _KIDS.search(body)
    if found is None:
        raise ValueError("a page tree without kids")
    return found.group(1)


def _pages(objects: dict[int, bytes], node: int) -> list[int]:
    body = objects[node]
    if re.search(rb"/Type\s*/Pages\b", body):
        return [page for ref in _REF.findall(_kids(body)) for page in _pages(objects, int(ref))]
    return [node]


def _content_refs(page: bytes) -> list[int]:
    found = _CONTENTS.search(page)
    return [int(ref) for ref in _REF.findall(found.group(1))] if found else []


def _inflated(objects: dict[int, bytes], number: int) -> bytes:
    """The content stream of object ``number``, inflated (LibreOffice deflates every one)."""
    body = objects[number]
    start = _STREAM.search(body)
    if start is None:
        raise ValueError("not a stream")
    return zlib.decompressobj().decompress(body[start.end() :])


def _lines(content: bytes) -> list[Line]:
    """The lines a page's content shows: its text stretches gathered by baseline, the footer left out."""
    by_baseline: dict[float, list[tuple[float, int]]] = {}
    for x, y, shown in _SHOWN.findall(content):
        baseline = round(float(y), 1)
        if baseline >= TYPE_AREA_FOOT:
            glyphs = sum(len(codes) // 2 for codes in _CODES.findall(shown))
            by_baseline.setdefault(baseline, []).append((float(x), glyphs))
    return [
        Line(min(x for x, _ in stretches), baseline, sum(glyphs for _, glyphs in stretches))
        for baseline, stretches in sorted(by_baseline.items(), reverse=True)
    ]
