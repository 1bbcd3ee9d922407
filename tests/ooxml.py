"""Validate a WordprocessingML part against the OOXML schemas (ISO/IEC 29500-4, transitional), as Word reads it.

The schemas are not part of the repository; the tests that use them look for them beside it
(``../shared/ooxml-schemas``) or where ``DRAFT_OOXML_SCHEMAS`` says, and are skipped without them.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO

SCHEMAS = Path(os.environ.get("DRAFT_OOXML_SCHEMAS", REPO.parent / "shared" / "ooxml-schemas"))
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "ISO-IEC29500-4_2016" / "wml.xsd")))


def schema_errors(xml: bytes) -> list[str]:
    """What the schema finds wrong in a part, after dropping what ``mc:Ignorable`` lets Word skip."""
    if not (SCHEMAS / "ISO-IEC29500-4_2016" / "wml.xsd").is_file():
        pytest.skip("the OOXML schemas are not beside the repository (set DRAFT_OOXML_SCHEMAS)")
    root = etree.fromstring(xml)
    ignorable = {root.nsmap[prefix] for prefix in (root.get(f"{{{MC}}}Ignorable") or "").split()}
    for element in list(root.iter()):
        if isinstance(element.tag, str) and etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable | {MC}:
                del element.attrib[name]
    schema = _schema()
    schema.validate(root)
    return [f"{error.line}: {error.message}" for error in schema.error_log]
