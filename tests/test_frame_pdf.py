"""The frame as LibreOffice lays it out (PDF measured with poppler, and a raster): where GB/T 9704 puts each rule.

The mark's top 35 mm below the type area, the red rule as wide as the type area 4 mm below the
发文字号, the 版记's last rule on the type area's bottom edge, on an even page, for bodies that end
anywhere over more than a page, with and without attachments. Like ``test_pdf.py``, these need
LibreOffice and poppler-utils (.ci/run installs them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ATTACHMENTS, REPO
from draft.build import BuildOptions, build_form, imprint_page

pytestmark = pytest.mark.needs_libreoffice
missing = [tool for tool in ("soffice", "pdfinfo", "pdftotext", "pdftoppm") if shutil.which(tool) is None]
if missing and not os.environ.get("CI"):
    pytest.skip(f"needs {', '.join(missing)} (LibreOffice, poppler-utils)", allow_module_level=True)

FONTS = str(REPO / "tests" / "fontconfig" / "fonts.conf")
MM = 72 / 25.4  # points per millimetre
TYPE_TOP, TYPE_BOTTOM, TYPE_LEFT, TYPE_RIGHT = 37, 262, 28, 184  # the type area, mm from the page's top and left
DPI = 100

HEAD = """\
unit: 青山县市场监督管理局
year: 2025
issuer_mark: 青山县市场监督管理局文件
doc_number: 青市监〔2026〕3号
signers: [张三, 李四, 王五]
cc: [县委办公室, 县政府办公室, 县人大常委会办公室, 县政协办公室, 县委全面依法治县委员会办公室]
printed_by: 青山县市场监督管理局办公室
printed_date: 2026-01-20
recipient: 县委全面依法治县委员会办公室
closing: true
date: 2026-01-15
shortcomings:
  text: 学习还不够深入。
plans:
  text: 继续加强学习。
"""


#: One-line paragraphs added to the body: the end of the body moves over more than a whole page.
BODY_LINES = range(0, 26)


def framed_form(lines: int, attachments: bool) -> str:
    body = "".join(f"    第{i + 1}段依法行政工作持续推进取得成效。\n\n" for i in range(lines))
    return HEAD + "measures:\n  text: |\n" + body + "    末段。\n" + (ATTACHMENTS if attachments else "")


def convert(folder: Path, documents: list[Path]) -> None:
    """``documents`` to PDF in ``folder``, in one LibreOffice run with the stand-in fonts."""
    env = {**os.environ, "FONTCONFIG_FILE": FONTS}
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder)] + [str(d) for d in documents],
        check=True, capture_output=True, timeout=900, env=env,
    )


@pytest.fixture(scope="module")
def framed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, bool], Path]:
    """Every body length, with and without attachments, built and converted.

    Each build lays its report out in LibreOffice to place the 版记 (draft.build.imprint_page); to keep
    this to two LibreOffice runs in all, the trial layouts of every report are made in one run
    and handed back to the builds, which then run for real.
    """
    folder = tmp_path_factory.mktemp("framed")
    forms = {}
    for lines in BODY_LINES:
        for attachments in (False, True):
            form = folder / f"r{lines:02d}{'a' if attachments else ''}.yaml"
            form.write_text(framed_form(lines, attachments), encoding="utf-8")
            forms[lines, attachments] = form
    trials: list[bytes] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imprint_page, "page_counts", lambda documents: trials.extend(documents) or [1, 1])
        for form in forms.values():
            build_form(form, folder / "trial")
    trial_files = []
    for index, blob in enumerate(trials):
        trial_files.append(folder / "trials" / f"{index:03d}.docx")
        trial_files[-1].parent.mkdir(exist_ok=True)
        trial_files[-1].write_bytes(blob)
    convert(folder / "trials", trial_files)
    counts = iter([page_count(path.with_suffix(".pdf")) for path in trial_files])
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imprint_page, "page_counts", lambda documents: [next(counts) for _ in documents])
        for case, form in forms.items():
            built[case] = build_form(form, folder / "docx", BuildOptions(force=True)).output
    convert(folder / "pdf", list(built.values()))
    return {case: folder / "pdf" / path.with_suffix(".pdf").name for case, path in built.items()}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """Each word of a page with its box (xMin, yMin, xMax, yMax) in millimetres."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)
    return [(text, *(float(v) / MM for v in box)) for *box, text in found]


class Raster:
    """One page as pixels (pdftoppm), its rows read as rules: "red" from a colour raster, "dark" from a grey one."""

    def __init__(self, pdf: Path, page: int, colour: str) -> None:
        grey = colour == "dark"
        data = subprocess.run(
            ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI)] + (["-gray"] if grey else []) + [str(pdf)],
            check=True, capture_output=True,
        ).stdout
        _, width, height, _ = data.split(maxsplit=4)[:4]
        self.width, self.height = int(width), int(height)
        pixels = data[len(data) - self.width * self.height * (1 if grey else 3) :]
        if grey:  # inked: 1, else 0, a byte a pixel
            self.inked = pixels.translate(bytes(int(v < 110) for v in range(256)))
        else:  # red: strong red, weak green (blue follows green in every red the mark and rule use)
            reds, greens = pixels[0::3].translate(bytes(int(v > 180) for v in range(256))), pixels[1::3]
            self.inked = bytes(r & (g < 90) for r, g in zip(reds, greens, strict=True))

    def _row(self, y: int) -> bytes:
        return self.inked[y * self.width : (y + 1) * self.width]

    def rules(self) -> list[tuple[float, float, float]]:
        """Rows more than half inked, as (y, x from, x to) in mm."""
        found = []
        for y in range(self.height):
            row = self._row(y)
            if row.count(1) > self.width / 2:
                found.append((y / DPI * 25.4, row.index(1) / DPI * 25.4, (row.rindex(1) + 1) / DPI * 25.4))
        return found

    def first_row(self) -> float:
        """The top of the first inked row, in mm."""
        return next(y for y in range(self.height) if 1 in self._row(y)) / DPI * 25.4


def runs(rows: list[tuple[float, float, float]]) -> list[list[tuple[float, float, float]]]:
    """Consecutive rows grouped into rules."""
    grouped: list[list[tuple[float, float, float]]] = []
    for row in rows:
        if grouped and row[0] - grouped[-1][-1][0] < 2 * 25.4 / DPI:
            grouped[-1].append(row)
        else:
            grouped.append([row])
    return grouped


def test_the_head_stands_where_the_standard_puts_it(framed) -> None:
    pdf = framed[0, False]
    red = Raster(pdf, 1, "red")
    # The mark: red, its top 35 mm below the type area's top (§7.2.4).
    assert abs(red.first_row() - (TYPE_TOP + 35)) <= 1
    mark = next(w for w in words(pdf, 1) if w[0] == "青山县市场监督管理局文件")
    assert abs((mark[1] + mark[3]) / 2 - (TYPE_LEFT + TYPE_RIGHT) / 2) <= 1  # centred
    # The red rule: as wide as the type area, 4 mm below the 发文字号 (§7.2.7).
    (rule,) = runs(red.rules())
    assert abs(rule[0][1] - TYPE_LEFT) <= 1 and abs(rule[0][2] - TYPE_RIGHT) <= 1
    number = [w for w in words(pdf, 1) if w[0].startswith("青市监")][0]
    assert abs(rule[0][0] - number[4] - 4) <= 1
    # 发文字号 居左空一字, 签发人 居右空一字 on the line of the last name, two lines below the mark (§7.2.5, §7.2.6).
    char = 156 / 28
    assert abs(number[1] - (TYPE_LEFT + char)) <= 1
    signer = next(w for w in words(pdf, 1) if w[0].startswith("签发人"))
    last = next(w for w in words(pdf, 1) if w[0] == "王五")
    assert abs(last[2] - number[2]) < 0.5 and signer[2] < number[2]
    assert abs(last[1] - signer[1] - 4 * char) <= 1.5  # the second line's name under the first name
    names_right = max(w[3] for w in words(pdf, 1) if w[0].startswith("签发人") or w[0] in ("李四", "王五"))
    assert TYPE_RIGHT - 2 * char <= names_right <= TYPE_RIGHT - 0.5 * char


def footer_number(pdf: Path, page: int) -> str:
    return "".join(w[0] for w in words(pdf, page) if w[2] > TYPE_BOTTOM + 2)


@pytest.mark.parametrize(
    ("attachments", "cases"),
    [
        (False, {"below the body", "alone", "after a blank page"}),
        # The short last attachment always leaves room on its page: below it, or alone on the next.
        (True, {"below the body", "alone"}),
    ],
)
def test_the_imprint_closes_an_even_last_page_at_the_foot_of_the_type_area(framed, attachments: bool, cases: set[str]) -> None:
    placements = set()
    for (lines, with_attachments), pdf in framed.items():
        if with_attachments != attachments:
            continue
        last = page_count(pdf)
        assert last % 2 == 0, (lines, last)
        rules = runs(Raster(pdf, last, "dark").rules())
        # Thick, thin, thick: the 版记's three rules, the type area's width; the last on its bottom edge.
        assert len(rules) == 3, (lines, rules)
        assert all(abs(r[0][1] - TYPE_LEFT) <= 1 and abs(r[0][2] - TYPE_RIGHT) <= 1 for r in rules)
        assert abs(rules[-1][-1][0] - TYPE_BOTTOM) <= 1, (lines, rules[-1][-1][0])
        # Nothing of the body runs into it.
        above = [w for w in words(pdf, last) if w[2] < rules[0][0][0] - 0.5]
        body = [w for w in above if w[4] > rules[0][0][0]]
        assert body == [], (lines, body)
        blank_before = not any(w for w in words(pdf, last - 1) if w[2] < TYPE_BOTTOM)
        if blank_before:
            # §7.5: the blank page and the 版记's page carry no page number.
            placements.add("after a blank page")
            assert footer_number(pdf, last - 1) == "" and footer_number(pdf, last) == ""
        else:
            placements.add("alone" if not above else "below the body")
            assert footer_number(pdf, last) == f"—{last}—"
    # The body lengths tried reach every case: below the body, on a page of its own, after a blank page.
    assert placements == cases


def test_a_report_built_as_a_user_builds_it_has_its_imprint_on_an_even_page(tmp_path: Path, monkeypatch) -> None:
    """Without the batching above: the build itself lays the report out in LibreOffice."""
    monkeypatch.setenv("FONTCONFIG_FILE", FONTS)
    form = tmp_path / "report.yaml"
    form.write_text(framed_form(3, attachments=True), encoding="utf-8")
    built = build_form(form, tmp_path).output
    convert(tmp_path, [built])
    pdf = built.with_suffix(".pdf")
    last = page_count(pdf)
    assert last % 2 == 0
    assert "抄送" in "".join(w[0] for w in words(pdf, last))


def test_a_joint_mark_stacks_the_names_with_文件_centred_on_their_right(tmp_path: Path) -> None:
    """§7.2.4: the names one a line, spread to one width; “文件” right of them, centred on them; the top at 35 mm."""
    built = build_form(REPO / "tests" / "fixtures" / "frame" / "joint.yaml", tmp_path).output
    convert(tmp_path, [built])
    pdf = built.with_suffix(".pdf")
    signers = next(w for w in words(pdf, 1) if w[0].startswith("签发人"))
    marks = [w for w in words(pdf, 1) if w[4] < signers[2]]  # the mark, above the 签发人 and 发文字号
    word = next(w for w in marks if w[0] == "文件")
    names = [w for w in marks if w is not word]
    lines: dict[int, list[tuple[str, float, float, float, float]]] = {}
    for name in names:  # a spread name is read as a word a character
        lines.setdefault(round(name[2]), []).append(name)
    assert ["".join(w[0] for w in line) for _, line in sorted(lines.items())] == [
        "青山县市场监督管理局", "青山县司法局", "青山县人力资源和社会保障局"
    ]
    lefts = [min(w[1] for w in line) for line in lines.values()]
    rights = [max(w[3] for w in line) for line in lines.values()]
    assert max(lefts) - min(lefts) <= 1 and max(rights) - min(rights) <= 1  # 分散对齐: one width
    assert word[1] > max(rights)  # 文件 right of the names
    block_middle = (min(w[2] for w in names) + max(w[4] for w in names)) / 2
    assert abs((word[2] + word[4]) / 2 - block_middle) <= 2  # centred on the names
    assert abs((min(lefts) + word[3]) / 2 - (TYPE_LEFT + TYPE_RIGHT) / 2) <= 1  # the whole mark centred
    # The first line's top 35 mm below the type area's top; red.
    assert abs(Raster(pdf, 1, "red").first_row() - (TYPE_TOP + 35)) <= 1
