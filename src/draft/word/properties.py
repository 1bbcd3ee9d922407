"""A report's core properties (docProps/core.xml, Word's 文件 → 属性): title, author, a note that
draft made it, dated now.

Written as python-docx's core-properties part writes them (the reference package was made
by python-docx: same namespaces, same element order), filled in directly as text, which
spares a build the import of python-docx and lxml.
"""

from __future__ import annotations

import datetime

from draft import __version__
from draft.render.document import Document
from draft.word.xmltext import escape

_CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>"
    "<cp:keywords>{subject}</cp:keywords><dc:description>{comments}</dc:description>"
    "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
    "<cp:category/></cp:coreProperties>"
)
#: Word's 文件 → 属性 holds at most 255 characters in each of these fields (python-docx
#: refuses more); a longer title is cut there. The report itself keeps every character.
_FIELD_MAX = 255


def core_properties(document: Document) -> bytes:
    """docProps/core.xml: title, author (the unit), a note that draft made it, dated now."""

    def field(value: str) -> str:
        return escape(value[:_FIELD_MAX])

    # The reference package carries python-docx's template date (2013); a report is made now.
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _CORE_XML.format(
        title=field(document.title.replace("\n", "")),
        subject="法治政府建设年度报告",
        author=field(document.author),
        comments=f"由 draft {__version__} 生成（GB/T 9704-2012 格式）",
        now=now,
    ).encode()
