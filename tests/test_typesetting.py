"""GB/T 9704-2012, read back from the .docx XML: page, grid, styles, headings, 落款 and page numbers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import EXAMPLES, MINIMAL
from draft.build import build_form


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    folder = tmp_path_factory.mktemp("typeset")
    form = folder / "form.yaml"
    form.write_text(
        "recipient: 区委全面依法治区委员会办公室\n" + MINIMAL + "closing: true\ndate: 2024-01-15\n", encoding="utf-8"
    )
    return docx.Document(str(build_form(form, folder).output))


def style_xml(document, name: str):
    return document.styles[name].element


def attr(element, path: str, name: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(qn(name))


def test_section_geometry(report) -> None:
    sect = report.sections[0]._sectPr
    assert attr(sect, qn("w:pgSz"), "w:w") == "11906" and attr(sect, qn("w:pgSz"), "w:h") == "16838"
    margins = sect.find(qn("w:pgMar"))
    assert {k: margins.get(qn(f"w:{k}")) for k in ("top", "bottom", "left", "right", "footer", "gutter")} == {
        "top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1440", "gutter": "0",
    }
    grid = sect.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"


def test_body_style_is_3hao_fangsong_22_lines_28_chars(report) -> None:
    normal = style_xml(report, "Normal")
    spacing = normal.pPr.find(qn("w:spacing"))
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")
    assert (spacing.get(qn("w:before")), spacing.get(qn("w:after"))) == ("0", "0")
    assert attr(normal.pPr, qn("w:ind"), "w:firstLine") == "640"
    assert attr(normal.rPr, qn("w:sz"), "w:val") == "32"
    assert attr(normal.rPr, qn("w:spacing"), "w:val") == "-5"
    fonts = normal.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and fonts.get(qn("w:ascii")) == "Times New Roman"


def test_title_style(report) -> None:
    title = style_xml(report, "Title")
    assert attr(title.pPr, qn("w:jc"), "w:val") == "center"
    assert attr(title.pPr, qn("w:ind"), "w:firstLine") == "0"
    assert attr(title.pPr, qn("w:snapToGrid"), "w:val") == "0"
    assert attr(title.pPr, qn("w:spacing"), "w:after") == "579"  # the empty line below the title
    assert attr(title.rPr, qn("w:sz"), "w:val") == "44"
    assert attr(title.rPr, qn("w:rFonts"), "w:eastAsia") == "方正小标宋简体"


@pytest.mark.parametrize(
    ("level", "font", "bold"), [(1, "黑体", False), (2, "楷体_GB2312", False), (3, "仿宋_GB2312", True), (4, "仿宋_GB2312", False)]
)
def test_heading_styles(report, level: int, font: str, bold: bool) -> None:
    style = report.styles[f"Heading {level}"]
    element = style.element
    assert style.base_style.name == "Normal"
    assert attr(element.pPr, qn("w:outlineLvl"), "w:val") == str(level - 1)
    assert element.pPr.find(qn("w:keepNext")) is not None
    assert attr(element.rPr, qn("w:rFonts"), "w:eastAsia") == font
    assert attr(element.rPr, qn("w:sz"), "w:val") == "32"
    assert (attr(element.rPr, qn("w:b"), "w:val") != "0") is bold
    char = report.styles[f"标题 {level} 字符"].element
    assert attr(char.rPr, qn("w:rFonts"), "w:eastAsia") == font
    assert attr(char, qn("w:link"), "w:val") == f"Heading{level}"


def test_recipient_closing_and_signature(report) -> None:
    paragraphs = report.paragraphs
    assert (paragraphs[1].style.name, paragraphs[1].text) == ("主送机关", "区委全面依法治区委员会办公室：")
    assert attr(report.styles["主送机关"].element.pPr, qn("w:ind"), "w:firstLine") == "0"
    assert [(p.style.name, p.text) for p in paragraphs[-3:]] == [
        ("结束语", "特此报告。"),
        ("落款", "示例区司法局"),
        ("成文日期", "2024年1月15日"),
    ]
    signature = report.styles["落款"].element.pPr
    date = report.styles["成文日期"].element.pPr
    assert attr(signature, qn("w:jc"), "w:val") == "right" and attr(date, qn("w:jc"), "w:val") == "right"
    assert attr(signature, qn("w:spacing"), "w:before") == "579"  # one empty line above the 落款
    # Unsealed 落款 (§7.3.5.2): unit 2 chars from the right; the date starts 2 chars right of the unit,
    # the date (6.5 chars) being shorter than the unit (6 chars) + 2: date 2 chars in, unit moved left.
    assert attr(signature, qn("w:ind"), "w:right") == str(4 * 320 + int(6.5 * 320) - 6 * 320)
    assert attr(date, qn("w:ind"), "w:right") == "640"


def test_long_unitsignature_indents() -> None:
    from draft.render.document import signature_indents

    # In characters (render's unit); 320 twips a character in the .docx.
    assert signature_indents("常州市钟楼区人力资源和社会保障局", "2024年1月15日") == (640 / 320, (16 - 6.5))


def test_a_unit_longer_than_a_line_keeps_the_date_on_the_page() -> None:
    from draft.render.document import signature_indents

    # Two units signing together, 31 characters: the 落款 wraps, its first line starting at the margin
    # (26 characters before the 2 kept free); the date starts 2 characters in from there.
    joint = "中共示例区委全面依法治区委员会办公室示例区人民政府办公室司法局"
    assert signature_indents(joint, "2024年1月15日") == (640 / 320, (26 - 6.5))


def test_page_numbers_are_fields_odd_right_even_left(report) -> None:
    assert report.settings.odd_and_even_pages_header_footer is True
    section = report.sections[0]
    for footer, style, jc in ((section.footer, "页码（单页）", "right"), (section.even_page_footer, "页码（双页）", "left")):
        (paragraph,) = footer.paragraphs
        assert paragraph.style.name == style
        assert attr(paragraph.style.element.pPr, qn("w:jc"), "w:val") == jc
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
    footer_style = report.styles["Footer"].element
    assert attr(footer_style.rPr, qn("w:sz"), "w:val") == "28"
    assert attr(footer_style.rPr, qn("w:rFonts"), "w:eastAsia") == "宋体"
    odd = report.styles["页码（单页）"].element.pPr
    even = report.styles["页码（双页）"].element.pPr
    assert attr(odd, qn("w:ind"), "w:right") == "280" and attr(even, qn("w:ind"), "w:left") == "280"


def test_chinese_language_and_font_fallbacks(report) -> None:
    lang = report.settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    font_table = next(r.target_part for r in report.part.rels.values() if r.reltype.endswith("/fontTable")).blob.decode()
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in font_table
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in font_table


def test_document_properties(tmp_path: Path) -> None:
    built = docx.Document(str(build_form(EXAMPLES / "zhonglou-2023.yaml", tmp_path).output))
    props = built.core_properties
    assert props.title == "常州市钟楼区人力资源和社会保障局2023年法治政府建设年度报告"
    assert props.author == "常州市钟楼区人力资源和社会保障局"
    assert props.comments.startswith("由 draft ")


def test_no_autospace_between_chinese_and_digits(report) -> None:
    normal = style_xml(report, "Normal").pPr
    assert attr(normal, qn("w:autoSpaceDE"), "w:val") == "0"
    assert attr(normal, qn("w:autoSpaceDN"), "w:val") == "0"


def test_the_report_is_dated_when_it_is_built(report) -> None:
    import datetime

    created = report.core_properties.created
    now = datetime.datetime.now(datetime.UTC)
    assert created is not None and abs((now - created.replace(tzinfo=datetime.UTC)).days) <= 1
    assert report.core_properties.modified == created
