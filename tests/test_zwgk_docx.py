"""The tables of the 政府信息公开工作年度报告 in the .docx: every cell, every span, the grid, the styles, the schema."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from draft.build import build_form
from ooxml import schema_errors
from zwgk_sources import SOURCES, Source
from zwgk_tables import W, figures_printed, read_tables

FIXTURES = REPO / "tests" / "fixtures" / "zwgk"
#: The GB/T 9704 type area's width, twips (156 mm; the page's margins leave 8845).
TYPE_AREA = 8845


def built(source: Source, out: Path) -> Path:
    return build_form(FIXTURES / f"{source.name}.yaml", out).output


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_every_figure_cell_equals_the_source(source: Source, tmp_path: Path) -> None:
    printed = figures_printed(read_tables(built(source, tmp_path)))
    assert printed.proactive == source.proactive
    assert printed.applications == source.applications
    assert printed.appeals == source.appeals


def test_table_two_prints_the_format_s_labels_and_spans(tmp_path: Path) -> None:
    proactive = read_tables(built(SOURCES[0], tmp_path))[0]
    labels = {where: (cell.text, cell.rows, cell.cols) for where, cell in proactive.cells.items() if not cell.text[:1].isdigit()}
    assert labels == {
        (0, 0): ("第二十条第（一）项", 1, 4),
        (1, 0): ("信息内容", 1, 1), (1, 1): ("本年制发件数", 1, 1), (1, 2): ("本年废止件数", 1, 1), (1, 3): ("现行有效件数", 1, 1),
        (2, 0): ("规章", 1, 1), (3, 0): ("行政规范性文件", 1, 1),
        (4, 0): ("第二十条第（五）项", 1, 4), (5, 0): ("信息内容", 1, 1), (5, 1): ("本年处理决定数量", 1, 3), (6, 0): ("行政许可", 1, 1),
        (7, 0): ("第二十条第（六）项", 1, 4), (8, 0): ("信息内容", 1, 1), (8, 1): ("本年处理决定数量", 1, 3),
        (9, 0): ("行政处罚", 1, 1), (10, 0): ("行政强制", 1, 1),
        (11, 0): ("第二十条第（八）项", 1, 4), (12, 0): ("信息内容", 1, 1), (12, 1): ("本年收费金额（单位：万元）", 1, 3),
        (13, 0): ("行政事业性收费", 1, 1),
    }
    assert [proactive.cells[(r, 1)].cols for r in (6, 9, 10, 13)] == [3, 3, 3, 3]


def test_table_three_has_the_format_s_header_corner_note_and_tall_group(tmp_path: Path) -> None:
    applications = read_tables(built(SOURCES[0], tmp_path))[1]
    cells = applications.cells
    assert (cells[(0, 0)].text, cells[(0, 0)].rows, cells[(0, 0)].cols) == (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3
    )
    assert [(cells[where].text, cells[where].rows, cells[where].cols) for where in [(0, 3), (1, 3), (1, 4), (1, 9)]] == [
        ("申请人情况", 1, 7), ("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)
    ]
    assert [cells[(2, c)].text for c in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert (cells[(5, 0)].text, cells[(5, 0)].rows) == ("三、本年度办理结果", 22)
    groups = {cells[(r, 1)].text: cells[(r, 1)].rows for r in (7, 15, 18, 23)}
    assert groups == {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    assert [cells[(r, 0)].cols for r in (3, 4, 27)] == [3, 3, 3]
    assert (cells[(26, 1)].text, cells[(26, 1)].cols) == ("（七）总计", 2)
    assert cells[(25, 2)].text == "3.其他" and cells[(27, 0)].text == "四、结转下年度继续办理"
    assert (applications.header_rows, applications.unsplit_rows) == (3, 28)


def test_table_four_has_fifteen_columns_under_two_groups(tmp_path: Path) -> None:
    appeals = read_tables(built(SOURCES[0], tmp_path))[2]
    cells = appeals.cells
    assert [(cells[w].text, cells[w].cols) for w in [(0, 0), (0, 5), (1, 5), (1, 10)]] == [
        ("行政复议", 5), ("行政诉讼", 10), ("未经复议直接起诉", 5), ("复议后起诉", 5)
    ]
    assert [(cells[(1, c)].text, cells[(1, c)].rows) for c in range(5)] == [
        ("结果维持", 2), ("结果纠正", 2), ("其他结果", 2), ("尚未审结", 2), ("总计", 2)
    ]
    assert [cells[(2, c)].text for c in range(5, 15)] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert (appeals.header_rows, len(appeals.widths)) == (3, 15)


def test_every_table_fills_the_type_area_with_a_fixed_grid_and_cells_of_its_widths(tmp_path: Path) -> None:
    for table in read_tables(built(SOURCES[1], tmp_path)):
        assert table.layout == "fixed"
        assert TYPE_AREA - 5 <= sum(table.widths) <= TYPE_AREA
        for (_, c), cell in table.cells.items():
            assert c + cell.cols <= len(table.widths)
        # Each cell's own width is the sum of the grid columns it spans (Word sizes from cells, WPS from the grid).
        starts = [(r, c) for (r, c) in sorted(table.cells)]
        tcs = [tc for tc in table.element.iter(f"{W}tc") if tc.find(f"{W}tcPr/{W}vMerge[@{W}val='restart']") is not None
               or tc.find(f"{W}tcPr/{W}vMerge") is None]
        for (_, c), tc in zip(starts, tcs, strict=True):
            cols = table.cells[(_, c)].cols
            assert int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) == sum(table.widths[c : c + cols])


def test_the_tables_carry_no_direct_formatting_and_their_styles_come_only_with_tables(tmp_path: Path) -> None:
    docx = built(SOURCES[2], tmp_path)
    document = zipfile.ZipFile(docx).read("word/document.xml").decode()
    table_xml = document[document.index("<w:tbl>") : document.rindex("</w:tbl>")]
    assert "<w:rPr>" not in table_xml and "<w:sz " not in table_xml and "<w:tcBorders>" not in table_xml
    styles = zipfile.ZipFile(docx).read("word/styles.xml").decode()
    assert 'w:styleId="ReportTable"' in styles and 'w:styleId="TableTextDense"' in styles
    law = build_form(REPO / "examples" / "luohu-2022.yaml", tmp_path / "law").output
    assert "ReportTable" not in zipfile.ZipFile(law).read("word/styles.xml").decode()


def test_the_parts_draft_writes_validate_against_the_ooxml_schemas(tmp_path: Path) -> None:
    docx = zipfile.ZipFile(built(SOURCES[0], tmp_path))
    for part in ("word/document.xml", "word/styles.xml"):
        assert schema_errors(docx.read(part)) == [], part
