"""The build places the 版记 from a layout that is cheap, bounded and cached (draft.build.imprint_page).

LibreOffice itself is stood in for: these tests count how often a layout is asked for and what it
is given, so they run without it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from draft.build import imprint_page
from draft.build.imprint_page import MAX_MEASURED_CHARACTERS, MEASURE_SECONDS, PAGE_OF_NAMES, ImprintPage
from draft.pdf import soffice
from draft.problems import CannotProceed, Problem, Severity
from draft.render.document import Block, Document, Role
from draft.word.page import Place
from draft.word.writer import to_bytes


def report(body: str = "我局坚持依法行政。", cc: str = "抄送：县委办公室。", double_sided: bool = True) -> Document:
    blocks = (Block.plain(Role.TITLE, "关于2024年法治政府建设情况的报告"), Block.plain(Role.BODY, body), Block.plain(Role.COPY_TO, cc))
    return Document(title="报告", author="示例区司法局", blocks=blocks, double_sided=double_sided)


def trial(document: Document, place: Place) -> bytes:
    return to_bytes(document, "form.yaml", place)


@pytest.fixture
def layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[bytes]]:
    """The trial packages each LibreOffice run was given; each lays out to 2 pages (the 版记 fits)."""
    program = tmp_path / "soffice"
    program.write_text("")
    monkeypatch.setattr(soffice, "program", lambda: str(program))
    monkeypatch.setattr(imprint_page, "cache_folder", lambda: tmp_path / "cache")
    runs: list[list[bytes]] = []

    def laid_out(documents: list[bytes]) -> list[int]:
        runs.append(documents)
        return [2] * len(documents)

    monkeypatch.setattr(imprint_page, "_laid_out", laid_out)
    return runs


def test_a_report_laid_out_once_is_not_laid_out_again(layouts: list[list[bytes]]) -> None:
    assert imprint_page.imprint_page(report(), trial) == ImprintPage(Place.HERE)
    assert len(layouts) == 1 and len(layouts[0]) == 2  # both trials in one LibreOffice run
    # Built again, a second later (the properties are dated) and under another name: the cache answers.
    again = imprint_page.imprint_page(report(), lambda document, place: to_bytes(document, "other.yaml", place))
    assert again == ImprintPage(Place.HERE) and len(layouts) == 1
    # Another text lays out anew.
    imprint_page.imprint_page(report(body="我局坚持依法行政，全面推进。"), trial)
    assert len(layouts) == 2


def test_another_libreoffice_lays_out_anew(layouts: list[list[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    imprint_page.imprint_page(report(), trial)
    other = tmp_path / "libreoffice"
    other.write_text("")
    monkeypatch.setattr(soffice, "program", lambda: str(other))
    imprint_page.imprint_page(report(), trial)
    assert len(layouts) == 2


def test_a_broken_cache_only_costs_time(layouts: list[list[bytes]], tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder")
    assert imprint_page.imprint_page(report(), trial) == ImprintPage(Place.HERE)
    assert imprint_page.imprint_page(report(), trial) == ImprintPage(Place.HERE)
    assert len(layouts) == 2


def test_without_libreoffice_word_and_wps_place_the_imprint_and_nothing_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> str:
        raise CannotProceed(Problem(file="PDF", message="没有 LibreOffice"))

    monkeypatch.setattr(soffice, "program", missing)
    assert imprint_page.imprint_page(report(), trial) == ImprintPage(Place.NEXT_EVEN_PAGE)
    assert imprint_page.imprint_page(report(double_sided=False), trial) == ImprintPage(Place.NEXT_PAGE)
    assert imprint_page.warning("form.yaml", ImprintPage(Place.NEXT_EVEN_PAGE)) == []


def test_a_report_without_an_imprint_is_not_laid_out(layouts: list[list[bytes]]) -> None:
    document = report()
    document = document._replace(blocks=document.blocks[:2])
    assert imprint_page.imprint_page(document, trial) == ImprintPage(Place.HERE)
    assert layouts == []


def test_a_report_too_long_to_lay_out_is_left_to_word_and_told(layouts: list[list[bytes]]) -> None:
    page = imprint_page.imprint_page(report(body="依法行政。" * (MAX_MEASURED_CHARACTERS // 5 + 1)), trial)
    assert page.place is Place.NEXT_EVEN_PAGE and layouts == []
    (told,) = imprint_page.warning("form.yaml", page)
    assert told.file == "form.yaml" and "版记" in told.message


def test_a_copy_to_line_longer_than_a_page_is_laid_out_a_page_long(layouts: list[list[bytes]]) -> None:
    """20,000 names fill pages; a page of them decides as well (a 版记 longer than a page fits below no body)."""
    names = "，".join(f"第{number}号单位" for number in range(20_000))
    imprint_page.imprint_page(report(cc=f"抄送：{names}。"), trial)
    (_, inline) = layouts[0]
    document = zipfile.ZipFile(io.BytesIO(inline)).read("word/document.xml").decode()
    assert "第1号单位" in document and "第19999号单位" not in document
    assert PAGE_OF_NAMES - 100 < len(document) - len(document.split("抄送：")[0]) < 2 * PAGE_OF_NAMES


def test_libreoffice_gets_a_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "soffice"
    program.write_text("")
    monkeypatch.setattr(soffice, "program", lambda: str(program))
    monkeypatch.setattr(imprint_page, "cache_folder", lambda: tmp_path / "cache")
    limits = []

    def convert(sources: list[Path], out_dir: Path, seconds: float | None = None) -> dict[Path, Path]:
        limits.append(seconds)
        return {}  # ran out of time: nothing converted

    monkeypatch.setattr(soffice, "convert", convert)
    page = imprint_page.imprint_page(report(), trial)
    assert page == ImprintPage(Place.NEXT_EVEN_PAGE, imprint_page.NOT_IN_TIME)
    assert limits == [MEASURE_SECONDS]
    assert not list((tmp_path / "cache").glob("*"))  # no answer is kept
    (told,) = imprint_page.warning("form.yaml", page)
    assert (told.severity, told.code) == (Severity.WARNING, imprint_page.NOT_LAID_OUT) and "60 秒" in told.message
