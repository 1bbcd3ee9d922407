"""The copy of a report LibreOffice typesets for the PDF: body paragraphs aligned left, not justified.

LibreOffice (7.4 at least) loses a 。，、； that falls at the end of a full justified line of
Chinese: the mark is pushed past the line's end and never painted, so the published PDF would
read 改革 where the report says 改革。. Aligned left, the same lines break at the same places
and every mark is painted. Body lines hold exactly 28 characters, so only a line with Latin
letters or digits in it (LibreOffice spaces them from the Chinese) ends a little short of the
margin. The .docx the user keeps is not changed: Word and WPS justify it as GB/T 9704 expects.
"""

from __future__ import annotations

import io
import zipfile

STYLES = "word/styles.xml"
_JUSTIFIED = b'<w:jc w:val="both"/>'
_LEFT = b'<w:jc w:val="left"/>'


def aligned_left(docx: bytes) -> bytes:
    """``docx`` with every justified style aligned left instead; the other parts as they were."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            data = source.read(member)
            copy.writestr(member.filename, data.replace(_JUSTIFIED, _LEFT) if member.filename == STYLES else data)
    return out.getvalue()
