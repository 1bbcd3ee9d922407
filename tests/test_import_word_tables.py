"""Word files as offices keep them (issue 22, point 7): a body, a red head (发文机关标志) or a 版记 set in tables
only to place them imports as if the tables were not there; a table of figures is still read as one.

Each source is built with python-docx twice: as plain paragraphs, and with the same paragraphs moved into
layout tables; both must import into the same form.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml import parse_xml

from conftest import SEEDS
from draft.build import build_form
from draft.form.write import note_line
from draft.imports import import_report
from test_zwgk_import import imported_form
from zwgk_sources import PINGTAN_2024
from zwgk_tables import figures_printed, read_tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _one_cell_table(document: docx.document.Document, elements: list) -> None:  # type: ignore[type-arg]
    """``elements`` of the body moved, in order, into the one cell of a borderless table where the first stood."""
    table = parse_xml(f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                      '<w:tblGrid><w:gridCol w:w="8844"/></w:tblGrid><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>')
    elements[0].addprevious(table)
    cell = table.find(f"{{{W}}}tr/{{{W}}}tc")
    for element in elements:
        cell.append(element)


def _form(text: str) -> str:
    """A form's text but the line naming the file it was imported from."""
    return "\n".join(line for line in text.splitlines() if "生成于" not in line)


def _body(document: docx.document.Document) -> list:  # type: ignore[type-arg]
    return [child for child in document.element.body if not child.tag.endswith("}sectPr")]


def test_a_report_whose_body_is_laid_out_in_a_one_cell_table_imports_as_without_it(tmp_path: Path) -> None:
    """draft's own .docx of a 政府信息公开 report (its three tables of figures included), its whole body moved into a
    one-cell table: the figures are still read from the tables nested in the cell."""
    built = build_form(imported_form(PINGTAN_2024, tmp_path), tmp_path / "built").output
    plain = import_report(built)
    document = docx.Document(str(built))
    _one_cell_table(document, _body(document))
    laid_out = tmp_path / "laid-out.docx"
    document.save(str(laid_out))
    result = import_report(laid_out)
    assert _form(result.form_text) == _form(plain.form_text)
    assert [note_line(note) for note in result.notes] == [note_line(note) for note in plain.notes]
    form = tmp_path / "again.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    printed = figures_printed(read_tables(build_form(form, tmp_path / "again").output))
    assert (printed.proactive, printed.applications, printed.appeals) == (
        PINGTAN_2024.proactive, PINGTAN_2024.applications, PINGTAN_2024.appeals)


def _law_based_report(path: Path, *, in_tables: bool) -> None:
    """A 法治政府建设 report with a red head, parts Word numbers, a tracked change and a 版记; with ``in_tables``, the
    red head in a one-cell table, the body in another (its paragraphs, numbering and tracked change with them), the
    版记 in a third."""
    lines = [line for line in next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    head = document.add_paragraph("深圳市罗湖区人力资源局文件")
    document.add_paragraph("深圳市罗湖区人力资源局2022年法治政府建设年度报告")
    # the parts' numbers (一、二、) typed by Word's automatic list numbering, not by the author
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                               '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    body = []
    for line in lines:
        part = re.match(r"[一二三四五六七八九十]+、", line)
        body.append(document.add_paragraph(line[part.end() :] if part else line))
        if part:
            body[-1]._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    # a tracked change: a word deleted and one inserted, as Word keeps them until accepted
    body[0]._p.append(parse_xml(f'<w:del xmlns:w="{W}" w:id="1" w:author="a"><w:r><w:delText>删去的字</w:delText></w:r></w:del>'))
    body[0]._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="2" w:author="a"><w:r><w:t>（已修订）</w:t></w:r></w:ins>'))
    imprint = [document.add_paragraph("抄送：区委办，区政府办。"), document.add_paragraph("深圳市罗湖区人力资源局办公室  2023年1月20日印发")]
    if in_tables:
        _one_cell_table(document, [head._p])
        _one_cell_table(document, [paragraph._p for paragraph in body])
        _one_cell_table(document, [paragraph._p for paragraph in imprint])
    document.save(str(path))


def test_a_red_head_body_and_imprint_in_layout_tables_import_as_without_them(tmp_path: Path) -> None:
    _law_based_report(tmp_path / "plain.docx", in_tables=False)
    _law_based_report(tmp_path / "tables.docx", in_tables=True)
    plain, laid_out = import_report(tmp_path / "plain.docx"), import_report(tmp_path / "tables.docx")
    assert _form(laid_out.form_text) == _form(plain.form_text)
    assert [note_line(note) for note in laid_out.notes] == [note_line(note) for note in plain.notes]
    assert "（已修订）" in laid_out.form_text and "删去的字" not in laid_out.form_text
    assert not [note for note in laid_out.notes if "没有找到报告的各个部分" in note.message]
    assert "\nmeasures:" in laid_out.form_text and "\nplans:" in laid_out.form_text  # the parts Word numbered, found
    assert "\nissuer_mark: 深圳市罗湖区人力资源局文件" in laid_out.form_text  # the red head, kept
    assert "抄送：区委办，区政府办。" in laid_out.form_text and "2023年1月20日印发" in laid_out.form_text


def test_a_cell_of_two_paragraphs_is_read_and_a_table_of_figures_stays_a_table(tmp_path: Path) -> None:
    """Table 二 typed in Word with labels and figures broken over two paragraphs (行政规范性 / 文件, 8 / 件)."""
    built = build_form(imported_form(PINGTAN_2024, tmp_path), tmp_path / "built").output
    document = docx.Document(str(built))
    proactive = document.tables[0]
    label, figure = proactive.cell(3, 0), proactive.cell(3, 1)
    assert (label.text, figure.text) == ("行政规范性文件", "62")
    label.paragraphs[0].text = "行政规范性"
    label.add_paragraph("文件")
    figure.add_paragraph("件")
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    result = import_report(edited)
    assert result.notes == []
    assert "normative_documents:  # 行政规范性文件\n    issued: 62  # 本年制发件数\n" in result.form_text
