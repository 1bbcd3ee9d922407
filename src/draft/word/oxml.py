"""The raw WordprocessingML the reference package needs that python-docx has no API for.

Kept in one place, as named helpers, so the reference package (:mod:`draft.word.reference`)
reads as "what", not "which element": page numbers as a PAGE field, the document grid
and the Chinese theme language. (Body paragraphs are written as text by the writer.)
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement

from draft.word.styles import LINE_PITCH


def page_number_runs(p: CT_P, before: str, after: str) -> None:
    """Append ``before`` PAGE ``after`` to ``p``; a field, so Word renumbers after every edit."""
    p.add_r().text = before
    for kind in ("begin", None, "separate", "end"):
        r = p.add_r()
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r.append(char)
        if kind == "separate":
            p.add_r().text = "1"  # shown until the field is updated
    p.add_r().text = after


def set_line_grid(sect_pr: BaseOxmlElement) -> None:
    """The 22-lines-a-page grid (GB/T 9704 §5.2.3); characters are fitted by spacing, not a char grid."""
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def complete_zoom(settings: BaseOxmlElement) -> None:
    """Give python-docx's ``<w:zoom w:val="bestFit"/>`` the ``w:percent`` ISO/IEC 29500 requires of every zoom.

    Word opens the part without it, a reader that checks the schema does not. While ``w:val`` says
    bestFit, Word fits the page to the window and ignores the percent, so the view stays as it was.
    """
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def set_chinese_theme_language(settings: BaseOxmlElement) -> None:
    """python-docx's template says Japanese; Chinese makes Word pick Chinese fonts and line breaking."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
