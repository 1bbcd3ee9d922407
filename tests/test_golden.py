"""The .docx a build writes, part by part, against stored expected XML: speed work must not change the output.

Each part is compared in a canonical, pretty-printed form (C14N: namespace declarations and
attributes in a fixed order; the entries of [Content_Types].xml and of relationship files sorted),
so byte-level changes that keep the XML the same pass, and a real change shows as a readable diff.
docProps/core.xml is compared without its dates (that the file's seal holds is checked separately).
Every other member of
the package is listed in ``manifest.txt`` with a digest of its canonical form.

After an intended change of the output, regenerate the expected files and review the diff::

    DRAFT_REGOLD=1 .venv/bin/pytest tests/test_golden.py
    git diff tests/fixtures/golden/
"""

from __future__ import annotations

import difflib
import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXAMPLES
from draft.build import build_form
from draft.build.formats import DOCX
from draft.build.protect import OutputState

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
REGOLD = bool(os.environ.get("DRAFT_REGOLD"))

CASES = {
    "luohu-2022": EXAMPLES / "luohu-2022.yaml",
    "zhonglou-2023": EXAMPLES / "zhonglou-2023.yaml",
    "features": GOLDEN / "features.yaml",
}

#: Members stored in full, as canonical XML text.
STORED = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/custom.xml",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/footer1.xml",
    "word/footer2.xml",
)

_DATES = {
    "{http://purl.org/dc/terms/}created",
    "{http://purl.org/dc/terms/}modified",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted",
}


def canonical(name: str, blob: bytes) -> str:
    """A part's XML in canonical, indented form (see the module's docstring)."""
    root = etree.fromstring(blob, etree.XMLParser(remove_blank_text=True))
    if name == "[Content_Types].xml":
        root[:] = sorted(root, key=lambda e: (etree.QName(e).localname, e.get("Extension") or e.get("PartName")))
    elif name.endswith(".rels"):
        root[:] = sorted(root, key=lambda e: (e.get("Id"), e.get("Target")))
    elif name == "docProps/core.xml":
        for element in root:
            if element.tag in _DATES:
                element.text = "(date)"
    c14n = etree.tostring(root, method="c14n")
    return etree.tostring(etree.fromstring(c14n, etree.XMLParser(remove_blank_text=True)), pretty_print=True, encoding="unicode")


def manifest(archive: zipfile.ZipFile) -> str:
    """Every member of the package: stored ones by name, the others with a digest of their content."""
    lines = []
    for name in sorted(archive.namelist()):
        blob = archive.read(name)
        if name in STORED:
            lines.append(f"{name}  (stored)")
            continue
        if name.endswith((".xml", ".rels")):
            blob = canonical(name, blob).encode()
        lines.append(f"{name}  sha256:{hashlib.sha256(blob).hexdigest()[:16]}")
    return "\n".join(lines) + "\n"


def expected_texts(archive: zipfile.ZipFile) -> dict[str, str]:
    texts = {"manifest.txt": manifest(archive)}
    for name in STORED:
        texts[name] = canonical(name, archive.read(name))
    return texts


def diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), f"expected/{name}", f"built/{name}", lineterm="", n=2
    )
    return "\n".join(list(lines)[:80])


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_output_equals_the_stored_xml(case: str, tmp_path: Path) -> None:
    built = build_form(CASES[case], tmp_path)
    assert DOCX.state(built.output) is OutputState.UNCHANGED
    with zipfile.ZipFile(built.output) as archive:
        assert archive.testzip() is None  # every member's CRC checks out
        texts = expected_texts(archive)
    folder = GOLDEN / case
    if REGOLD:
        for name, text in texts.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    differences = []
    for name, text in texts.items():
        stored = folder / name
        assert stored.is_file(), f"{stored} is missing: run DRAFT_REGOLD=1 pytest tests/test_golden.py"
        expected = stored.read_text(encoding="utf-8")
        if expected != text:
            differences.append(diff(expected, text, name))
    assert not differences, "the built .docx differs from tests/fixtures/golden/" + case + ":\n" + "\n".join(differences)


def test_the_shipped_reference_package_is_what_the_code_makes_now() -> None:
    """src/draft/word/reference.docx is made by draft.word.reference; regenerate it with
    ``python -m draft.word.reference`` after changing the page set-up, footers, settings or fonts."""
    from io import BytesIO

    from draft.word import reference

    with zipfile.ZipFile(BytesIO(reference.make())) as fresh, zipfile.ZipFile(reference.PATH) as shipped:
        assert sorted(fresh.namelist()) == sorted(shipped.namelist())
        for name in fresh.namelist():
            want, got = fresh.read(name), shipped.read(name)
            if name.endswith((".xml", ".rels")):
                want, got = canonical(name, want), canonical(name, got)
            assert got == want, f"{name} in {reference.PATH} is out of date: run python -m draft.word.reference"
