"""The page of GB/T 9704 §5 (values in twips), which page of it the 版记 stands on (§7.4.1, §7.5, §6.2), and how
the body's end is kept with the 落款 (§7.3.5).

A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm: shared by the reference package, which sets
the page up, and by the frame, which places the 版记 from the page's edge; kept apart from both
so that a build need not import python-docx.

The last rule of the 版记 lies on the bottom edge of the type area of the document's last
page. Printed on both sides (the default), that page is an even one, the back of a sheet:

* the body ends on an odd page: the 版记 goes to the foot of the next page, numbered as usual;
* it ends on an even page with room below for the 版记: at the foot of that page;
* it ends on an even page without room: a blank page, then the 版记's page, neither numbered.

Printed on one side, the 版记 stands at the foot of the body's last page if it fits, else of the next.
Where the body ends is known only from a layout, which the build makes (:mod:`draft.build.imprint_page`);
without one, the 版记 starts a section of its own on the next even page (or the next page), which
Word and WPS lay out themselves, putting in a blank page where one is needed.
"""

from enum import Enum
from typing import NamedTuple

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845: 156 mm


class Place(Enum):
    """Where the 版记 goes, as :func:`decide` says (or :func:`without_layout`)."""

    HERE = "here"  # at the foot of the page the body ends on
    NEXT_PAGE = "next-page"  # at the foot of the next page
    AFTER_BLANK = "after-blank"  # a blank page, then the 版记's page, in a section without page numbers
    NEXT_EVEN_PAGE = "next-even-page"  # a section without page numbers starting on an even page (no layout known)
    INLINE = "inline"  # for measuring: in the flow right after the body
    NONE = "none"  # for measuring: left out


def decide(body_pages: int, fits: bool, double_sided: bool) -> Place:
    """Where the 版记 goes when the body ends on page ``body_pages`` and the 版记 ``fits`` below it."""
    if not double_sided:
        return Place.HERE if fits else Place.NEXT_PAGE
    if body_pages % 2:
        return Place.NEXT_PAGE
    return Place.HERE if fits else Place.AFTER_BLANK


def without_layout(double_sided: bool) -> Place:
    """Where the 版记 goes when no layout says where the body ends: Word and WPS place it as they lay the file out."""
    return Place.NEXT_EVEN_PAGE if double_sided else Place.NEXT_PAGE


class Ending(NamedTuple):
    """How the end of the body is kept with the 结束语 and 落款 (GB/T 9704 §7.3.5), as the build decides it.

    Word and WPS keep a paragraph's last line with the next one (``keepNext``): the default, which asks for
    no layout. LibreOffice keeps such a paragraph whole instead, moving it to the next page if it fits
    there and leaving the 落款 alone if it does not; from a layout it made (:mod:`draft.build.ending_page`)
    the build decides ``measured`` endings for the PDF it makes:

    * ``tail``: the last paragraph's last characters, as many as fill its last lines on LibreOffice's page,
      set as a paragraph of their own that is kept whole with the 落款 — its lines go to the 落款's page;
    * ``avoid_widows``: widow control on, where a paragraph's short last line would start a page.
    """

    measured: bool = False
    tail: int = 0
    avoid_widows: bool = False


#: The ending that asks for no layout: the last paragraph kept with the 落款, as Word and WPS lay it out.
KEPT_BY_WORD = Ending()
