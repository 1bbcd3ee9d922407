"""Blocks → one self-contained HTML page, or the fragment a website's editor takes.

Written from the rendered blocks, as the .docx is, so the page holds the .docx's text paragraph
for paragraph; structure lives in the elements (``h1``–``h5``, ``p``, ``strong``), so a screen
reader and a site's editor keep it. The page embeds its stylesheet (``page.css``) and asks for
nothing else: no scripts, no fonts, no images — it opens the same offline and on the site.

A 公文's frame (GB/T 9704 §7.2–7.4) shows as a web page shows one: the 版头 — the 发文机关标志
as a red banner, the 发文字号 and 签发人, a red rule — in a ``header``, the 版记 in a ``footer``,
each 附件 in a ``section`` of its own. The fragment leaves the 版头 and 版记 out: a website
publishes the report's text, and prints its own header and footer around it.

Headings: the title is the only ``h1``; an own-line heading of level *n* is ``h(n+1)`` — part
``h2``, 二级 ``h3``, 三级 ``h4``, 四级 ``h5`` — except that a heading never skips a rank below the
heading it belongs to (a 三级 heading under a run-in 二级 title is ``h3``): the ranks are those of
the own-line headings' nesting. Run-in titles are ``strong`` at the start of their paragraph.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from draft.html import tables
from draft.render.document import HEAD_ROLES, IMPRINT_ROLES, Block, Document, Role, Span
from draft.version import __version__

#: Roles whose paragraphs have no first-line indent, as in print (class names of the page's stylesheet).
_CLASSES = {Role.RECIPIENT: "recipient", Role.CLOSING: "closing", Role.SIGNATURE: "signature", Role.DATE: "date"}
#: The fragment has no stylesheet: the few looks that carry meaning go in ``style`` attributes, which site editors keep.
_INDENT = ' style="text-indent:2em"'


def page(document: Document) -> str:
    """The whole page: ``lang``, ``title``, the embedded stylesheet, the report in ``main``."""
    title = html.escape(_one_line(document.title), quote=False)
    head = [block for block in document.blocks if block.role in HEAD_ROLES]
    imprint = [block for block in document.blocks if block.role in IMPRINT_ROLES]
    text = tuple(block for block in document.blocks if block.role not in HEAD_ROLES | IMPRINT_ROLES)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="draft {__version__}">\n'
        f"<title>{title}</title>\n<style>\n{_stylesheet()}</style>\n</head>\n<body>\n<main>\n"
        f"{_masthead(head)}"
        f'<article class="report">\n{_body(text, document.signature_indents, fragment=False)}</article>\n'
        f"{_imprint(imprint)}</main>\n</body>\n</html>\n"
    )


def fragment(document: Document) -> str:
    """The article for a site's editor: the report's text without its title (the site prints it from its own
    标题 field), without the 版头 and 版记, and without a stylesheet."""
    left_out = HEAD_ROLES | IMPRINT_ROLES | {Role.TITLE}
    blocks = tuple(b for b in document.blocks if b.role not in left_out)
    return f'<article lang="zh-CN">\n{_body(blocks, document.signature_indents, fragment=True)}</article>\n'


def _masthead(blocks: list[Block]) -> str:
    """The 版头: the 发文机关标志 (a line an issuer, or joint), the 发文字号 on the left and the 签发人 on the right, the red rule."""
    if not blocks:
        return ""
    lines = ['<header class="masthead">']
    number = signers = ""
    for block in blocks:
        if block.role is Role.ISSUER_MARK:
            lines.append(f'<p class="issuer-mark">{_lines(block.text)}</p>')
        elif block.role is Role.JOINT_MARK:
            lines.append(_joint_mark(block))
        elif block.role is Role.DOC_NUMBER:
            number = f'<span class="doc-number">{html.escape(block.text, quote=False)}</span>'
        else:
            names = "、".join(html.escape(span.text, quote=False) for span in block.spans)
            signers = f'<span class="signers">签发人：<span class="signer-names">{names}</span></span>'
    if number or signers:
        lines.append(f'<p class="doc-line">{number}{signers}</p>')
    lines.append('<hr class="red-rule">')
    return "".join(line + "\n" for line in lines) + "</header>\n"


def _joint_mark(block: Block) -> str:
    """联合行文 (§7.2.4): the names, a line each, beside “文件”; the stylesheet spreads them and centres “文件” on them."""
    *names, word = (html.escape(span.text, quote=False) for span in block.spans)
    lines = "".join(f"<span>{name}</span>" for name in names)
    return f'<p class="issuer-mark joint"><span class="issuer-names">{lines}</span><span class="document-word">{word}</span></p>'


def _imprint(blocks: list[Block]) -> str:
    """The 版记: 抄送, then the 印发机关 on the left and the 印发日期 on the right, between rules."""
    if not blocks:
        return ""
    lines = ['<footer class="imprint">']
    for block in blocks:
        if block.role is Role.COPY_TO:
            lines.append(f'<p class="copy-to">{html.escape(block.text, quote=False)}</p>')
        else:
            by, date = (html.escape(span.text, quote=False) for span in block.spans)
            lines.append(f'<p class="printed"><span>{by}</span><span>{date}</span></p>')
    return "".join(line + "\n" for line in lines) + "</footer>\n"


def _lines(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _body(blocks: tuple[Block, ...], signature_indents: tuple[float, float], fragment: bool) -> str:
    ranks = _HeadingRanks()
    in_attachment = False
    right = dict(zip((Role.SIGNATURE, Role.DATE), signature_indents, strict=True))  # in characters: em
    lines = []
    for block in blocks:
        text = "".join(_span(span, fragment) for span in block.spans)
        if block.table is not None:
            lines.append(tables.table(block.table, fragment))
        elif block.role is Role.TITLE:
            lines.append(f"<h1>{_title(block.text)}</h1>")
        elif block.role is Role.ATTACHMENT_LABEL:
            # Each 附件 is a section of its own, opened by its label (附件2) and titled like a part.
            opened = "<section>\n<p>" if fragment else '<section class="attachment">\n<p class="attachment-label">'
            lines.append(("</section>\n" if in_attachment else "") + f"{opened}{text}</p>")
            in_attachment = True
            ranks = _HeadingRanks()
        elif block.role is Role.ATTACHMENT_TITLE:
            look = ' style="text-align:center"' if fragment else ' class="attachment-title"'
            lines.append(f"<h2{look}>{text}</h2>")
            ranks.rank(0)  # the title heads the attachment: its parts (一、) are h3
        elif block.role is Role.ATTACHMENT_NOTE:
            # The second and later names stand under the first, past “附件：” (three characters).
            under = not block.spans[0].text
            if fragment:
                look = ' style="text-indent:2em;padding-left:3em"' if under else _INDENT
            else:
                look = ' class="attachment-note continued"' if under else ' class="attachment-note"'
            lines.append(f"<p{look}>{text}</p>")
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
    if in_attachment:
        lines.append("</section>")
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


#: The title's characters the narrowest phone (320 px) surely holds on a line (14, less what wider digits and
#: fallback fonts take): a printed line no wider is left whole.
PHONE_TITLE_LINE = 12.0
#: Width (in title characters) of the pieces a wider line is cut into, so that any phone fits each piece.
TITLE_PIECE = 8.0


def _title(title: str) -> str:
    """The title's lines as print breaks them; a line wider than a phone holds, in pieces that break as a
    secretary would (the .docx's own rule, :func:`draft.render.titles.break_title`, at :data:`TITLE_PIECE`
    characters). A screen too narrow for the line wraps it between pieces, never inside one, and balances
    the lines: no line holds one or two characters of a word alone."""
    from draft.render.titles import break_title, width

    def piece(text: str) -> str:
        escaped = html.escape(text, quote=False)
        return f'<span class="title-piece">{escaped}</span>' if width(text) <= TITLE_PIECE else escaped

    def line(text: str) -> str:
        if width(text) <= PHONE_TITLE_LINE:
            return html.escape(text, quote=False)
        return "".join(piece(part) for part in break_title(text, TITLE_PIECE))

    return "<br>".join(line(text) for text in title.split("\n"))


def _one_line(title: str) -> str:
    """The title as one line (for ``<title>``): its line breaks only lay it out on paper."""
    return title.replace("\n", "")


@cache
def _stylesheet() -> str:
    return resources.files(__package__).joinpath("page.css").read_text(encoding="utf-8")
