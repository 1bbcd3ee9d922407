"""Blocks → .docx in GB/T 9704 format, through python-docx.

Every paragraph gets a named paragraph style and every run-in title a named
character style; no run carries direct formatting, so a user who changes a
style in Word changes every paragraph that uses it.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.shared import Twips

from draft import __version__
from draft.blocks import Block, Document, Role
from draft.word import fingerprint, oxml, styles

#: GB/T 9704 §5: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm (values in twips).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
HEADER_DISTANCE = 851
#: Puts the page number's 一字线 about 7 mm below the type area (spec §1, measured in LibreOffice).
FOOTER_DISTANCE = 1440

_ROLE_STYLES = {
    Role.TITLE: styles.TITLE,
    Role.RECIPIENT: styles.RECIPIENT,
    Role.BODY: styles.NORMAL,
    Role.CLOSING: styles.NORMAL,
    Role.SIGNATURE: styles.SIGNATURE,
    Role.DATE: styles.SIGNATURE_DATE,
}

#: 4号 page numbers between 一字线 (GB/T 9704 §7.5): "— 1 —".
PAGE_NUMBER_BEFORE, PAGE_NUMBER_AFTER = "— ", " —"


def style_of(block: Block) -> str:
    if block.role is Role.HEADING:
        return styles.heading_style(block.level)
    return _ROLE_STYLES[block.role]


def to_docx(document: Document) -> WordDocument:
    """The python-docx document for ``document``."""
    word = docx.Document()
    _install_styles(word, document)
    _set_up_page(word)
    body = word.element.body
    sect_pr = body.sectPr
    for block in document.blocks:
        runs = [
            (span.text, styles.heading_char_style(span.heading_level) if span.heading_level else None)
            for span in block.spans
        ]
        sect_pr.addprevious(oxml.paragraph(style_of(block), runs))
    _set_properties(word, document)
    return word


def to_bytes(document: Document, source: str = "") -> bytes:
    """The .docx file's bytes, fingerprinted so a later build can tell whether a user edited it."""
    word = to_docx(document)
    fingerprint.stamp(word, {"draft-version": __version__, "draft-source": source})
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _install_styles(word: WordDocument, document: Document) -> None:
    signature = next((b.text for b in document.blocks if b.role is Role.SIGNATURE), "")
    date = next((b.text for b in document.blocks if b.role is Role.DATE), "")
    part = word.part
    part.styles.element  # make python-docx load the part before we replace its content
    part._styles_part._element = parse_xml(styles.style_sheet(signature, date).encode())
    font_table = next(rel.target_part for rel in part.rels.values() if rel.reltype.endswith("/fontTable"))
    font_table._blob = styles.font_table().encode()  # a plain Part to python-docx: its content is bytes
    # The template's 430 KB stylesWithEffects part is Word 2010 clutter no reader needs.
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


def _set_up_page(word: WordDocument) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    oxml.set_line_grid(section._sectPr)
    settings = word.settings
    settings.odd_and_even_pages_header_footer = True
    oxml.set_chinese_theme_language(settings.element)
    for footer, style_id in ((section.footer, styles.PAGE_NUMBER_ODD), (section.even_page_footer, styles.PAGE_NUMBER_EVEN)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        p.style = style_id
        oxml.page_number_runs(p, PAGE_NUMBER_BEFORE, PAGE_NUMBER_AFTER)


def _set_properties(word: WordDocument, document: Document) -> None:
    props = word.core_properties
    props.title = document.title.replace("\n", "")
    props.author = document.author
    props.last_modified_by = document.author
    props.comments = f"由 draft {__version__} 生成（GB/T 9704-2012 格式）"
    props.subject = "法治政府建设年度报告"
    props.keywords = "法治政府建设年度报告"
    props.revision = 1
