"""The frame in the .docx XML: every element's style (fonts, sizes, colours, alignment, indents, borders) and order.

The 版记's page is decided from a layout (draft.build.imprint_page); here the layout is given, so these
tests need no LibreOffice.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ATTACHMENTS, FRAME_FIELDS, MINIMAL, dedent
from draft.build import build_form, imprint_page
from draft.word.page import Place, decide

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

FRAME = FRAME_FIELDS + ATTACHMENTS


def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str, counts: list[int] | None) -> zipfile.ZipFile:
    """The .docx of ``form``, its 版记 placed as if LibreOffice counted ``counts`` pages (None: no LibreOffice)."""
    monkeypatch.setattr(imprint_page, "page_counts", lambda documents: counts)
    path = tmp_path / "form.yaml"
    path.write_text(dedent(form), encoding="utf-8")
    return zipfile.ZipFile(build_form(path, tmp_path / "out").output)


def xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def style(styles: etree._Element, style_id: str) -> etree._Element:
    (found,) = styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)
    return found


def val(element: etree._Element, path: str, attribute: str = "val") -> str | None:
    found = element.xpath(path, namespaces=NS)
    return found[0].get(f"{{{W}}}{attribute}") if found else None


def text_of(paragraph: etree._Element) -> str:
    """A paragraph's text, its tabs and line breaks as \\t and \\n."""
    marks = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n"}
    return "".join(marks.get(e.tag, e.text or "") for e in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"))


def paragraph_styles(document: etree._Element) -> list[str]:
    """The style of each body paragraph (cells' too), and ``table`` where a table begins, in order."""
    out = []
    for element in document.find(f"{{{W}}}body"):
        if element.tag == f"{{{W}}}tbl":
            out.append("table")
            out += [val(p, "w:pPr/w:pStyle") or "" for p in element.iter(f"{{{W}}}p")]
        elif element.tag == f"{{{W}}}p":
            out.append(val(element, "w:pPr/w:pStyle") or "")
    return out


def test_a_report_without_frame_fields_has_no_frame_styles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = built(tmp_path, monkeypatch, MINIMAL, None)
    assert b"IssuerMark" not in archive.read("word/styles.xml")
    assert "word/footer3.xml" not in archive.namelist()


def test_the_frame_styles_look_as_the_standard_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    styles = xml(built(tmp_path, monkeypatch, MINIMAL + FRAME, [2, 2]), "word/styles.xml")
    mark = style(styles, "IssuerMark")
    assert val(mark, "w:name") == "发文机关标志"
    assert val(mark, "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert val(mark, "w:rPr/w:color") == "FF0000" and val(mark, "w:rPr/w:sz") == "60"
    assert val(mark, "w:pPr/w:jc") == "center" and val(mark, "w:pPr/w:snapToGrid") == "0"
    assert val(mark, "w:pPr/w:spacing", "after") == "1158"  # 发文字号 两行 below
    number = style(styles, "DocNumberLeft")
    assert val(number, "w:pPr/w:ind", "left") == "320" and val(number, "w:pPr/w:jc") == "left"  # 居左空一字
    assert val(style(styles, "DocNumber"), "w:pPr/w:jc") == "center"
    assert val(style(styles, "Signers"), "w:pPr/w:ind", "hanging") == "1280"  # names wrap under the first name
    assert val(style(styles, "SignerName"), "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"
    rule = style(styles, "HeadRule")
    assert val(rule, "w:pPr/w:pBdr/w:bottom", "color") == "FF0000" and val(rule, "w:pPr/w:pBdr/w:bottom", "sz") == "12"
    assert val(rule, "w:pPr/w:ind", "firstLine") == "0" and val(rule, "w:pPr/w:spacing", "after") == "1158"  # title 两行 below
    label = style(styles, "AttachmentLabel")
    assert val(label, "w:rPr/w:rFonts", "eastAsia") == "黑体" and val(label, "w:rPr/w:sz") == "32"
    assert label.xpath("w:pPr/w:pageBreakBefore", namespaces=NS)
    title = style(styles, "AttachmentTitle")
    assert val(title, "w:basedOn") == "Title" and val(title, "w:pPr/w:spacing", "before") == "579"  # the third line
    notes = style(styles, "AttachmentNotes")
    assert val(notes, "w:pPr/w:ind", "left") == "2080" and val(notes, "w:pPr/w:ind", "hanging") == "1440"
    assert [t.get(f"{{{W}}}pos") for t in notes.xpath("w:pPr/w:tabs/w:tab", namespaces=NS)] == ["1600", "2080"]
    assert val(notes, "w:pPr/w:spacing", "before") == "579"  # 正文下空一行
    copy_to = style(styles, "CopyTo")
    assert val(copy_to, "w:rPr/w:sz") == "28" and val(copy_to, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert (val(copy_to, "w:pPr/w:ind", "left"), val(copy_to, "w:pPr/w:ind", "hanging"), val(copy_to, "w:pPr/w:ind", "right")) == (
        "1120", "840", "280"
    )  # 左右各空一字; wrapped lines under the first name after 抄送：
    imprint = style(styles, "Imprint")
    assert val(imprint, "w:pPr/w:ind", "left") == "280" and val(imprint, "w:pPr/w:tabs/w:tab", "pos") == "8565"


def test_the_frame_comes_in_the_standard_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = built(tmp_path, monkeypatch, MINIMAL + FRAME, [3, 3])  # body ends on page 3: the 版记 on the next
    document = xml(archive, "word/document.xml")
    order = paragraph_styles(document)
    assert order[:6] == ["IssuerMark", "table", "DocNumberLeft", "Signers", "HeadRule", "Title"]
    assert order[order.index("Closing") + 1 : order.index("Closing") + 5] == [
        "AttachmentNotes", "AttachmentNotes", "Signature", "SignatureDate"
    ]
    tail = order[order.index("SignatureDate") + 1 :]
    assert tail == [
        "AttachmentLabel", "AttachmentTitle", "Normal", "AttachmentLabel", "AttachmentTitle", "Heading1", "Normal",
        "ImprintPage", "table", "CopyTo", "Imprint", "",
    ]
    texts = [text_of(p) for p in document.iter(f"{{{W}}}p")]
    assert "青市监〔2024〕3号" in texts and "签发人：张三\u3000李四\n王五" in texts
    assert "附件：1.\t行政执法情况统计表" in texts and "\t2.\t法治宣传活动清单" in texts
    assert ["附件1", "附件2"] == [t for t in texts if t.startswith("附件") and len(t) == 3]
    assert "抄送：县委办公室，县政府办公室。" in texts and "青山县市场监督管理局办公室\t2024年1月20日印发" in texts
    # The 签发人 line breaks after two names; the number sits on the last line (bottom of its cell).
    (signers,) = document.xpath('//w:p[w:pPr/w:pStyle/@w:val="Signers"]', namespaces=NS)
    assert [val(r, "w:rPr/w:rStyle") for r in signers.xpath("w:r[w:t]", namespaces=NS)] == [None, "SignerName", None, "SignerName", "SignerName"]
    assert document.xpath('//w:tc[.//w:pStyle/@w:val="DocNumberLeft"]/w:tcPr/w:vAlign/@w:val', namespaces=NS) == ["bottom"]


def test_the_imprint_is_a_table_the_type_areas_width_floating_at_its_foot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = xml(built(tmp_path, monkeypatch, MINIMAL + FRAME, [2, 2]), "word/document.xml")
    table = document.xpath("//w:tbl", namespaces=NS)[-1]
    position = table.find("w:tblPr/w:tblpPr", NS)
    assert {key.split("}")[1]: value for key, value in position.attrib.items()} == {
        "leftFromText": "0", "rightFromText": "0", "topFromText": "0", "bottomFromText": "0",
        "vertAnchor": "margin", "horzAnchor": "page", "tblpX": "1587", "tblpYSpec": "bottom",
    }
    assert val(table, "w:tblPr/w:tblW", "w") == "8845"
    borders = {etree.QName(b).localname: (b.get(f"{{{W}}}val"), b.get(f"{{{W}}}sz")) for b in table.find("w:tblPr/w:tblBorders", NS)}
    assert borders == {
        "top": ("single", "8"), "left": ("nil", None), "bottom": ("single", "8"), "right": ("nil", None),
        "insideH": ("single", "6"), "insideV": ("nil", None),
    }
    # Body ends on an even page with room: the 版记 right after it, no page break.
    assert "ImprintPage" not in paragraph_styles(document)


def test_after_a_blank_page_the_imprint_section_has_empty_footers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = built(tmp_path, monkeypatch, MINIMAL + FRAME, [2, 3])  # even page, no room
    document = xml(archive, "word/document.xml")
    body_end, last = document.xpath("//w:sectPr", namespaces=NS)
    assert body_end.getparent().tag == f"{{{W}}}pPr"
    assert [ref.get(f"{{{W}}}type") for ref in last.findall("w:footerReference", NS)] == ["default", "even"]
    rels = archive.read("word/_rels/document.xml.rels").decode()
    for ref in last.findall("w:footerReference", NS):
        target = rels.split(f'Id="{ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")}"')[1]
        footer = target.split('Target="')[1].split('"')[0]
        assert "PAGE" not in archive.read(f"word/{footer}").decode()
        assert f"/word/{footer}" in archive.read("[Content_Types].xml").decode()
    order = paragraph_styles(document)
    assert order[order.index("ImprintPage") - 1] == ""  # the blank page's paragraph


def test_without_libreoffice_the_imprint_starts_a_section_on_the_next_even_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = xml(built(tmp_path, monkeypatch, MINIMAL + FRAME, None), "word/document.xml")
    last = document.xpath("//w:sectPr", namespaces=NS)[-1]
    assert val(last, "w:type") == "evenPage"


@pytest.mark.parametrize(
    ("pages", "fits", "double_sided", "place"),
    [
        (1, True, True, Place.NEXT_PAGE),
        (3, False, True, Place.NEXT_PAGE),
        (2, True, True, Place.HERE),
        (2, False, True, Place.AFTER_BLANK),
        (1, True, False, Place.HERE),
        (1, False, False, Place.NEXT_PAGE),
    ],
)
def test_the_imprint_goes_on_an_even_page(pages: int, fits: bool, double_sided: bool, place: Place) -> None:
    assert decide(pages, fits, double_sided) is place


def test_a_number_without_signers_is_centred_and_a_mark_too_long_for_30_points_shrinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    form = MINIMAL + "issuer_mark: [中共青山县委全面依法治县委员会办公室, 青山县人民政府办公室]\ndoc_number: 青法办〔2026〕1号\n"
    archive = built(tmp_path, monkeypatch, form, None)
    assert paragraph_styles(xml(archive, "word/document.xml"))[:4] == ["IssuerMark", "DocNumber", "HeadRule", "Title"]
    assert val(style(xml(archive, "word/styles.xml"), "IssuerMark"), "w:rPr/w:sz") == "49"  # 18 characters in 156 mm: 24.5 pt


JOINT = MINIMAL + "issuer_mark: [青山县市场监督管理局, 青山县司法局, 青山县人力资源和社会保障局文件]\ndoc_number: 青法办〔2026〕1号\n"


def test_a_joint_mark_with_文件_is_a_centred_table_of_the_names_spread_and_文件_centred_beside_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = built(tmp_path, monkeypatch, JOINT, None)
    document, styles = xml(archive, "word/document.xml"), xml(archive, "word/styles.xml")
    table = document.find(f"{{{W}}}body")[0]
    assert table.tag == f"{{{W}}}tbl"  # the first thing on the page
    assert val(table, "w:tblPr/w:jc") == "center" and val(table, "w:tblPr/w:tblBorders/w:top") == "nil"
    assert val(table, "w:tblPr/w:tblCellMar/w:left", "w") == val(table, "w:tblPr/w:tblCellMar/w:right", "w") == "0"
    # 13 characters + 1/8 of play, then “文件” and half a character; 15.625 characters fit 156 mm at 28 pt (560 tw).
    assert [col.get(f"{{{W}}}w") for col in table.xpath("w:tblGrid/w:gridCol", namespaces=NS)] == ["7350", "1400"]
    assert val(table, "w:tblPr/w:tblW", "w") == "8750"
    names, word = table.xpath("w:tr/w:tc", namespaces=NS)
    assert [text_of(p) for p in names.iter(f"{{{W}}}p")] == ["青山县市场监督管理局", "青山县司法局", "青山县人力资源和社会保障局"]
    assert {val(p, "w:pPr/w:pStyle") for p in names.iter(f"{{{W}}}p")} == {"JointIssuerMark"}
    assert [text_of(p) for p in word.iter(f"{{{W}}}p")] == ["文件"] and val(word, "w:tcPr/w:vAlign") == "center"
    assert val(word, "w:p/w:pPr/w:pStyle") == "JointIssuerMarkWord"
    assert not table.xpath(".//w:rPr", namespaces=NS)  # the looks are the styles'
    # The styles: the mark's (red 小标宋, 35 mm above), each name spread to the cell, 文件 at its right.
    joint, doc_word, mark = style(styles, "JointIssuerMark"), style(styles, "JointIssuerMarkWord"), style(styles, "IssuerMark")
    assert val(joint, "w:name") == "发文机关标志（联合）" and val(doc_word, "w:name") == "发文机关标志（文件）"
    assert val(joint, "w:basedOn") == val(doc_word, "w:basedOn") == "IssuerMark"
    assert val(joint, "w:pPr/w:jc") == "distribute" and joint.xpath("w:pPr/w:contextualSpacing", namespaces=NS)
    assert val(doc_word, "w:pPr/w:jc") == "right"
    assert val(mark, "w:rPr/w:sz") == "56" and val(mark, "w:rPr/w:color") == "FF0000"
    assert val(mark, "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"


def test_a_joint_mark_without_文件_stays_one_line_a_name_centred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    form = JOINT.replace("社会保障局文件", "社会保障局")
    document = xml(built(tmp_path, monkeypatch, form, None), "word/document.xml")
    assert paragraph_styles(document)[:3] == ["IssuerMark", "DocNumber", "HeadRule"]
    assert text_of(document.find(f"{{{W}}}body")[0]) == "青山县市场监督管理局\n青山县司法局\n青山县人力资源和社会保障局"
