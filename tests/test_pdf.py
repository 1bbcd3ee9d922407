"""The examples as an office suite lays them out: LibreOffice → PDF, measured with poppler.

.ci/run installs libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils. On a
developer machine without them these tests are skipped; under CI they must run.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import INPUTS, REPO
from draft.build import build_form
from draft.wording import Wording

TOOLS = ("soffice", "pdfinfo", "pdftotext")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)} (LibreOffice, poppler-utils)", allow_module_level=True)

FORMS = sorted(INPUTS.glob("*.yaml"))
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each example built to .docx and converted to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("pdf")
    docs = [build_form(form, folder, Wording()).output for form in FORMS]
    env = {**os.environ, "FONTCONFIG_FILE": str(REPO / "tests" / "fontconfig" / "fonts.conf")}
    profile = (folder / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(d) for d in docs],
        check=True, capture_output=True, timeout=300, env=env,
    )
    return {d.stem: (d, d.with_suffix(".pdf")) for d in docs}


def pdf_text(pdf: Path, *pages: int, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run(args + [str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.mark.parametrize("name", [f.stem for f in FORMS])
def test_every_page_is_a4(converted, name: str) -> None:
    _, pdf = converted[name]
    count = page_count(pdf)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == count
    for width, height in sizes:
        assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1


@pytest.mark.parametrize("name", [f.stem for f in FORMS])
def test_page_count_fits_22_lines_of_28_characters(converted, name: str) -> None:
    source, pdf = converted[name]
    lines = 3  # the title's two lines and the empty line below it
    for paragraph in docx.Document(str(source)).paragraphs[1:]:
        width = sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in paragraph.text) + 2  # + the first-line indent
        lines += math.ceil(width / CHARS_PER_LINE)
    expected = lines / LINES_PER_PAGE
    assert expected - 0.5 <= page_count(pdf) <= expected + 1.5


def footer_half(pdf: Path, page: int, right: bool) -> str:
    """The text in the left or right half of the footer band (below the type area) of one page."""
    x = "298" if right else "0"
    region = ["-x", x, "-y", "760", "-W", "297", "-H", "82"]
    args = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page)] + region + [str(pdf), "-"]
    return "".join(subprocess.run(args, check=True, capture_output=True, text=True).stdout.split())


@pytest.mark.parametrize("name", [f.stem for f in FORMS])
def test_page_numbers_stand_right_on_odd_pages_and_left_on_even(converted, name: str) -> None:
    _, pdf = converted[name]
    assert footer_half(pdf, 1, right=True) == "—1—"
    assert footer_half(pdf, 1, right=False) == ""
    assert footer_half(pdf, 2, right=False) == "—2—"
    assert footer_half(pdf, 2, right=True) == ""


@pytest.mark.parametrize("name", [f.stem for f in FORMS])
def test_a_full_page_has_22_lines(converted, name: str) -> None:
    _, pdf = converted[name]
    lines = [line for line in pdf_text(pdf, 2, layout=True).splitlines() if line.strip()]
    assert len(lines) - 1 == LINES_PER_PAGE  # the last line is the page number


@pytest.mark.parametrize("name", [f.stem for f in FORMS])
def test_headings_appear_in_order(converted, name: str) -> None:
    source, pdf = converted[name]
    text = "".join(pdf_text(pdf).split())
    position = 0
    for paragraph in docx.Document(str(source)).paragraphs:
        if paragraph.style.name.startswith("Heading") or paragraph.style.name == "Title":
            heading = "".join(paragraph.text.split())
            found = text.find(heading, position)
            assert found >= 0, heading
            position = found + len(heading)
