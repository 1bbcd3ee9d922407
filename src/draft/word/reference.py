"""The reference package: every part of a report that does not depend on its text, made once with python-docx.

A build does not open python-docx's default template (a 430 KB styles part and a
430 KB stylesWithEffects part that we replace or drop) and does not set up the
page, the footers and the settings again for every report. :func:`make` does that
once, through python-docx's document API, and the result is shipped as
``reference.docx`` beside this module. A build (:mod:`draft.word.writer`) takes its
parts as they are (:mod:`draft.word.package`) and writes the four that depend on the
report: the body, the style sheet (the 落款 indents depend on its text), the core
properties and the custom properties.

After changing anything here (page geometry, footers, settings, fonts), regenerate it::

    python -m draft.word.reference

``tests/test_golden.py`` checks that the shipped file is what :func:`make` makes now.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.shared import Twips

from draft.files import safe_write
from draft.word import oxml, properties, styles
from draft.word.package import REFERENCE as PATH
from draft.word.page import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH

HEADER_DISTANCE = 851
#: Puts the page number's 一字线 about 7 mm below the type area (spec §1, measured in LibreOffice).
FOOTER_DISTANCE = 1440

#: 4号 page numbers between 一字线 (GB/T 9704 §7.5): "— 1 —".
PAGE_NUMBER_BEFORE, PAGE_NUMBER_AFTER = "— ", " —"


def make() -> bytes:
    """The reference package: python-docx's default document set up for GB/T 9704, with an empty body."""
    word = docx.Document()
    _install_styles(word)
    _set_up_page(word)
    _drop_unused_parts(word)
    # Its content is the writer's, for each report; here it makes the content types and relationships complete.
    _add_custom_properties(word)
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _add_custom_properties(word: WordDocument) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = word.part.package
    blob = properties.custom_properties("")
    part = Part(PackURI("/" + properties.CUSTOM_XML), properties.CUSTOM_CONTENT_TYPE, blob, package)
    package.relate_to(part, properties.CUSTOM_RELATIONSHIP)


def _install_styles(word: WordDocument) -> None:
    part = word.part
    _ = part.styles.element  # make python-docx load the part before we replace its content
    # The writer replaces this style sheet with the report's own (the 落款 indents depend on its text).
    part._styles_part._element = parse_xml(styles.style_sheet().encode())
    font_table = next(rel.target_part for rel in part.rels.values() if rel.reltype.endswith("/fontTable"))
    font_table._blob = styles.font_table().encode()  # a plain Part to python-docx: its content is bytes
    # The template's 430 KB stylesWithEffects part is Word 2010 clutter no reader needs.
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)


#: Parts of python-docx's default template that a report neither uses nor should carry, by the end of their
#: relationship type: a blank page as the preview file browsers show (thumbnail), properties saying "Microsoft
#: Macintosh Word" wrote it from Normal.dotm, 1 page and 0 words (extended-properties, app.xml), list
#: definitions no paragraph uses (numbering), a bibliography store (customXml) and web-page options (webSettings).
_UNUSED_PARTS = {"thumbnail", "extended-properties", "numbering", "customXml", "webSettings"}


def _drop_unused_parts(word: WordDocument) -> None:
    """Unlink the unused parts; a part nothing relates to is not saved."""
    for rels in (word.part.package.rels, word.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in _UNUSED_PARTS:
                del rels[rel_id]


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
    oxml.complete_zoom(settings.element)
    for footer, style_id in ((section.footer, styles.PAGE_NUMBER_ODD), (section.even_page_footer, styles.PAGE_NUMBER_EVEN)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        p.style = style_id
        oxml.page_number_runs(p, PAGE_NUMBER_BEFORE, PAGE_NUMBER_AFTER)


def main() -> None:
    safe_write.replace(PATH, make())  # as every file draft writes: whole or not at all
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
