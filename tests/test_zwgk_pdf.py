"""The tables as LibreOffice lays them out: every figure on the page, nothing past the GB/T 9704 type area.

Needs LibreOffice and poppler (as tests/test_pdf.py); skipped without them outside CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO
from draft.build import build_form
from draft.pdf import soffice
from zwgk_sources import SOURCES, Source
from zwgk_tables import figures_printed, read_tables

pytestmark = pytest.mark.needs_libreoffice
missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)} (LibreOffice, poppler-utils)", allow_module_level=True)

FIXTURES = REPO / "tests" / "fixtures" / "zwgk"
#: The type area in points: 28 mm from the left edge, 156 mm wide; 37 mm from the top, 225 mm high.
LEFT, RIGHT = 1587 / 20, (1587 + 8845) / 20
TOP, BOTTOM = 2098 / 20, 841.9 - 1984 / 20
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE_NUMBER = re.compile(r"^(?:—|\d{1,2})$")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The three real reports built to .docx and converted to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("zwgk-pdf")
    docs = [build_form(FIXTURES / f"{source.name}.yaml", folder).output for source in SOURCES]
    converted = soffice.convert(docs, folder)
    return {docx.stem: (docx, converted[docx]) for docx in docs}


def words(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in _WORD.findall(xml)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_every_figure_of_the_tables_is_on_the_page(pdfs, source: Source) -> None:
    docx, pdf = pdfs[source.name]
    printed = figures_printed(read_tables(docx))
    cells = [*(c for row in printed.proactive for c in row), *(str(n) for row in printed.applications.values() for n in row),
             *map(str, printed.appeals)]
    on_page = Counter(text for *_, text in words(pdf))
    assert Counter(cells) - on_page == Counter()


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_nothing_spills_past_the_type_area(pdfs, source: Source) -> None:
    _, pdf = pdfs[source.name]
    for x_min, y_min, x_max, y_max, text in words(pdf):
        assert LEFT - 1 <= x_min and x_max <= RIGHT + 1, (text, x_min, x_max)
        if not _PAGE_NUMBER.match(text):  # the page number stands in the footer, below the type area
            assert TOP - 1 <= y_min and y_max <= BOTTOM + 1, (text, y_min, y_max)
