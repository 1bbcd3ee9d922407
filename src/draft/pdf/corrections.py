"""Two faults of LibreOffice's PDF, corrected: one in the copy it typesets, one in the file it writes.

**Marks lost at a justified line's end.** LibreOffice (7.4 at least) loses a 。，、； that falls at
the end of a full justified line of Chinese: the mark is pushed past the line's end and never
painted, so the published PDF would read 改革 where the report says 改革。. The copy it typesets
has its body paragraphs aligned left instead (:func:`aligned_left`): the same lines break at the
same places and every mark is painted. Body lines hold exactly 28 characters, so only a line with
Latin letters or digits in it (LibreOffice spaces them from the Chinese) ends a little short of
the margin. The .docx the user keeps is not changed: Word and WPS justify it as GB/T 9704 expects.

**The document's language.** LibreOffice writes the document's Western language (the .docx says
en-US for Latin text, as Word does) as the catalog's ``/Lang``, although every paragraph is tagged
zh-CN; screen readers and PDF/A checkers read the catalog. The two codes are equally long, so the
catalog is corrected in place (:func:`in_chinese`): no byte moves, the cross-reference table stays
right and the file stays PDF/A.
"""

from __future__ import annotations

import re

STYLES = "word/styles.xml"
_JUSTIFIED = b'<w:jc w:val="both"/>'
_LEFT = b'<w:jc w:val="left"/>'

_CATALOG_LANG = re.compile(rb"(<<\s*/Type\s*/Catalog\b(?:(?!>>\s*endobj).)*?/Lang\s*\()en-US(\))", re.S)


def aligned_left(docx: bytes) -> bytes:
    """``docx`` with every justified style aligned left instead; the other parts as they were."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            data = source.read(member)
            copy.writestr(member.filename, data.replace(_JUSTIFIED, _LEFT) if member.filename == STYLES else data)
    return out.getvalue()


def in_chinese(pdf: bytes) -> bytes:
    """``pdf`` with its catalog's language zh-CN (unchanged if it states none, or another)."""
    return _CATALOG_LANG.sub(rb"\1zh-CN\2", pdf, count=1)
