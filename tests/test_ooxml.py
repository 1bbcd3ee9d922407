"""Every part draft writes validates against the ISO/IEC 29500 transitional schemas.

Word refuses a part that breaks the schema where LibreOffice forgives it, so each kind of report
is checked: both examples, the form that uses every body feature, the 公文 frame (one issuer and
joint issuers, with attachments and the 版记) and a 政府信息公开工作年度报告 with its tables.
Left out: the core properties, whose Dublin Core schemas are not among the shared ones (tests/ooxml.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES
from draft.build import build_form
from ooxml import schema_errors

FIXTURES = Path(__file__).parent / "fixtures"
FORMS = {
    "luohu-2022": EXAMPLES / "luohu-2022.yaml",
    "zhonglou-2023": EXAMPLES / "zhonglou-2023.yaml",
    "features": FIXTURES / "golden" / "features.yaml",
    "frame": FIXTURES / "frame" / "full.yaml",
    "joint": FIXTURES / "frame" / "joint.yaml",
    "huaian-2024": FIXTURES / "zwgk" / "huaian-2024.yaml",
}
#: The one part no shared schema covers (see above).
UNCHECKED = "docProps/core.xml"


@pytest.mark.parametrize("name", FORMS)
def test_every_part_validates(name: str, tmp_path: Path) -> None:
    docx = zipfile.ZipFile(build_form(FORMS[name], tmp_path).output)
    parts = [part for part in docx.namelist() if part != UNCHECKED]
    assert {"word/document.xml", "word/settings.xml", "[Content_Types].xml"} <= set(parts)
    assert any(part.startswith("word/footer") for part in parts)
    for part in parts:
        assert schema_errors(docx.read(part)) == [], part
