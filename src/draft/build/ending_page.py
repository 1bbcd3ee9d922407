"""For the PDF, the build decides how the body's end is kept with the 落款, from layouts LibreOffice makes.

GB/T 9704 §7.3.5 wants the 落款 on a page with the body's end, and lets the line and character
spacing be adjusted to get it there. Word and WPS do it themselves: the last body paragraph is kept
with the 落款 (``keepNext``), which moves its last line along. LibreOffice, which makes the PDF, keeps
such a paragraph *whole*: a paragraph longer than the room left moves to the next page (leaving the
page before it short), and one longer than a page cannot move, so the 结束语, 落款 and date are left
alone on the last page. Nor does the style sheet keep a paragraph's short last line (``次。``) from
starting a page: widow control is off, for 22 lines a page.

So, when the report is made into a PDF, the build lays out three trials of the report up to its
date (the 版记 and attachments do not move the 落款) in one LibreOffice run, and reads each page's
lines back (:func:`draft.pdf.lines.page_lines`):

1. as Word and WPS take it (:data:`~draft.word.page.KEPT_BY_WORD`): kept, if the 落款 has body text on
   its page, no page starts with a short last line, and no page before the last is left short by
   more than a few lines (LibreOffice moving a long last paragraph whole, its heading with it);
2. the last paragraph not kept, and the same with widow control on (when a page started with a short
   line): where the 落款 still stands alone, the last lines of the last paragraph are set as a
   paragraph of their own, kept whole with the 落款 (:attr:`~draft.word.page.Ending.tail`), so that
   they go to its page — counted in glyphs from LibreOffice's own lines, one glyph a character;
3. where nothing can be set apart so (a one-line last paragraph, a table), the first trial after all, if
   its 落款 has body text on its page: a page left short is allowed, a 落款 alone is not.

The layouts are cached as the 版记's page counts are (:mod:`draft.build.imprint_page`); without
LibreOffice, or when it fails, the .docx is as Word and WPS take it, and nothing is said (the PDF,
made by the same LibreOffice, then fails and says so itself).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from draft.render.document import LINE_CHARS, Block, Document, Role
from draft.render.titles import width
from draft.word.page import KEPT_BY_WORD, MARGIN_LEFT, Ending
from draft.word.styles import LINE_PITCH

if TYPE_CHECKING:
    from draft.pdf.lines import Line

#: A line shorter than this (in characters) must not start a page alone: a quarter of a line.
SHORT_LINE = LINE_CHARS // 4
#: How many lines of the last paragraph go with the 落款 to its page.
TAIL_LINES = 2
#: A page left this many lines short of its foot, before the last, is a gap LibreOffice's keeping made.
GAP_LINES = TAIL_LINES + 1
#: The left edge of the type area in points, and how near it a continued paragraph's line starts.
_LEFT = MARGIN_LEFT / 20
_NEAR = 4.0
_PITCH = LINE_PITCH / 20

_NOT_KEPT = Ending(measured=True)
_WIDOWS_AVOIDED = Ending(measured=True, avoid_widows=True)


class _Layout(NamedTuple):
    """How a trial was laid out, as far as its ending goes."""

    pages: list[list[Line]]
    ending_lines: int  # the 结束语, 落款 and date: the last lines

    @property
    def signature_alone(self) -> bool:
        """The last page holds the 结束语, 落款 or date but no other line of the body."""
        last = len(self.pages[-1])
        return len(self.pages) > 1 and last <= self.ending_lines

    @property
    def short_line_starts_a_page(self) -> bool:
        """A page starts with the short last line of a paragraph begun on the page before."""
        return any(
            page and abs(page[0].x - _LEFT) < _NEAR and page[0].glyphs < SHORT_LINE for page in self.pages[1:]
        )

    @property
    def leaves_a_gap(self) -> bool:
        """A page before the last ends :data:`GAP_LINES` lines or more above the type area's foot (LibreOffice
        moved a paragraph kept with the 落款 whole, and the heading kept with it)."""
        from draft.pdf.lines import TYPE_AREA_FOOT

        return any(page and page[-1].y > TYPE_AREA_FOOT + GAP_LINES * _PITCH for page in self.pages[:-1])

    def body_lines(self) -> list[Line]:
        lines = [line for page in self.pages for line in page]
        return lines[: len(lines) - self.ending_lines]


def ending(document: Document, trial: Callable[[Document, Ending], bytes]) -> Ending:
    """How ``document``'s body end is kept with its 落款 in the PDF; ``trial`` makes its .docx with a given ending."""
    from draft.build.imprint_page import MAX_MEASURED_CHARACTERS, LayoutFailed

    blocks = document.blocks
    roles = [block.role for block in blocks]
    if Role.DATE not in roles:
        return KEPT_BY_WORD
    last = _last_paragraph(blocks[: roles.index(Role.SIGNATURE if Role.SIGNATURE in roles else Role.DATE)])
    if sum(len(block.text) for block in blocks) > MAX_MEASURED_CHARACTERS:
        return KEPT_BY_WORD  # too long to lay out in time: the 版记's page tells the user already
    measured = document._replace(blocks=tuple(blocks[: roles.index(Role.DATE) + 1]))
    variants = (KEPT_BY_WORD, _NOT_KEPT, _WIDOWS_AVOIDED)
    from draft.pdf.corrections import aligned_left

    try:  # laid out as the PDF is: its copy aligned left, which paints every mark (one glyph a character)
        laid_out = page_lines([aligned_left(trial(measured, variant)) for variant in variants])
    except LayoutFailed:
        return KEPT_BY_WORD
    if laid_out is None:  # no LibreOffice: Word and WPS lay the .docx out, and keep the ending themselves
        return KEPT_BY_WORD
    lines = _ending_lines(measured.blocks)
    kept, not_kept, widows_avoided = (_Layout(pages, lines) for pages in laid_out)
    if not (kept.signature_alone or kept.short_line_starts_a_page or kept.leaves_a_gap):
        return KEPT_BY_WORD
    chosen, layout = (
        (_WIDOWS_AVOIDED, widows_avoided)
        if kept.short_line_starts_a_page or not_kept.short_line_starts_a_page
        else (_NOT_KEPT, not_kept)
    )
    if not layout.signature_alone:
        return chosen
    tail = _tail(layout, len(last.text)) if last is not None else 0  # a table or a heading is not split
    if tail:
        return chosen._replace(tail=tail)
    # Nothing can be moved (a one-line paragraph, a table): the last paragraph kept with the 落款 is
    # better, gap and all, than the 落款 alone.
    return chosen if kept.signature_alone else KEPT_BY_WORD


def _last_paragraph(blocks: tuple[Block, ...]) -> Block | None:
    """The body paragraph right before the 结束语 or 落款 (None if something else comes there: a table, a heading)."""
    flow = [block for block in blocks if block.role in (Role.BODY, Role.HEADING, Role.TABLE, Role.ATTACHMENT_NOTE)]
    return flow[-1] if flow and flow[-1].role is Role.BODY and flow[-1].table is None else None


def _ending_lines(blocks: tuple[Block, ...]) -> int:
    """The lines the 结束语 (if any), the 落款 (a unit too long for a line wraps) and the date take."""
    signature = next((block.text for block in blocks if block.role is Role.SIGNATURE), "")
    closing = any(block.role is Role.CLOSING for block in blocks)
    return int(closing) + -(-int(width(signature)) // (LINE_CHARS - 2)) + 1


def _tail(layout: _Layout, length: int) -> int:
    """How many characters end the last paragraph's last :data:`TAIL_LINES` lines (keeping its first line
    where it is); 0 if its lines do not add up to its ``length`` in glyphs (then nothing is moved)."""
    lines: list[Line] = []
    glyphs = 0
    for line in reversed(layout.body_lines()):
        if glyphs >= length:
            break
        lines.insert(0, line)
        glyphs += line.glyphs
    if glyphs != length or len(lines) < 2:
        return 0
    return sum(line.glyphs for line in lines[-min(TAIL_LINES, len(lines) - 1) :])


def page_lines(documents: list[bytes]) -> list[list[list[Line]]] | None:
    """Each page's lines of each .docx in ``documents``, from the cache or LibreOffice (in one run); None if
    there is no LibreOffice, or its PDF could not be read; LayoutFailed if it did not lay them out."""
    from draft.build import imprint_page
    from draft.pdf import soffice
    from draft.pdf.lines import page_lines as read
    from draft.problems import CannotProceed

    try:
        program = soffice.program()
    except CannotProceed:
        return None
    keys = ["lines-" + imprint_page.layout_key(document, program) for document in documents]
    kept = [imprint_page.cached(key) for key in keys]
    if all(text is not None for text in kept):
        layouts = [_cached_pages(text or "") for text in kept]
        if all(pages is not None for pages in layouts):
            return [pages for pages in layouts if pages is not None]
    laid_out = [read(pdf) for pdf in imprint_page.laid_out(documents)]
    if any(pages is None for pages in laid_out):
        return None
    found = [pages for pages in laid_out if pages is not None]
    for key, pages in zip(keys, found, strict=True):
        imprint_page.keep(key, json.dumps(pages))
    return found


def _cached_pages(text: str) -> list[list[Line]] | None:
    """The pages kept as ``text``; None if it is not a layout's pages (a damaged cache only costs time)."""
    from draft.pdf.lines import Line

    try:
        pages = [[Line(*line) for line in page] for page in json.loads(text)]
    except (ValueError, TypeError):
        return None
    well_formed = all(
        isinstance(x, int | float) and isinstance(y, int | float) and isinstance(glyphs, int)
        for page in pages for x, y, glyphs in page
    )
    return pages if pages and well_formed else None
