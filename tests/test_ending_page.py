"""For the PDF, the build keeps the body's end with the 落款 from a layout (draft.build.ending_page).

LibreOffice is stood in for: a layout is a list of pages of lines, or a small PDF written as LibreOffice
writes one; so these tests run without it (tests/test_pdf.py lays real reports out).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

from draft.build import ending_page, imprint_page
from draft.pdf import soffice
from draft.pdf.lines import Line, page_lines
from draft.problems import CannotProceed, Problem
from draft.render.document import Block, Document, Role
from draft.word.page import KEPT_BY_WORD, Ending, Place
from draft.word.writer import to_bytes

LEFT, INDENT = 79.4, 111.5  # where a continued line and a paragraph's first line start, in points
LAST = "我局坚持依法行政，持续推进法治政府建设。" * 4  # 80 characters: 26 + 28 + 26 on three lines


def report(closing: bool = False, last: str = LAST) -> Document:
    blocks = [Block.plain(Role.TITLE, "关于2024年法治政府建设情况的报告"), Block.plain(Role.BODY, "前文。"), Block.plain(Role.BODY, last)]
    blocks += [Block.plain(Role.CLOSING, "特此报告。")] if closing else []
    blocks += [Block.plain(Role.SIGNATURE, "示例区司法局"), Block.plain(Role.DATE, "2024年1月15日"), Block.plain(Role.COPY_TO, "抄送：县委。")]
    return Document(title="报告", author="示例区司法局", blocks=tuple(blocks))


def trial(document: Document, ending: Ending) -> bytes:
    return to_bytes(document, "form.yaml", Place.NONE, ending)


def page(*lines: tuple[float, int]) -> list[Line]:
    return [Line(x, round(715.2 - 28.95 * row, 1), glyphs) for row, (x, glyphs) in enumerate(lines)]  # 22 lines a page


#: The body fills the first page to its foot; the 落款 and date stand alone on the second.
ALONE = [page((INDENT, 6), (INDENT, 3), *[(LEFT, 28)] * 17, (INDENT, 26), (LEFT, 28), (LEFT, 26)), page((360, 6), (360, 10))]
#: The last paragraph's last line starts the second page, above the 落款.
FINE = [page((INDENT, 6), (INDENT, 3), *[(LEFT, 28)] * 17, (INDENT, 26), (LEFT, 28)), page((LEFT, 26), (360, 6), (360, 10))]
#: As FINE, but that line is short: two characters alone at the top of the page.
SHORT_TOP = [page((INDENT, 6), (INDENT, 3), *[(LEFT, 28)] * 18), page((LEFT, 2), (360, 6), (360, 10))]


class Layouts:
    """The trials each layout was asked for (``asked``); the pages each trial lays out to (``answer``: kept,
    not kept, widows avoided)."""

    def __init__(self) -> None:
        self.asked: list[list[bytes]] = []
        self.answer = [FINE, FINE, FINE]

    def __call__(self, documents: list[bytes]) -> list[list[list[Line]]]:
        self.asked.append(documents)
        return self.answer


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Layouts:
    stand_in = Layouts()
    monkeypatch.setattr(ending_page, "page_lines", stand_in)
    return stand_in


def test_an_ending_laid_out_well_is_kept_as_word_takes_it(layouts: Layouts) -> None:
    assert ending_page.ending(report(), trial) == KEPT_BY_WORD
    (documents,) = layouts.asked
    assert len(documents) == 3  # the three trials in one LibreOffice run
    # The trial ends with the date: the 版记 (and any attachment) does not move the 落款.
    assert "抄送" not in zipfile.ZipFile(io.BytesIO(documents[0])).read("word/document.xml").decode()


def test_a_signature_alone_takes_the_last_two_lines_of_the_body_along(layouts: Layouts) -> None:
    layouts.answer = [ALONE, ALONE, ALONE]
    assert ending_page.ending(report(), trial) == Ending(measured=True, tail=28 + 26)


def test_where_not_keeping_the_last_paragraph_whole_is_enough_nothing_is_split(layouts: Layouts) -> None:
    layouts.answer = [ALONE, FINE, FINE]
    assert ending_page.ending(report(), trial) == Ending(measured=True)


def test_a_short_line_starting_a_page_turns_widow_control_on(layouts: Layouts) -> None:
    layouts.answer = [SHORT_TOP, SHORT_TOP, FINE]
    assert ending_page.ending(report(), trial) == Ending(measured=True, avoid_widows=True)


def test_the_closing_counts_with_the_signature(layouts: Layouts) -> None:
    with_closing = [ALONE[0], page((INDENT, 5), (360, 6), (360, 10))]  # 特此报告。 went along: still alone
    layouts.answer = [with_closing] * 3
    assert ending_page.ending(report(closing=True), trial) == Ending(measured=True, tail=28 + 26)


def test_lines_that_do_not_add_up_to_the_paragraph_move_nothing(layouts: Layouts) -> None:
    odd = [[*ALONE[0][:-1], ALONE[0][-1]._replace(glyphs=25)], ALONE[1]]  # a glyph fewer than the paragraph has characters
    layouts.answer = [odd] * 3
    assert ending_page.ending(report(), trial) == Ending(measured=True)


def test_a_report_without_a_date_is_not_laid_out(layouts: Layouts) -> None:
    document = report()
    document = document._replace(blocks=tuple(block for block in document.blocks if block.role is not Role.DATE))
    assert ending_page.ending(document, trial) == KEPT_BY_WORD and layouts.asked == []


def test_without_libreoffice_the_docx_is_as_word_takes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> str:
        raise CannotProceed(Problem(file="PDF", message="没有 LibreOffice"))

    monkeypatch.setattr(soffice, "program", missing)
    assert ending_page.ending(report(), trial) == KEPT_BY_WORD


def pdf(pages: list[list[Line]]) -> bytes:
    """A PDF as LibreOffice writes one: a page tree, each page's deflated content showing its lines."""
    objects, kids = [], []
    for lines in pages:
        content = b"".join(
            b"BT\n%.1f %.1f Td /F1 16 Tf[<%s>]TJ\nET\n" % (line.x, line.y, b"01" * line.glyphs) for line in lines
        ) + b"BT\n300 74.8 Td /F2 14 Tf<0102>Tj\nET\n"  # the page number, below the type area
        stream = zlib.compress(content)
        number = len(objects) + 2
        objects.append(b"<</Length %d/Filter/FlateDecode>>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<</Type/Page/Parent 1 0 R/Contents %d 0 R>>" % number)
        kids.append(b"%d 0 R" % (number + 1))
    tree = b"<</Type/Pages/Kids[ %s ]/Count %d>>" % (b" ".join(kids), len(pages))
    return b"%PDF-1.6\n" + b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, body) for n, body in enumerate([tree, *objects], 1))


def test_the_lines_are_read_back_from_the_pdf_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert page_lines(pdf(ALONE)) == ALONE  # the page number is left out
    assert page_lines(b"not a PDF") is None
    program = tmp_path / "soffice"
    program.write_text("")
    monkeypatch.setattr(soffice, "program", lambda: str(program))
    monkeypatch.setattr(imprint_page, "cache_folder", lambda: tmp_path / "cache")
    runs: list[list[bytes]] = []

    def laid_out(documents: list[bytes]) -> list[bytes]:
        runs.append(documents)
        return [pdf(ALONE), pdf(ALONE), pdf(FINE)]

    monkeypatch.setattr(imprint_page, "laid_out", laid_out)
    assert ending_page.ending(report(), trial) == Ending(measured=True, tail=28 + 26)
    assert ending_page.ending(report(), trial) == Ending(measured=True, tail=28 + 26)
    assert len(runs) == 1  # laid out once: the second time, the cache answers


def test_the_writer_sets_the_tail_apart_kept_whole_with_the_signature() -> None:
    package = zipfile.ZipFile(io.BytesIO(to_bytes(report(), "form.yaml", Place.HERE, Ending(measured=True, tail=54))))
    body = package.read("word/document.xml").decode()
    styles = package.read("word/styles.xml").decode()
    assert f'<w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>{LAST[:26]}</w:t>' in body
    assert f'<w:pStyle w:val="BodyTail"/></w:pPr><w:r><w:t>{LAST[26:]}</w:t>' in body
    assert 'w:styleId="BodyTail"' in styles and "<w:keepLines/>" in styles
    assert '<w:widowControl w:val="0"/>' in styles  # 22 lines a page, unless a layout asked otherwise
    widows = zipfile.ZipFile(io.BytesIO(to_bytes(report(), "form.yaml", Place.HERE, Ending(measured=True, avoid_widows=True))))
    assert '<w:widowControl w:val="1"/>' in widows.read("word/styles.xml").decode()
    # As Word takes it: the last paragraph kept with the 落款 (keepNext in its style), and no tail style.
    kept = zipfile.ZipFile(io.BytesIO(to_bytes(report(), "form.yaml"))).read("word/document.xml").decode()
    assert '<w:pStyle w:val="BodyLast"/>' in kept and "BodyTail" not in kept


def test_a_page_left_short_by_keeping_the_last_paragraph_whole_is_not_kept(layouts: Layouts) -> None:
    """LibreOffice moves a long last paragraph kept with the 落款 whole, and its heading with it: pages left short."""
    gap = [page((INDENT, 6), (INDENT, 3), (INDENT, 20)), page((INDENT, 20)), page(*[(LEFT, 28)] * 20, (LEFT, 26), (360, 6)), page((360, 10))]
    layouts.answer = [gap, FINE, FINE]
    assert ending_page.ending(report(), trial) == Ending(measured=True)


def test_a_report_too_long_to_lay_out_is_as_word_takes_it(layouts: Layouts) -> None:
    document = report()
    long = Block.plain(Role.BODY, "依法行政。" * (imprint_page.MAX_MEASURED_CHARACTERS // 5 + 1))
    document = document._replace(blocks=(document.blocks[0], long, *document.blocks[1:]))
    assert ending_page.ending(document, trial) == KEPT_BY_WORD and layouts.asked == []


def test_a_table_before_the_signature_is_not_split_but_widows_are_still_avoided(layouts: Layouts) -> None:
    from draft.model.table import Table

    document = report()
    table = Block(Role.TABLE, (), table=Table("表", (8845,), ()))
    document = document._replace(blocks=(*document.blocks[:3], table, *document.blocks[3:]))
    layouts.answer = [ALONE, ALONE, ALONE]
    assert ending_page.ending(document, trial) == Ending(measured=True)
    layouts.answer = [SHORT_TOP, SHORT_TOP, FINE]
    assert ending_page.ending(document, trial) == Ending(measured=True, avoid_widows=True)


def test_a_one_line_last_paragraph_is_kept_with_the_signature_even_with_a_gap(layouts: Layouts) -> None:
    """Not kept, the one-line paragraph leaves the 落款 alone and has no lines to set apart: kept, gap and all."""
    gap = [page((INDENT, 6), *[(LEFT, 28)] * 17), page((INDENT, 6), (360, 6), (360, 10))]  # 4 lines short
    one_line = [page((INDENT, 6), *[(LEFT, 28)] * 20, (INDENT, 6)), page((360, 6), (360, 10))]
    layouts.answer = [gap, one_line, one_line]
    assert ending_page.ending(report(last="计划。"), trial) == KEPT_BY_WORD


@pytest.mark.parametrize("damaged", ["[]", "[[]", "{}", "[[[1, 2]]]", '[[["a", "b", "c"]]]', "[3]", "null"])
def test_a_damaged_cache_is_laid_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: str) -> None:
    program = tmp_path / "soffice"
    program.write_text("")
    monkeypatch.setattr(soffice, "program", lambda: str(program))
    monkeypatch.setattr(imprint_page, "cache_folder", lambda: tmp_path / "cache")
    monkeypatch.setattr(imprint_page, "laid_out", lambda documents: [pdf(ALONE), pdf(ALONE), pdf(FINE)])
    assert ending_page.ending(report(), trial) == Ending(measured=True, tail=28 + 26)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_text(damaged, encoding="ascii")
    assert ending_page.ending(report(), trial) == Ending(measured=True, tail=28 + 26)
