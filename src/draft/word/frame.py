"""The frame of a 公文 as WordprocessingML: the 版头's table and red rule, the 附件说明's runs, and the 版记 table.

The looks are in the frame's styles (:mod:`draft.word.frame_styles`); this module writes the
elements that hold them. Tables carry only what a table must say about itself (widths, no
borders, zero cell margins) and the 版记's rules, which the standard makes part of it.

The 版记 is a floating table anchored to the bottom of the type area (``tblpYSpec="bottom"``,
``vertAnchor="margin"``), the recipe the public 公文 tools use for Word. Its horizontal
position is taken from the page edge (``horzAnchor="page"``, ``tblpX`` = the left margin),
not centred in the margins: LibreOffice makes a table as wide as the type area a floating
frame only when it is anchored to the page (``SectionPropertyMap::FloatingTableConversion``
in its writerfilter), and otherwise lays it out in the flow, right after the body.
"""

from __future__ import annotations

from collections.abc import Iterable

from draft.render.document import Block, Role
from draft.render.titles import width
from draft.word import elements
from draft.word import frame_styles as fs
from draft.word.page import MARGIN_LEFT, TYPE_WIDTH, Place
from draft.word.styles import CHAR

#: 签发人 names a line (§7.2.6: "一般每行排两个姓名").
SIGNERS_A_LINE = 2
_NAME_GAP = "\u3000"  # one full-width space between two names on a line


def head_xml(blocks: list[Block]) -> str:
    """The 版头: the mark, the 发文字号 (beside the 签发人 when there are any) and the red rule below."""
    by_role = {block.role: block for block in blocks}
    out = []
    if Role.ISSUER_MARK in by_role:
        out.append(elements.paragraph(fs.ISSUER_MARK, [elements.run(by_role[Role.ISSUER_MARK].text)]))
    if Role.JOINT_MARK in by_role:
        out.append(_joint_mark([span.text for span in by_role[Role.JOINT_MARK].spans]))
    number = by_role[Role.DOC_NUMBER].text if Role.DOC_NUMBER in by_role else ""
    if Role.SIGNERS in by_role:
        out.append(_number_and_signers(number, [span.text for span in by_role[Role.SIGNERS].spans]))
    elif number:
        out.append(elements.paragraph(fs.DOC_NUMBER, [elements.run(number)]))
    out.append(elements.paragraph(fs.HEAD_RULE, []))
    return "".join(out)


def mark_width(blocks: Iterable[Block]) -> float:
    """How wide the mark is, in its characters: its longest line, or a joint mark's names, gap and “文件”."""
    for block in blocks:
        if block.role is Role.ISSUER_MARK:
            return max(width(line) for line in block.text.split("\n"))
        if block.role is Role.JOINT_MARK:
            return sum(_joint_columns([span.text for span in block.spans]))
    return 0


def _joint_columns(spans: list[str]) -> tuple[float, float]:
    """The joint mark's two columns, in the mark's characters: the longest name, and “文件” with the gap before it."""
    *names, word = spans
    return max(width(name) for name in names) + fs.JOINT_PLAY, fs.JOINT_GAP + width(word)


def _joint_mark(spans: list[str]) -> str:
    """联合行文 with “文件” (§7.2.4): the names stacked, 主办机关 first, and “文件” right of them, centred on them.

    A borderless table centred in the type area: the names' cell as wide as the longest name, each
    name spread to it (分散对齐, as 公文 templates do); “文件”'s cell aligned to the middle of the row.
    """
    *names, word = spans
    char = fs.mark_size(sum(_joint_columns(spans))) * 10  # twips: the size is in half-points
    columns = [round(column * char) for column in _joint_columns(spans)]
    cells = _cell(columns[0], "".join(elements.paragraph(fs.JOINT_MARK, [elements.run(name)]) for name in names)) + _cell(
        columns[1], elements.paragraph(fs.JOINT_MARK_WORD, [elements.run(word)]), align="center"
    )
    return _table(columns, f"<w:tr>{cells}</w:tr>", borders=_NO_BORDERS, centred=True)


def _number_and_signers(number: str, signers: list[str]) -> str:
    """发文字号 居左空一字 and 签发人 居右空一字 on one line (§7.2.5, §7.2.6), as a borderless table.

    The 签发人 cell is as wide as its longest line and one character more; with several lines,
    the number sits on the last one (its cell aligned to the bottom).
    """
    lines = [signers[i : i + SIGNERS_A_LINE] for i in range(0, len(signers), SIGNERS_A_LINE)]
    longest = max(sum(width(name) for name in line) + len(line) - 1 for line in lines)
    right = round((4 + longest + 1) * CHAR) + CHAR // 8  # 签发人： + names + 右空一字, and a little play
    left = TYPE_WIDTH - right
    runs = [elements.run("签发人：")]
    for index, name in enumerate(signers):
        if index:
            runs.append(elements.run("\n" if index % SIGNERS_A_LINE == 0 else _NAME_GAP))
        runs.append(elements.run(name, fs.SIGNER_NAME))
    cells = (
        _cell(left, elements.paragraph(fs.DOC_NUMBER_LEFT, [elements.run(number)] if number else []), align="bottom")
        + _cell(right, elements.paragraph(fs.SIGNERS, runs))
    )
    return _table([left, right], f"<w:tr>{cells}</w:tr>", borders=_NO_BORDERS)


def note_paragraph(block: Block) -> str:
    """One line of the 附件说明: “附件：名称”, or “附件：1.⇥名称” and “⇥2.⇥名称” aligned on tab stops."""
    label, number, name = (span.text for span in block.spans)
    if not number:
        return elements.paragraph(fs.ATTACHMENT_NOTE, [elements.run(label + name)])
    return elements.paragraph(fs.ATTACHMENT_NOTES, [elements.run(f"{label or chr(9)}{number}\t{name}")])


def imprint_xml(blocks: list[Block], place: Place) -> str:
    """The 版记 table at the foot of the type area, after the page break ``place`` asks for.

    A floating table is anchored to the paragraph after it, which comes last in the body.
    """
    rows = "".join(
        f"<w:tr>{_cell(TYPE_WIDTH, elements.paragraph(_IMPRINT_STYLES[block.role], [elements.run(_imprint_text(block))]))}</w:tr>"
        for block in blocks
    )
    floating = (
        ""
        if place is Place.INLINE
        else '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" '
        f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
    )
    page_break = {Place.NEXT_PAGE: PAGE_BREAK, Place.AFTER_BLANK: BLANK_PAGE}.get(place, "")
    return page_break + _table([TYPE_WIDTH], rows, borders=_IMPRINT_BORDERS, position=floating) + "<w:p/>"


#: An empty paragraph that starts a page: the 版记 stands at the foot of that page.
PAGE_BREAK = elements.paragraph(fs.IMPRINT_PAGE, [])
#: The blank page at the start of the 版记's section: an empty paragraph, then the next page. (A paragraph
#: of a page break alone there LibreOffice merges with the section's own page break: no blank page.)
BLANK_PAGE = "<w:p/>" + PAGE_BREAK

_IMPRINT_STYLES = {Role.COPY_TO: fs.COPY_TO, Role.IMPRINT: fs.IMPRINT}


def _imprint_text(block: Block) -> str:
    """抄送 as rendered; 印发机关⇥印发日期 (the date stands right, on a right tab)."""
    if block.role is Role.IMPRINT:
        by, date = (span.text for span in block.spans)
        return f"{by}\t{date}"
    return block.text


def _border(side: str, size: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'


_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
#: §7.4.1: thick first and last rules, thin ones between; no vertical lines.
_IMPRINT_BORDERS = (
    _border("top", fs.IMPRINT_THICK) + '<w:left w:val="nil"/>' + _border("bottom", fs.IMPRINT_THICK)
    + '<w:right w:val="nil"/>' + _border("insideH", fs.IMPRINT_THIN) + '<w:insideV w:val="nil"/>'
)


def _table(columns: list[int], rows: str, borders: str, position: str = "", centred: bool = False) -> str:
    """A table of fixed ``columns`` (twips) with zero cell margins, from the type area's left edge or ``centred`` in it."""
    grid = "".join(f'<w:gridCol w:w="{column}"/>' for column in columns)
    place = '<w:jc w:val="center"/>' if centred else '<w:tblInd w:w="0" w:type="dxa"/>'
    return (
        f'<w:tbl><w:tblPr>{position}<w:tblW w:w="{sum(columns)}" w:type="dxa"/>{place}'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )


def _cell(width_: int, content: str, align: str = "") -> str:
    """A cell ``width_`` twips wide, its content aligned to the top, or to the ``align`` of the row (bottom, center)."""
    v_align = f'<w:vAlign w:val="{align}"/>' if align else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width_}" w:type="dxa"/>{v_align}</w:tcPr>{content}</w:tc>'
