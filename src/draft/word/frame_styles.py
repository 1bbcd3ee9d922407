"""The styles of the frame of a 公文 (版头, 附件, 版记; GB/T 9704 §7.2–7.4), added to a report's sheet only when it has a frame.

A report without frame fields keeps exactly the style sheet it had before the frame existed.
Measurements are in ``shared/spec/gbt9704-frame.md``; vertical offsets that depend on the font
(the mark's 35 mm, the red rule's 4 mm) were measured in LibreOffice with the stand-in fonts of
``tests/fontconfig/fonts.conf`` and are checked by ``tests/test_frame_pdf.py``.
"""

from __future__ import annotations

from draft.word.page import TYPE_WIDTH
from draft.word.styles import (
    CHAR,
    FANGSONG,
    HEITI,
    KAITI,
    LINE_PITCH,
    NORMAL,
    TITLE,
    XIAOBIAOSONG,
    run_properties,
    style_element,
)

# --- style ids -----------------------------------------------------------------------------
ISSUER_MARK = "IssuerMark"
JOINT_MARK = "JointIssuerMark"  # 联合行文: a name a line, spread to the longest name's width
JOINT_MARK_WORD = "JointIssuerMarkWord"  # 联合行文: “文件”, right of the names
DOC_NUMBER = "DocNumber"  # centred: no 签发人
DOC_NUMBER_LEFT = "DocNumberLeft"  # 上行文: 居左空一字, beside the 签发人
SIGNERS = "Signers"
SIGNER_NAME = "SignerName"
HEAD_RULE = "HeadRule"
ATTACHMENT_NOTE = "AttachmentNote"  # one attachment: 附件：名称
ATTACHMENT_NOTES = "AttachmentNotes"  # several: 附件：1. 名称
ATTACHMENT_LABEL = "AttachmentLabel"
ATTACHMENT_TITLE = "AttachmentTitle"
COPY_TO = "CopyTo"
IMPRINT = "Imprint"
IMPRINT_PAGE = "ImprintPage"  # the empty paragraph that starts the 版记's page when the body ends before it

# --- measurements (twips; sizes in half-points) ----------------------------------------------
RED = "FF0000"  # §7.2.4, §7.2.7: red; tools use FF0000
MARK_SIZE = 60  # 30 pt: the largest mark; the standard gives no size, tools use 28–30 pt
#: GB/T 9704 §7.2.4: the mark's top edge 35 mm below the type area's top.
MARK_TOP = 1984
#: 联合行文 (§7.2.4), in the mark's characters: the space between the names and “文件”, and play that
#: keeps the longest name on one line in its cell.
JOINT_GAP = 0.5
JOINT_PLAY = 0.125
#: Where a glyph's top stands below the top of its line, as a share of the size (LibreOffice, the stand-in serif).
MARK_GLYPH_OFFSET = 0.165
MARK_LINE = 1.25  # the mark's exact line height, in sizes
#: §7.2.7: the red rule 4 mm below the 发文字号; space above a 20 tw line so that the rule lands there.
RULE_BEFORE = 170
RULE_LINE = 20
RULE_SIZE = 12  # eighths of a point: 1.5 pt = 0.53 mm (the standard gives no thickness)
SMALL_SIZE = 28  # 4号 = 14 pt: the 版记 (§7.4.2, §7.4.3)
SMALL_CHAR = 280  # one 4号 character
IMPRINT_THICK, IMPRINT_THIN = 8, 6  # §7.4.1: 0.35 mm and 0.25 mm, in eighths of a point
#: 附件说明 (§7.3.4): 左空二字, then “附件：” (3 characters), then the number and a space.
NOTE_START = 2 * CHAR
NOTE_NAME = NOTE_START + 3 * CHAR
NOTE_NUMBERED_NAME = NOTE_NAME + 3 * CHAR // 2


def mark_size(mark_width: float) -> int:
    """The mark's size: :data:`MARK_SIZE`, or smaller so that a mark ``mark_width`` characters wide fits one line."""
    return min(MARK_SIZE, int(TYPE_WIDTH / (mark_width or 1)) // 10)


def frame_styles(mark_width: float) -> list[str]:
    """The frame's styles; the mark's size depends on how wide the issuers' names make it (``mark_width``)."""
    size = mark_size(mark_width)
    line = round(size * 10 * MARK_LINE)
    before = MARK_TOP - round(size * 10 * MARK_GLYPH_OFFSET)
    flush = '<w:ind w:firstLine="0"/>'
    off_grid = '<w:snapToGrid w:val="0"/>'
    exact = f'w:line="{LINE_PITCH}" w:lineRule="exact"'
    small = run_properties(FANGSONG, size=SMALL_SIZE)
    return [
        style_element(
            "paragraph", ISSUER_MARK, "发文机关标志",
            f'<w:next w:val="{NORMAL}"/><w:pPr><w:keepNext/>{off_grid}'
            f'<w:spacing w:before="{before}" w:after="{2 * LINE_PITCH}" w:line="{line}" w:lineRule="exact"/>'
            f'{flush}<w:jc w:val="center"/></w:pPr>' + run_properties(XIAOBIAOSONG, size=size, color=RED),
            based_on=NORMAL,
        ),
        # 联合行文 (§7.2.4): the names share the mark's spacing above and below with “文件” (which centres
        # “文件” on them in its cell), the later names without it (contextual spacing), each spread to the cell.
        style_element(
            "paragraph", JOINT_MARK, "发文机关标志（联合）",
            f'<w:next w:val="{JOINT_MARK}"/><w:pPr><w:contextualSpacing/><w:jc w:val="distribute"/></w:pPr>', based_on=ISSUER_MARK,
        ),
        style_element("paragraph", JOINT_MARK_WORD, "发文机关标志（文件）", '<w:pPr><w:jc w:val="right"/></w:pPr>', based_on=ISSUER_MARK),
        style_element("paragraph", DOC_NUMBER, "发文字号", f'<w:pPr><w:keepNext/>{flush}<w:jc w:val="center"/></w:pPr>', based_on=NORMAL),
        style_element(
            "paragraph", DOC_NUMBER_LEFT, "发文字号（上行文）",
            f'<w:pPr><w:keepNext/><w:ind w:left="{CHAR}" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>', based_on=NORMAL,
        ),
        # 签发人：张三 李四 / 王五: wrapped names stand under the first name (§7.2.6).
        style_element(
            "paragraph", SIGNERS, "签发人",
            f'<w:pPr><w:keepNext/><w:ind w:left="{4 * CHAR}" w:hanging="{4 * CHAR}"/><w:jc w:val="left"/></w:pPr>',
            based_on=NORMAL,
        ),
        style_element("character", SIGNER_NAME, "签发人姓名", run_properties(KAITI), based_on="DefaultParagraphFont"),
        style_element(
            "paragraph", HEAD_RULE, "版头分隔线",
            f'<w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="{RULE_SIZE}" w:space="0" w:color="{RED}"/></w:pBdr>'
            f'{off_grid}<w:spacing w:before="{RULE_BEFORE}" w:after="{2 * LINE_PITCH}" w:line="{RULE_LINE}" w:lineRule="exact"/>'
            f"{flush}</w:pPr>",
            based_on=NORMAL,
        ),
        style_element(
            "paragraph", ATTACHMENT_NOTE, "附件说明",
            f'<w:pPr><w:keepNext/><w:spacing w:before="{LINE_PITCH}" w:after="0" {exact}/>'
            f'<w:ind w:left="{NOTE_NAME}" w:hanging="{NOTE_NAME - NOTE_START}"/></w:pPr>',
            based_on=NORMAL,
        ),
        style_element(
            "paragraph", ATTACHMENT_NOTES, "附件说明（多个）",
            f'<w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="{NOTE_NAME}"/>'
            f'<w:tab w:val="left" w:pos="{NOTE_NUMBERED_NAME}"/></w:tabs><w:spacing w:before="{LINE_PITCH}" w:after="0" {exact}/>'
            f'<w:ind w:left="{NOTE_NUMBERED_NAME}" w:hanging="{NOTE_NUMBERED_NAME - NOTE_START}"/><w:contextualSpacing/></w:pPr>',
            based_on=NORMAL,
        ),
        style_element(
            "paragraph", ATTACHMENT_LABEL, "附件标注",
            f'<w:next w:val="{ATTACHMENT_TITLE}"/><w:pPr><w:keepNext/><w:pageBreakBefore/>{flush}</w:pPr>' + run_properties(HEITI),
            based_on=NORMAL,
        ),
        # The title on the third line (§7.3.7): one empty line above it.
        style_element(
            "paragraph", ATTACHMENT_TITLE, "附件标题",
            f'<w:next w:val="{NORMAL}"/><w:pPr><w:keepNext/><w:spacing w:before="{LINE_PITCH}" w:after="{LINE_PITCH}" {exact}/></w:pPr>',
            based_on=TITLE,
        ),
        style_element(
            "paragraph", COPY_TO, "抄送",
            f'<w:pPr><w:ind w:left="{SMALL_CHAR + 3 * SMALL_CHAR}" w:right="{SMALL_CHAR}" w:hanging="{3 * SMALL_CHAR}"/>'
            f'<w:jc w:val="left"/></w:pPr>' + small,
            based_on=NORMAL,
        ),
        style_element(
            "paragraph", IMPRINT, "印发机关和印发日期",
            f'<w:pPr><w:tabs><w:tab w:val="right" w:pos="{TYPE_WIDTH - SMALL_CHAR}"/></w:tabs>'
            f'<w:ind w:left="{SMALL_CHAR}" w:right="{SMALL_CHAR}" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>' + small,
            based_on=NORMAL,
        ),
        style_element("paragraph", IMPRINT_PAGE, "版记页", "<w:pPr><w:pageBreakBefore/></w:pPr>", based_on=NORMAL),
    ]
