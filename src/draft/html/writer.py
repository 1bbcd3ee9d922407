"""Blocks → one self-contained HTML page, or the fragment a website's editor takes.

Written from the rendered blocks, as the .docx is, so the page holds the .docx's text paragraph
for paragraph; structure lives in the elements (``h1``–``h5``, ``p``, ``strong``), so a screen
reader and a site's editor keep it. The page embeds its stylesheet (``page.css``) and asks for
nothing else: no scripts, no fonts, no images — it opens the same offline and on the site.

Headings: the title is the only ``h1``; an own-line heading of level *n* is ``h(n+1)`` — part
``h2``, 二级 ``h3``, 三级 ``h4``, 四级 ``h5`` — except that a heading never skips a rank below the
heading it belongs to (a 三级 heading under a run-in 二级 title is ``h3``): the ranks are those of
the own-line headings' nesting. Run-in titles are ``strong`` at the start of their paragraph.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from draft import __version__
from draft.html import tables
from draft.render.document import Block, Document, Role, Span
from draft.word.styles import CHAR, signature_indents

#: Roles whose paragraphs have no first-line indent, as in print (class names of the page's stylesheet).
_CLASSES = {Role.RECIPIENT: "recipient", Role.CLOSING: "closing", Role.SIGNATURE: "signature", Role.DATE: "date"}
#: The fragment has no stylesheet: the few looks that carry meaning go in ``style`` attributes, which site editors keep.
_INDENT = ' style="text-indent:2em"'


def page(document: Document) -> str:
    """The whole page: ``lang``, ``title``, the embedded stylesheet, the report in ``main``."""
    title = html.escape(_one_line(document.title), quote=False)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="draft {__version__}">\n'
        f"<title>{title}</title>\n<style>\n{_stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        f'<article class="report">\n{_body(document.blocks, fragment=False)}</article>\n</main>\n</body>\n</html>\n'
    )


def fragment(document: Document) -> str:
    """The article for a site's editor: every block but the title (the site prints it from its own 标题 field), no stylesheet."""
    return f'<article lang="zh-CN">\n{_body(document.blocks[1:], fragment=True)}</article>\n'


def _body(blocks: tuple[Block, ...], fragment: bool) -> str:
    ranks = _HeadingRanks()
    sig_right, date_right = signature_indents(_text_of(blocks, Role.SIGNATURE), _text_of(blocks, Role.DATE))
    right = {Role.SIGNATURE: sig_right / CHAR, Role.DATE: date_right / CHAR}
    lines = []
    for block in blocks:
        text = "".join(_span(span, fragment) for span in block.spans)
        if block.table is not None:
            lines.append(tables.table(block.table, fragment))
        elif block.role is Role.TITLE:
            lines.append(f"<h1>{text.replace(chr(10), '<br>')}</h1>")
        elif block.role is Role.HEADING:
            rank = ranks.rank(block.level)
            lines.append(f"<h{rank}>{text}</h{rank}>")
        elif block.role in right:
            # The 落款's distance from the right edge depends on its own text (GB/T 9704 §7.3.5.2).
            css = f"text-align:right;padding-right:{right[block.role]:g}em"
            look = f' style="{css}"' if fragment else f' class="{_CLASSES[block.role]}" style="padding-right:{right[block.role]:g}em"'
            lines.append(f"<p{look}>{text}</p>")
        elif fragment:
            lines.append(f"<p{'' if block.role is Role.RECIPIENT else _INDENT}>{text}</p>")
        else:
            look = f' class="{_CLASSES[block.role]}"' if block.role in _CLASSES else ""
            lines.append(f"<p{look}>{text}</p>")
    return "".join(line + "\n" for line in lines)


def _span(span: Span, fragment: bool) -> str:
    text = html.escape(span.text, quote=False)
    if span.heading_level is None:
        return text
    return f"<strong>{text}</strong>" if fragment else f'<strong class="level-{span.heading_level}">{text}</strong>'


class _HeadingRanks:
    """``h2``… for own-line headings by their nesting, so that no rank is skipped."""

    def __init__(self) -> None:
        self._open: list[int] = []  # the levels of the headings the next one may belong to

    def rank(self, level: int) -> int:
        while self._open and self._open[-1] >= level:
            self._open.pop()
        self._open.append(level)
        return 1 + len(self._open)


def _text_of(blocks: tuple[Block, ...], role: Role) -> str:
    return next((block.text for block in blocks if block.role is role), "")


def _one_line(title: str) -> str:
    """The title as one line (for ``<title>``): its line breaks only lay it out on paper."""
    return title.replace("\n", "")


@cache
def _stylesheet() -> str:
    return resources.files(__package__).joinpath("page.css").read_text(encoding="utf-8")
