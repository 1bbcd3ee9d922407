"""The GB/T 9704 style sheet: every look in the report lives here, as a named Word style.

The numbers come from ``shared/spec/gbt9704.md`` (§1 and §3). Built-in styles
keep Word's internal names (``heading 1``, ``Title``, ``footer``) so that Word
and WPS show them under their localized names (标题 1, 标题, 页脚) and the
navigation pane and tables of contents work; our own styles have Chinese names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from draft.render.document import NO_SIGNATURE
from draft.word.xmltext import quoteattr

# --- measurements (twips unless said otherwise) -------------------------------------------
BODY_SIZE = 32  # half-points: 3号 = 16 pt
TITLE_SIZE = 44  # 2号 = 22 pt
PAGE_NUMBER_SIZE = 28  # 4号 = 14 pt
LINE_PITCH = 579  # the largest exact spacing that fits 22 lines into the 225 mm type area
CHAR = 320  # one 3号 character
PAGE_NUMBER_CHAR = 280  # one 4号 character: the page number stands one character in from the edge
#: −0.25 pt between characters: 28 characters of 16 pt then fit the 156 mm line (GB/T 9704 §5.2.3).
CHAR_SPACING = -5


class Fonts(NamedTuple):  # NamedTuple, not a dataclass: a dataclass costs a millisecond at import
    """A font for Latin text and digits, and one for Chinese (w:eastAsia)."""

    latin: str
    east_asian: str

    def xml(self) -> str:
        latin, east = quoteattr(self.latin), quoteattr(self.east_asian)
        # w:hint makes Word take the Chinese font for ambiguous marks such as “ ” — …
        return f'<w:rFonts w:ascii={latin} w:hAnsi={latin} w:cs={latin} w:eastAsia={east} w:hint="eastAsia"/>'


FANGSONG = Fonts("Times New Roman", "仿宋_GB2312")
HEITI = Fonts("Times New Roman", "黑体")
KAITI = Fonts("Times New Roman", "楷体_GB2312")
XIAOBIAOSONG = Fonts("方正小标宋简体", "方正小标宋简体")
SONGTI = Fonts("宋体", "宋体")

class FontEntry(NamedTuple):
    """A font-table entry: what Word needs to find the font, or a stand-in, on another machine.

    ``alternative`` is the stock Windows font that Word itself records in
    w:altName when it has to substitute (仿宋_GB2312 is not shipped since Vista,
    方正小标宋简体 never was); charset 86 marks a GB2312 font.
    """

    name: str
    alternative: str
    family: str = "modern"

    def xml(self) -> str:
        return (
            f"<w:font w:name={quoteattr(self.name)}><w:altName w:val={quoteattr(self.alternative)}/>"
            f'<w:charset w:val="86"/><w:family w:val="{self.family}"/><w:pitch w:val="variable"/></w:font>'
        )


FONT_TABLE = (
    FontEntry("仿宋_GB2312", "仿宋"),
    FontEntry("楷体_GB2312", "楷体"),
    FontEntry("黑体", "SimHei"),
    FontEntry("方正小标宋简体", "宋体", family="roman"),
    FontEntry("宋体", "SimSun", family="roman"),
)


def font_table() -> str:
    """word/fontTable.xml: the fonts the styles name, each with its stock stand-in."""
    latin = (
        '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
        '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + latin
        + "".join(entry.xml() for entry in FONT_TABLE)
        + "</w:fonts>"
    )


#: Style ids the writer refers to.
NORMAL = "Normal"
TITLE = "Title"
RECIPIENT = "Recipient"
#: The body paragraph right before the 结束语 or 落款, and the 结束语: each kept with what follows,
#: so that a page break never leaves the 落款 and 成文日期 alone on the last page (GB/T 9704 §7.3.5).
BODY_LAST = "BodyLast"
#: The last lines of the last body paragraph, set apart when a layout showed LibreOffice would leave the 落款
#: alone (:class:`draft.word.page.Ending`): they continue the paragraph (no indent) and are kept whole with
#: the 落款, which LibreOffice does for a paragraph that fits on a page.
BODY_TAIL = "BodyTail"
CLOSING = "Closing"
SIGNATURE = "Signature"
SIGNATURE_DATE = "SignatureDate"
PAGE_NUMBER_ODD = "PageNumberOdd"
PAGE_NUMBER_EVEN = "PageNumberEven"


def heading_style(level: int) -> str:
    return f"Heading{level}"


def heading_char_style(level: int) -> str:
    return f"Heading{level}Char"


class HeadingLook(NamedTuple):
    fonts: Fonts
    bold: bool


#: GB/T 9704 §7.3.3: 一、黑体；（一）楷体；1. 仿宋 (bold is common practice)；（1）仿宋.
HEADINGS: dict[int, HeadingLook] = {
    1: HeadingLook(HEITI, bold=False),
    2: HeadingLook(KAITI, bold=False),
    3: HeadingLook(FANGSONG, bold=True),
    4: HeadingLook(FANGSONG, bold=False),
}


def run_properties(
    fonts: Fonts, size: int = BODY_SIZE, bold: bool = False, spacing: int | None = None, color: str = "000000"
) -> str:
    bold_xml = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    spacing_xml = f'<w:spacing w:val="{spacing}"/>' if spacing is not None else ""
    return (
        f"<w:rPr>{fonts.xml()}{bold_xml}<w:color w:val=\"{color}\"/>{spacing_xml}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )


def style_element(kind: str, style_id: str, name: str, body: str, based_on: str | None = None, extra: str = "") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{extra}>'
        f"<w:name w:val={quoteattr(name)}/>{based}{body}</w:style>"
    )


def body_tail_style() -> str:
    """The style of :data:`BODY_TAIL`, in the sheet of a report whose ending a layout decided."""
    return style_element(
        "paragraph", BODY_TAIL, "正文末行", '<w:pPr><w:keepNext/><w:keepLines/><w:ind w:firstLine="0"/></w:pPr>', based_on=NORMAL
    )


def style_sheet(signature_indents: tuple[float, float] = NO_SIGNATURE, more: Sequence[str] = (), avoid_widows: bool = False) -> str:
    """word/styles.xml for one document (the 落款 indents, in characters, depend on its text); ``more``: styles
    only some reports use (the frame's, the tables'), so that a report without them has the sheet it always had.

    ``avoid_widows``: widow control on, where a layout showed a page would start with a paragraph's short last
    line (the page above it then has 21 lines); otherwise off, for strict 22 lines a page.
    """
    body_ppr = (
        f"<w:pPr><w:widowControl w:val=\"{int(avoid_widows)}\"/>"
        # No extra gap between Chinese and digits/Latin (GB/T 15835 writes 2023年 tight); the
        # 落款 indents and 28 characters a line assume it.
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
        f'<w:ind w:firstLine="{2 * CHAR}"/><w:jc w:val="both"/></w:pPr>'
    )
    flush = '<w:ind w:firstLine="0"/>'
    sig_right, date_right = (round(indent * CHAR) for indent in signature_indents)
    styles = [
        style_element("paragraph", NORMAL, "Normal", body_ppr + run_properties(FANGSONG, spacing=CHAR_SPACING), extra=' w:default="1"'),
        style_element(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>",
            extra=' w:default="1"',
        ),
        style_element(
            "paragraph",
            TITLE,
            "Title",
            f'<w:next w:val="{NORMAL}"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="{LINE_PITCH}" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
            f'{flush}<w:jc w:val="center"/></w:pPr>' + run_properties(XIAOBIAOSONG, size=TITLE_SIZE),
            based_on=NORMAL,
        ),
    ]
    for level, look in HEADINGS.items():
        styles.append(
            style_element(
                "paragraph",
                heading_style(level),
                f"heading {level}",
                f'<w:next w:val="{NORMAL}"/><w:link w:val="{heading_char_style(level)}"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
                + run_properties(look.fonts, bold=look.bold),
                based_on=NORMAL,
            )
        )
        styles.append(
            style_element(
                "character",
                heading_char_style(level),
                f"标题 {level} 字符",
                f'<w:link w:val="{heading_style(level)}"/>' + run_properties(look.fonts, bold=look.bold),
                based_on="DefaultParagraphFont",
            )
        )
    styles += [
        style_element("paragraph", RECIPIENT, "主送机关", f"<w:next w:val=\"{NORMAL}\"/><w:pPr>{flush}</w:pPr>", based_on=NORMAL),
        # Word then moves the paragraph's last line (widow control is off: 22 lines a page) onto the
        # 落款's page; LibreOffice moves the whole paragraph. Either way the lines stay on the grid.
        style_element("paragraph", BODY_LAST, "正文末段", "<w:pPr><w:keepNext/></w:pPr>", based_on=NORMAL),
        style_element("paragraph", CLOSING, "结束语", "<w:pPr><w:keepNext/></w:pPr>", based_on=NORMAL),
        style_element(
            "paragraph",
            SIGNATURE,
            "落款",
            f'<w:next w:val="{SIGNATURE_DATE}"/><w:pPr><w:keepNext/>'
            f'<w:spacing w:before="{LINE_PITCH}" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
            f'<w:ind w:right="{sig_right}" w:firstLine="0"/>'
            '<w:jc w:val="right"/></w:pPr>',
            based_on=NORMAL,
        ),
        style_element(
            "paragraph",
            SIGNATURE_DATE,
            "成文日期",
            f'<w:pPr><w:ind w:right="{date_right}" w:firstLine="0"/><w:jc w:val="right"/></w:pPr>',
            based_on=NORMAL,
        ),
        style_element(
            "paragraph",
            "Footer",
            "footer",
            '<w:pPr><w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="0" w:line="{PAGE_NUMBER_CHAR}" w:lineRule="exact"/>{flush}</w:pPr>'
            + run_properties(SONGTI, size=PAGE_NUMBER_SIZE),
            based_on=NORMAL,
        ),
        # GB/T 9704 §7.5: odd pages' numbers stand right, even pages' left, one character in.
        style_element(
            "paragraph",
            PAGE_NUMBER_ODD,
            "页码（单页）",
            f'<w:pPr><w:ind w:right="{PAGE_NUMBER_CHAR}" w:firstLine="0"/><w:jc w:val="right"/></w:pPr>',
            based_on="Footer",
        ),
        style_element(
            "paragraph",
            PAGE_NUMBER_EVEN,
            "页码（双页）",
            f'<w:pPr><w:ind w:left="{PAGE_NUMBER_CHAR}" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>',
            based_on="Footer",
        ),
    ]
    styles += more
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"{FANGSONG.xml()}<w:sz w:val=\"{BODY_SIZE}\"/><w:szCs w:val=\"{BODY_SIZE}\"/>"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + doc_defaults
        + "".join(styles)
        + "</w:styles>"
    )
