"""The PDF's document language: Chinese, for screen readers and PDF/A checkers.

LibreOffice writes the document's Western language (the .docx says en-US for Latin text, as
Word does) as the catalog's ``/Lang``, although every paragraph is tagged zh-CN. The two codes
are equally long, so the catalog is corrected in place: no byte moves, the cross-reference
table stays right and the file stays PDF/A.
"""

from __future__ import annotations

import re

_CATALOG_LANG = re.compile(rb"(<<\s*/Type\s*/Catalog\b(?:(?!>>\s*endobj).)*?/Lang\s*\()en-US(\))", re.S)


def in_chinese(pdf: bytes) -> bytes:
    """``pdf`` with its catalog's language zh-CN (unchanged if it states none, or another)."""
    return _CATALOG_LANG.sub(rb"\1zh-CN\2", pdf, count=1)
