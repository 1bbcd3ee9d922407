"""A report's properties: the core ones (docProps/core.xml, Word's 文件 → 属性): title, author, a note
that draft made it, dated now; and the custom ones (docProps/custom.xml, 属性 → 自定义): which draft
made it from which form. Word and WPS keep both when they save a report, which is how an edited
report is told from a stranger's file (:mod:`draft.build.protect`).

Written as python-docx's core-properties part writes them (the reference package was made
by python-docx: same namespaces, same element order), filled in directly as text, which
spares a build the import of python-docx and lxml.
"""

from __future__ import annotations

import datetime

from draft.render.document import Document
from draft.version import __version__
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


CUSTOM_XML = "docProps/custom.xml"
CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property carries (ECMA-376 Part 1, §22.3).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties(source: str) -> bytes:
    """docProps/custom.xml: the draft version that made the report and the form it was made from."""
    entries = {"draft-version": __version__, "draft-source": source}
    xml = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(entries.items(), start=2)  # pids 0 and 1 are reserved
    )
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{declaration}<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT}">{xml}</Properties>'.encode()
