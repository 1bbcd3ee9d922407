"""The .docx carries its look in named styles, with East Asian fonts, in GB/T 9704 geometry."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import EXAMPLES, MINIMAL
from draft.build import build_form

FORMS = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(params=FORMS, ids=lambda p: p.stem)
def built(request: pytest.FixtureRequest, tmp_path: Path) -> docx.document.Document:
    return docx.Document(str(build_form(request.param, tmp_path).output))


def test_every_paragraph_has_a_named_style_and_runs_no_direct_formatting(built) -> None:
    for paragraph in built.paragraphs:
        assert paragraph.style is not None and paragraph.style.name
        ppr = paragraph._p.pPr
        if ppr is not None:
            assert [child.tag for child in ppr] == [qn("w:pStyle")], paragraph.text[:20]
        for run in paragraph.runs:
            rpr = run._r.rPr
            if rpr is not None:
                assert [child.tag for child in rpr] == [qn("w:rStyle")], run.text[:20]


def test_run_in_titles_carry_a_character_style(built) -> None:
    styled = [run for p in built.paragraphs for run in p.runs if run.style.name.startswith("标题")]
    for run in styled:
        assert run.style.type == 2  # WD_STYLE_TYPE.CHARACTER
        assert run._r.getparent().getparent() is not None


def test_styles_set_east_asian_fonts(built) -> None:
    expected = {
        "Normal": "仿宋_GB2312",
        "Title": "方正小标宋简体",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
        "Heading 3": "仿宋_GB2312",
        "Heading 4": "仿宋_GB2312",
        "标题 3 字符": "仿宋_GB2312",
    }
    for name, font in expected.items():
        fonts = built.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font, name


def test_page_is_a4_with_gbt9704_margins(built) -> None:
    section = built.sections[0]
    sect = section._sectPr
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    assert [margins.get(qn(f"w:{side}")) for side in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]


def test_document_properties(built) -> None:
    props = built.core_properties
    assert props.title.endswith("法治政府建设年度报告")
    assert props.author in props.title
    assert "draft" in props.comments


def test_init_form_builds_with_signature(tmp_path: Path) -> None:
    form = tmp_path / "report.yaml"
    form.write_text(MINIMAL + "signature: 示例区司法局\ndate: 2024-01-15\n", encoding="utf-8")
    document = docx.Document(str(build_form(form, tmp_path).output))
    assert [p.style.name for p in document.paragraphs[-2:]] == ["落款", "成文日期"]


def test_document_properties_escape_and_stop_at_word_s_255_characters(tmp_path: Path) -> None:
    # A unit name longer than Word's property fields hold once crashed the build inside python-docx.
    unit = "某市“法治”&<建设>领导小组办公室" * 20
    form = tmp_path / "long.yaml"
    form.write_text(MINIMAL.replace("unit: 示例区司法局", f"unit: '{unit}'"), encoding="utf-8")
    document = docx.Document(str(build_form(form, tmp_path).output))
    props = document.core_properties
    assert props.author == unit[:255]
    assert props.title == (unit + "2023年法治政府建设年度报告")[:255]
    assert document.paragraphs[0].text.replace("\n", "").startswith(unit)


def test_the_last_body_paragraph_and_the_closing_keep_with_the_signature(build_docx) -> None:
    document = build_docx(MINIMAL + "closing: 特此报告\ndate: 2024-01-15\n")
    tail = [(p.style.name, p.text) for p in document.paragraphs[-5:]]
    assert tail == [
        ("Heading 1", "三、2024年推进法治政府建设的主要安排"),
        ("正文末段", "继续加强学习。"),
        ("结束语", "特此报告。"),
        ("落款", "示例区司法局"),
        ("成文日期", "2024年1月15日"),
    ]
    for name in ("正文末段", "结束语", "落款"):
        assert document.styles[name].paragraph_format.keep_with_next is True
        assert document.styles[name].base_style.name == "Normal"
    # Without a 落款 nothing needs keeping: the last paragraph is a body paragraph like any other.
    assert build_docx(MINIMAL).paragraphs[-1].style.name == "Normal"


def test_the_package_holds_only_the_parts_a_report_needs(tmp_path: Path) -> None:
    import zipfile

    built = build_form(EXAMPLES / "luohu-2022.yaml", tmp_path)
    with zipfile.ZipFile(built.output) as package:
        names = sorted(package.namelist())
        rels = package.read("_rels/.rels").decode() + package.read("word/_rels/document.xml.rels").decode()
    # No preview of a blank page, no "Microsoft Macintosh Word … 1 page, 0 words", no unused lists or bibliography.
    assert names == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/custom.xml",
        "word/_rels/document.xml.rels", "word/document.xml", "word/fontTable.xml", "word/footer1.xml",
        "word/footer2.xml", "word/settings.xml", "word/styles.xml", "word/theme/theme1.xml",
    ]
    for gone in ("thumbnail", "extended-properties", "numbering", "customXml", "webSettings"):
        assert gone not in rels
