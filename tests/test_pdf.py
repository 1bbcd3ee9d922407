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
from typing import TypeVar

import docx
import pytest

from conftest import EXAMPLES
from draft.build import build_form
from draft.pdf import soffice
from draft.text.width import display_width

pytestmark = pytest.mark.needs_libreoffice
TOOLS = ("soffice", "pdfinfo", "pdftotext")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)} (LibreOffice, poppler-utils)", allow_module_level=True)

FORMS = sorted(EXAMPLES.glob("*.yaml"))
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each example built to .docx and converted to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("pdf")
    docs = [build_form(form, folder).output for form in FORMS]
    env = {**os.environ, "FONTCONFIG_FILE": str(soffice.FONTS)}
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
        width = display_width(paragraph.text) / 2 + 2  # in characters, + the first-line indent
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


# --- The 落款 never alone on the last page -----------------------------------------------

#: Enough one-line paragraphs to move the end of the body over more than a whole page.
BODY_LENGTHS = range(LINES_PER_PAGE + 2)
LONG_LAST = "依法行政工作持续推进，" * 8 + "取得明显成效。"  # three lines and more


def _ending_form(lines: int, closing: bool, long_last: bool) -> str:
    body = "".join(f"    第{i + 1}段依法行政工作持续推进取得成效。\n\n" for i in range(lines))
    last = LONG_LAST if long_last else "计划。"
    return (
        "unit: 示例区司法局\nyear: 2023\nmeasures:\n  text: |\n" + body + "    末段。\n"
        "shortcomings:\n  text: 不足。\nplans:\n  text: " + last + "\n"
        + ("closing: 特此报告\n" if closing else "") + "date: 2024-01-15\n"
    )


@pytest.fixture(scope="module")
def endings(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, bool, bool], Path]:
    """The same report at every body length, with and without 特此报告, converted in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("endings")
    cases = {}
    for lines in BODY_LENGTHS:
        for closing in (False, True):
            for long_last in (False, True):
                form = folder / f"r{lines:02d}{'c' if closing else ''}{'l' if long_last else ''}.yaml"
                form.write_text(_ending_form(lines, closing, long_last), encoding="utf-8")
                cases[lines, closing, long_last] = build_form(form, folder / "docx").output
    env = {**os.environ, "FONTCONFIG_FILE": str(soffice.FONTS)}
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder / "pdf")] + [str(d) for d in cases.values()],
        check=True, capture_output=True, timeout=600, env=env,
    )
    return {case: folder / "pdf" / docx_file.with_suffix(".pdf").name for case, docx_file in cases.items()}


#: 37 mm + 225 mm from the top of the page, in points.
TYPE_AREA_BOTTOM = (37 + 225) / 25.4 * 72


def line_tops(pdf: Path, page: int) -> list[float]:
    """The top of each text line of a page inside the type area (the page number is below it)."""
    args = ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    xml = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    tops = sorted({round(float(top), 1) for top in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"', xml)})
    return [top for top in tops if top < TYPE_AREA_BOTTOM]


def test_the_signature_and_date_never_stand_alone_on_the_last_page(endings) -> None:
    alone = []
    for (lines, closing, long_last), pdf in endings.items():
        last = page_count(pdf)
        body = [
            line for line in pdf_text(pdf, last).splitlines()
            if line.strip() and "".join(line.split()) not in ("示例区司法局", "2024年1月15日", "特此报告。", f"—{last}—")
        ]
        if last > 1 and not body:
            alone.append((lines, closing, long_last))
    assert alone == []
    # The lengths tried move the end of the body over a whole page, and onto a second one.
    assert {page_count(pdf) for pdf in endings.values()} == {1, 2}


def test_keeping_the_signature_with_the_body_keeps_the_lines_on_the_grid(endings) -> None:
    pitch = 579 / 20  # the exact line pitch of the body, in points
    for pdf in endings.values():
        for page in range(1, page_count(pdf) + 1):
            tops = line_tops(pdf, page)[1 if page == 1 else 0 :]  # the one-line title is set apart
            # Every line stands a whole number of line pitches below the page's first line.
            offsets = [(top - tops[0]) / pitch for top in tops]
            assert all(abs(offset - round(offset)) < 0.1 for offset in offsets), (pdf.name, page, offsets)
            assert len(tops) <= LINES_PER_PAGE


# --- A long last paragraph: the 落款 with body text, no short line starting a page (issue 21) ----------

#: The sentence the last paragraph repeats (20 characters): 33 lengths move its end over more than a page,
#: through every line of it, and leave every length of last line (2 characters: “设。” included).
SENTENCE = "我局坚持依法行政，持续推进法治政府建设。"
SENTENCES = range(20, 53)
ENDING_TEXTS = ("示例区司法局", "2024年1月15日", "特此报告。")


def _long_ending_form(sentences: int, closing: bool) -> str:
    return (
        "unit: 示例区司法局\nyear: 2023\nmeasures:\n  text: 我局坚持依法行政。\nshortcomings:\n  text: 学习还不够深入。\n"
        f"plans:\n  text: {SENTENCE * sentences}\n" + ("closing: true\n" if closing else "") + "date: 2024-01-15\n"
    )


Case = TypeVar("Case")


def _built_for_pdf(folder: Path, forms: dict[Case, str]) -> dict[Case, Path]:
    """Each form built for a PDF (the build lays its ending out, a LibreOffice run each), the .docx files
    converted in one run: the PDF of each case."""
    from draft.build import BuildOptions
    from draft.build.formats import DOCX, PDF

    cases = {}
    for number, (case, text) in enumerate(forms.items()):
        form = folder / f"f{number:02d}.yaml"
        form.write_text(text, encoding="utf-8")
        cases[case] = build_form(form, folder / "docx", BuildOptions(formats=(DOCX, PDF))).output
    env = {**os.environ, "FONTCONFIG_FILE": str(soffice.FONTS)}
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder / "pdf")] + [str(d) for d in cases.values()],
        check=True, capture_output=True, timeout=900, env=env,
    )
    return {case: folder / "pdf" / docx_file.with_suffix(".pdf").name for case, docx_file in cases.items()}


@pytest.fixture(scope="module")
def long_endings(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, bool], Path]:
    """Each length built for a PDF (the build lays its ending out), the .docx files converted in one run."""
    # Every length once, with and without 特此报告 in turn: each build lays its ending out in a LibreOffice run
    # of its own, and CI's time is bounded (the lengths of the last line are all met either way).
    forms = {(sentences, sentences % 2 == 1): _long_ending_form(sentences, sentences % 2 == 1) for sentences in SENTENCES}
    return _built_for_pdf(tmp_path_factory.mktemp("long-endings"), forms)


def page_texts(pdf: Path) -> list[list[str]]:
    """Each page's lines of text, spaces and the page number left out."""
    pages = pdf_text(pdf).split("\f")[:-1]
    return [[line for line in ("".join(raw.split()) for raw in page.splitlines()) if line and not line.startswith("—")] for page in pages]


def test_the_signature_never_stands_alone_after_a_long_last_paragraph(long_endings) -> None:
    alone = {case: pages[-1] for case, pdf in long_endings.items() if (pages := page_texts(pdf))[-1] and len(pages) > 1
             and all(line in ENDING_TEXTS for line in pages[-1])}
    assert alone == {}
    # The lengths tried end the body on every line of a page: with the 落款 alone, before, at 4 of them.
    assert {len(page_texts(pdf)) for pdf in long_endings.values()} >= {2, 3}


def test_no_page_starts_with_a_short_line(long_endings) -> None:
    short = {
        (case, number): lines[0]
        for case, pdf in long_endings.items()
        for number, lines in enumerate(page_texts(pdf)[1:], 2)
        if lines and lines[0] not in ENDING_TEXTS and display_width(lines[0]) / 2 < CHARS_PER_LINE / 4
    }
    assert short == {}


def test_the_body_s_text_is_printed_whole_around_the_moved_lines(long_endings) -> None:
    for (sentences, _), pdf in long_endings.items():
        text = "".join(line for page in page_texts(pdf) for line in page)
        assert SENTENCE * sentences in text


# --- A one-line last paragraph (plans as points): nothing to split, kept with the 落款 all the same --------

#: How many whole lines the first section's paragraph takes: the body's end walks down page 1 and onto page 2
#: (with the 落款 alone, before, at 12, 13 and 14 lines: the not-kept layout had no lines to move along).
FIRST_SECTION_LINES = range(3, 18)
PHRASE = "我局坚持依法行政推进法治建设"  # 14 characters, no punctuation to move a line break


def _points_ending_form(lines: int) -> str:
    paragraph = (PHRASE * 2 * lines)[: CHARS_PER_LINE * lines - 3] + "。"  # the indent takes 2
    return (
        f"unit: 示例区司法局\nyear: 2023\nmeasures:\n  text: {paragraph}\nshortcomings:\n  text: 学习还不够深入。\n"
        "plans:\n  points:\n    - 加强学习。\n    - 完善制度。\nclosing: true\ndate: 2024-01-15\n"
    )


@pytest.fixture(scope="module")
def point_endings(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    forms = {lines: _points_ending_form(lines) for lines in FIRST_SECTION_LINES}
    return _built_for_pdf(tmp_path_factory.mktemp("point-endings"), forms)


def test_the_signature_never_stands_alone_after_a_one_line_last_paragraph(point_endings) -> None:
    alone = {lines: pages[-1] for lines, pdf in point_endings.items() if len(pages := page_texts(pdf)) > 1
             and all(line in ENDING_TEXTS for line in pages[-1])}
    assert alone == {}
    assert {len(page_texts(pdf)) for pdf in point_endings.values()} == {1, 2}
