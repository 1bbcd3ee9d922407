"""Which page the 版记 stands on (GB/T 9704 §7.4.1, §7.5, §6.2), from where the body ends.

The last rule of the 版记 lies on the bottom edge of the type area of the document's last
page. Printed on both sides (the default), that page is an even one, the back of a sheet:

* the body ends on an odd page: the 版记 goes to the foot of the next page, numbered as usual;
* it ends on an even page with room below for the 版记: at the foot of that page;
* it ends on an even page without room: a blank page, then the 版记's page, neither numbered.

Printed on one side, the 版记 stands at the foot of the body's last page if it fits, else of the next.

Where the body ends is known only from a layout: :func:`place` asks LibreOffice
(:mod:`draft.word.measure`) for the page counts of the report without the 版记 and with it
set in the flow right after the body; if they are equal, the 版记 fits. Without LibreOffice,
the 版记 starts a section of its own on the next even page (or the next page), which Word
and WPS lay out themselves, putting in a blank page where one is needed.
"""

from __future__ import annotations

from collections.abc import Callable

from draft.word import measure
from draft.word.frame import Place


def decide(body_pages: int, fits: bool, double_sided: bool) -> Place:
    """Where the 版记 goes when the body ends on page ``body_pages`` and the 版记 ``fits`` below it."""
    if not double_sided:
        return Place.HERE if fits else Place.NEXT_PAGE
    if body_pages % 2:
        return Place.NEXT_PAGE
    return Place.HERE if fits else Place.AFTER_BLANK


def place(package: Callable[[Place], bytes], double_sided: bool) -> Place:
    """Where the 版记 goes; ``package`` makes the report's .docx with the 版记 at a given place."""
    counts = measure.page_counts([package(Place.NONE), package(Place.INLINE)])
    if counts is None:
        return Place.NEXT_EVEN_PAGE if double_sided else Place.NEXT_PAGE
    body_pages, with_imprint = counts
    return decide(body_pages, with_imprint == body_pages, double_sided)
