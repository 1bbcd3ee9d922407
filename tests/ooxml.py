"""Validate a part of a .docx against the OOXML schemas (ISO/IEC 29500-4, transitional), as Word reads it.

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
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


#: The schema of each kind of part, by the namespace of its root element. Not here: the core properties
#: (docProps/core.xml), whose schema imports Dublin Core's, which are not among the shared schemas.
SCHEMA_FILES = {
    W: "ISO-IEC29500-4_2016/wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "ISO-IEC29500-4_2016/dml-main.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": "ecma/fouth-edition/opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": "ecma/fouth-edition/opc-relationships.xsd",
}


@cache
def _schema(file: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / file)))


def schema_errors(xml: bytes) -> list[str]:
    """What the schema of the part's kind finds wrong in it, after dropping what ``mc:Ignorable`` lets Word skip."""
    if not (SCHEMAS / SCHEMA_FILES[W]).is_file():
        pytest.skip("the OOXML schemas are not beside the repository (set DRAFT_OOXML_SCHEMAS)")
    root = etree.fromstring(xml)
    file = SCHEMA_FILES[etree.QName(root).namespace]
    ignorable = {root.nsmap[prefix] for prefix in (root.get(f"{{{MC}}}Ignorable") or "").split()}
    for element in list(root.iter()):
        if isinstance(element.tag, str) and etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable | {MC}:
                del element.attrib[name]
    schema = _schema(file)
    schema.validate(root)
    return [f"{error.line}: {error.message}" for error in schema.error_log]
