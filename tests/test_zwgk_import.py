"""Import of last year's 政府信息公开工作年度报告 from its web page and from .docx: prose into the parts,
every figure into its field by the table's labels, and the form builds back into the same tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS
from draft.build import BuildOptions, build_form
from draft.form.read import read_form
from draft.form.write import note_line
from draft.imports import ImportResult, import_report
from zwgk_pages import copied_text, markdown, page
from zwgk_sources import HUAIAN_2024, PINGTAN_2022, PINGTAN_2024, SOURCES, Source
from zwgk_tables import figures_printed, read_tables

#: Each page carries one of the variants published pages have.
VARIANTS = {
    HUAIAN_2024.name: {"spaced": True, "comma_items": True},
    PINGTAN_2024.name: {"left_out": frozenset({"r5_3", "r5_4"})},  # rows the site left out: all 0 in this report
    PINGTAN_2022.name: {"typo": True},
}


def imported_form(source: Source, tmp_path: Path) -> Path:
    html = tmp_path / f"{source.name}.html"
    html.write_text(page(source, **VARIANTS[source.name]), encoding="utf-8")
    result = import_report(html)
    assert result.form_problems == []
    form = tmp_path / f"{source.name}.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    return form


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_a_page_imported_builds_back_into_the_same_tables(source: Source, tmp_path: Path) -> None:
    form = imported_form(source, tmp_path)
    report = read_form(form).report
    assert (report.kind, report.unit.printed, report.year) == ("information-disclosure", source.unit, source.year)
    assert [item.title.printed for item in report.parts[0].node.items] == ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
    assert report.parts[-1].node.paragraphs[0].printed == source.fee_text
    printed = figures_printed(read_tables(build_form(form, tmp_path / "out").output))
    assert printed.proactive == source.proactive
    assert printed.applications == source.applications
    assert printed.appeals == source.appeals


def test_the_site_s_chrome_stays_out_and_what_was_assumed_is_noted(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text(page(PINGTAN_2022, typo=True, left_out=frozenset({"r5_3"})), encoding="utf-8")
    result = import_report(html)
    for chrome in ("首页", "发布时间", "浏览次数", "打印本页", "备案号", "pageId"):
        assert chrome not in result.form_text
    assert [note_line(note) for note in result.notes] == [
        "“收到和处理政府信息公开申请情况”表中没有“三、本年度办理结果 › （五）不予处理 › 3.要求提供公开出版物”这一栏，按 0 导入，请核对。",
        "第17段（“四、政府信息公开行政法复议、行政……”）：这一部分的标题与格式不同，按格式写为“政府信息公开行政复议、行政诉讼情况”。",
    ]


def test_the_figures_are_written_by_name_with_their_labels_and_totals_left_to_draft(tmp_path: Path) -> None:
    text = imported_form(HUAIAN_2024, tmp_path).read_text(encoding="utf-8")
    assert "kind: information-disclosure\n" in text
    assert "  natural_persons:  # 自然人\n    new: 3001  # 一、本年新收政府信息公开申请数量\n    carried_in: 34  #" in text
    assert "  fees: 96171.6  # 行政事业性收费（万元）\n" in text
    assert "    # total: （七）总计，不用填写，由 draft 计算；填了会核对\n" in text
    assert "total: 3050" not in text and "total: 351" not in text


def test_a_source_whose_totals_do_not_add_up_is_noted(tmp_path: Path) -> None:
    wrong = PINGTAN_2024._replace(appeals=(2, 1, 3, 1, 8, *PINGTAN_2024.appeals[5:]))
    html = tmp_path / "page.html"
    html.write_text(page(wrong), encoding="utf-8")
    notes = [note_line(note) for note in import_report(html).notes]
    assert notes == [
        "原文的数字不符合“总计等于结果维持、结果纠正、其他结果、尚未审结之和”（四、政府信息公开行政复议、行政诉讼情况 › 行政复议 › 总计）："
        "表单按各项数字重新计算，请核对原文。"
    ]


@pytest.mark.parametrize(
    ("licensing", "fees", "said"),
    [
        (
            "1" * 5000,
            "12.5",
            "“二、主动公开政府信息情况 › 行政许可”在原文中是“11111111111111111111……”，位数太多，表单写不下，按 0 导入，请核对。",
        ),
        (
            "3",
            "0.0000001",
            "“二、主动公开政府信息情况 › 行政事业性收费（万元）”在原文中是“0.0000001”，小数多于 6 位，表单写不下，按 0 导入，请核对。",
        ),
    ],
)
def test_a_figure_no_form_can_hold_is_imported_as_0_with_a_note(tmp_path: Path, licensing: str, fees: str, said: str) -> None:
    proactive = PINGTAN_2024.proactive
    source = PINGTAN_2024._replace(proactive=(*proactive[:2], (licensing,), *proactive[3:5], (fees,)))
    html = tmp_path / "page.html"
    html.write_text(page(source), encoding="utf-8")
    result = import_report(html)
    assert [note_line(note) for note in result.notes] == [said]
    assert result.form_problems == []


def test_a_built_docx_imports_back_into_the_same_figures(tmp_path: Path) -> None:
    form = imported_form(PINGTAN_2024, tmp_path)
    docx = build_form(form, tmp_path / "first").output
    again = import_report(docx)
    assert again.form_problems == [] and again.notes == []
    second = tmp_path / "again.yaml"
    second.write_text(again.form_text, encoding="utf-8")
    printed = figures_printed(read_tables(build_form(second, tmp_path / "second").output))
    assert printed.applications == PINGTAN_2024.applications and printed.appeals == PINGTAN_2024.appeals


def test_a_law_based_government_report_imports_from_its_web_page_as_from_its_text(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    paragraphs = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    html = tmp_path / "report.html"
    html.write_text(
        '<html><head><meta charset="utf-8"><title>罗湖区司法局2022年法治政府建设年度报告_罗湖区政府</title></head><body>'
        '<div class="nav"><a href="/">首页</a> &gt; 政务公开</div><div class="info">发布时间：2023-03-01 来源：罗湖区司法局</div>'
        '<div class="TRS_Editor">' + "".join(f"<p>{line}</p>" for line in paragraphs) + "</div>"
        "<div class=\"footer\"><p>主办单位：深圳市罗湖区人民政府</p></div></body></html>",
        encoding="utf-8",
    )
    from_html = import_report(html)
    from_text = import_report(seed)
    body = "\n# 开头段落"  # the page has a title, the text none: the same from the intro on
    assert from_html.form_text[from_html.form_text.index(body) :] == from_text.form_text[from_text.form_text.index(body) :]
    assert "unit: 罗湖区司法局\n" in from_html.form_text and "首页" not in from_html.form_text
    assert not [note for note in from_html.notes if "重建后" in note.message]


def test_draft_s_own_web_page_imports_with_its_title_once(tmp_path: Path) -> None:
    """A page whose <title> is also its <h1>, broken over two lines by <br>, as draft writes it."""
    from draft.build.formats import HTML

    form = Path(__file__).parent / "fixtures" / "zwgk" / "huaian-2024.yaml"
    page = build_form(form, tmp_path / "web", BuildOptions(formats=(HTML,))).output
    result = import_report(page)
    assert "\ntitle:" not in result.form_text  # the title is the template's own: left out of the form
    assert [note_line(note) for note in result.notes if "标题" in str(note)] == [
        "第1段（“淮安市人民政府”）：标题分在 2 行，已连成一行：“淮安市人民政府2024年政府信息公开工作年度报告”。"
    ]
    back = tmp_path / "back.yaml"
    back.write_text(result.form_text, encoding="utf-8")
    rebuilt = build_form(back, tmp_path / "rebuilt").output
    original = build_form(form, tmp_path / "original").output
    assert [table.cells for table in read_tables(rebuilt)] == [table.cells for table in read_tables(original)]


def test_a_seventh_part_is_merged_into_the_sixth_which_stays_the_sixth(tmp_path: Path) -> None:
    """The format has six parts: a seventh goes into the sixth (其他需要报告的事项), not the sixth into the fifth."""
    source = tmp_path / "zwgk7.txt"
    source.write_text(
        "示例区人民政府办公室2024年政府信息公开工作年度报告\n"
        "一、总体情况\n2024年，我区认真贯彻《中华人民共和国政府信息公开条例》。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        "五、存在的主要问题及改进情况\n问题是宣传不够。\n"
        "六、其他需要报告的事项\n无。\n"
        "七、附录\n本报告电子版可在区政府网站下载。\n"
        "示例区人民政府办公室\n2025年1月20日\n",
        encoding="utf-8",
    )
    result = import_report(source)
    assert "原文没有这一部分" not in result.form_text
    form = tmp_path / "zwgk7.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    parts = {part.kind: [text.printed for text in part.node.paragraphs] for part in read_form(form).report.parts}
    assert parts["problems"] == ["问题是宣传不够。"]
    assert parts["others"] == ["无。", "七、附录", "本报告电子版可在区政府网站下载。"]
    merged = [note_line(note) for note in result.notes if "部分超过六个" in note.message]
    assert merged == [
        "第11行（“七、附录”）：部分超过六个，表单放不下：这一部分已原样并入上一部分的末尾（编号按原文写在正文里），请核对。"
    ]


# --- table labels as real pages write them (issue 22, point 5) -------------------------------------------------

def _imported_page(tmp_path: Path, source: Source, **variant: object) -> tuple[ImportResult, Source]:
    """``source``'s page in ``variant``, imported, and the figures its form builds into."""
    html = tmp_path / "page.html"
    html.write_text(page(source, **variant), encoding="utf-8")  # type: ignore[arg-type]
    result = import_report(html)
    assert result.form_problems == []
    form = tmp_path / "page.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    return result, figures_printed(read_tables(build_form(form, tmp_path / "out").output))


SHORT_AND_MISSPELT = (
    ("行政规范性文件", "规范性文件"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
    ("（三）不予公开", "(三)不予公开"),
    ("1.属于国家秘密", "（1）属于国家秘密"),
    ("1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信宵"),
    ("社会公益<br>组织", "社会公易<br>组织"),
)


def test_short_renumbered_and_misspelt_labels_are_read_by_meaning(tmp_path: Path) -> None:
    result, printed = _imported_page(tmp_path, HUAIAN_2024, relabel=SHORT_AND_MISSPELT)
    assert printed.proactive == HUAIAN_2024.proactive  # 规范性文件: 8 / 26 / 66, not 0 / 0 / 0
    assert printed.applications == HUAIAN_2024.applications
    assert printed.appeals == HUAIAN_2024.appeals
    assert sorted(note_line(note) for note in result.notes) == [
        "原文表格中的“1.本机关不掌握相关政府信宵”与格式的“1.本机关不掌握相关政府信息”只差个别字，按“1.本机关不掌握相关政府信息”读入，请核对。",
        "原文表格中的“社会公易组织”与格式的“社会公益组织”只差个别字，按“社会公益组织”读入，请核对。",
    ]
    assert "  二、主动公开政府信息情况 → proactive（主动公开政府信息情况）：表格，读出 10 个数字（总计由 draft 计算）" in result.summary


def test_a_table_of_the_format_before_2021_gives_its_single_other_row_to_3_other(tmp_path: Path) -> None:
    result, printed = _imported_page(tmp_path, HUAIAN_2024, old_format=True)
    other = [sum(column) for column in zip(*(HUAIAN_2024.applications[f"r6_{i}"] for i in (1, 2, 3)), strict=True)]
    assert other != [0] * 7  # a figure there would have been lost
    assert printed.applications == {**HUAIAN_2024.applications, "r6_1": (0,) * 7, "r6_2": (0,) * 7, "r6_3": tuple(other)}
    assert [note_line(note) for note in result.notes] == [
        "原文的“收到和处理政府信息公开申请情况”表是 2021 年以前的格式，“（六）其他处理”只有一行：它的数字按"
        "“（六）其他处理 › 3.其他”导入，其余各项为 0，请核对。"
    ]


def test_blank_cells_are_read_as_0_and_said(tmp_path: Path) -> None:
    result, printed = _imported_page(tmp_path, PINGTAN_2024, blank_zeros=True)
    assert (printed.proactive, printed.applications, printed.appeals) == (
        PINGTAN_2024.proactive, PINGTAN_2024.applications, PINGTAN_2024.appeals)
    notes = [note_line(note) for note in result.notes]
    assert notes[0] == "“主动公开政府信息情况”表中有空白的格子（规章 › 本年制发件数；规章 › 本年废止件数；规章 › 现行有效件数），按 0 导入，请核对。"
    assert notes[1].startswith("“收到和处理政府信息公开申请情况”表中有空白的格子（科研机构 › 一、本年新收政府信息公开申请数量；")
    assert len(notes) == 3 and "格），按 0 导入" in notes[1]
    assert "表格，读出 7 个数字，另有 3 个原文没有或空白，按 0（总计由 draft 计算）" in "\n".join(result.summary)


def test_a_row_that_cannot_be_placed_is_named_with_its_figures(tmp_path: Path) -> None:
    result, printed = _imported_page(tmp_path, HUAIAN_2024, relabel=(("行政强制", "其他对外管理服务事项"),))
    assert printed.proactive[4] == ("0",)
    notes = [note_line(note) for note in result.notes]
    assert "原文表格中“其他对外管理服务事项”的数字没有对应的栏目，没有导入：本年处理决定数量 88283。请核对，需要时填入表单。" in notes
    assert "“主动公开政府信息情况”表中没有“行政强制”这一栏，按 0 导入，请核对。" in notes
    assert "表格，读出 9 个数字，另有 1 个原文没有或空白，按 0（总计由 draft 计算）" in "\n".join(result.summary)


# --- tables copied into a .txt, or written in Markdown (issue 22, point 6) ---------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".md", "-line-breaks.txt"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.name)
def test_tables_copied_as_tab_separated_text_or_written_in_markdown_give_every_figure(
    source: Source, suffix: str, tmp_path: Path
) -> None:
    """Also when the copy broke a row where a cell held a <br> (本年<br>制发件数): the pieces stay in the table."""
    if suffix == ".md":
        text = markdown(source, relabel=SHORT_AND_MISSPELT[:4])
    else:
        text = copied_text(source, line_breaks=suffix != ".txt", relabel=SHORT_AND_MISSPELT[:4])
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert result.form_problems == [] and result.notes == []
    form = tmp_path / "report.yaml"
    form.write_text(result.form_text, encoding="utf-8")
    printed = figures_printed(read_tables(build_form(form, tmp_path / "out").output))
    assert (printed.proactive, printed.applications, printed.appeals) == (source.proactive, source.applications, source.appeals)
    assert "  三、收到和处理政府信息公开申请情况 → applications（收到和处理政府信息公开申请情况）：表格，读出 144 个数字（总计由 draft 计算）" in result.summary


def test_a_tab_separated_table_in_a_report_without_tables_is_said_not_imported(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    lines = seed.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "report.txt"
    path.write_text("\n".join([*lines[:3], "项目\t件数", "行政复议\t12", "行政诉讼\t3", *lines[3:]]) + "\n", encoding="utf-8")
    notes = [note_line(note) for note in import_report(path).notes]
    assert "第4行起有一个表格，表格内容没有导入，请在表单中另行补充。" in notes


OLD_COLUMNS = (("本年<br>制发件数", "本年<br>新制作数量"), ("本年<br>废止件数", "本年<br>新公开数量"), ("现行<br>有效件数", "对外公开<br>总数量"))


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_columns_of_another_meaning_are_not_read_by_their_order_but_named(suffix: str, tmp_path: Path) -> None:
    """The format before 2021 counted 规章 by 本年新制作数量 / 本年新公开数量 / 对外公开总数量: not the 制发 / 废止 /
    现行有效 of today's, so none of them is taken for those, and each figure is named in a note."""
    text = page(HUAIAN_2024, relabel=OLD_COLUMNS) if suffix == ".html" else copied_text(HUAIAN_2024, relabel=OLD_COLUMNS)
    path = tmp_path / f"report{suffix}"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert "regulations:  # 规章\n    issued: 0  # 本年制发件数\n    repealed: 0  # 本年废止件数\n    in_force: 0  # 现行有效件数" in result.form_text
    notes = [note_line(note) for note in result.notes]
    assert "原文表格中“规章”的数字没有对应的栏目，没有导入：本年新制作数量 1，对外公开总数量 11。请核对，需要时填入表单。" in notes
    assert "原文表格中“行政规范性文件”的数字没有对应的栏目，没有导入：本年新制作数量 8，本年新公开数量 26，对外公开总数量 66。请核对，需要时填入表单。" in notes
    assert "  licensing: 447228  # 行政许可" in result.form_text


def test_cells_of_two_paragraphs_on_a_page_are_read(tmp_path: Path) -> None:
    """A label broken into two paragraphs, a figure with its unit in a second one, and a cell of two figures
    (which is no one figure: 0, said)."""
    text = page(HUAIAN_2024)
    text = text.replace("<td>行政规范性文件</td><td>8</td>", "<td><p>行政规范性</p><p>文件</p></td><td><p>8</p><p>件</p></td>", 1)
    text = text.replace("<td>行政许可</td><td colspan=\"3\">447228</td>", "<td>行政许可</td><td colspan=\"3\"><p>447228</p><p>1</p></td>", 1)
    path = tmp_path / "page.html"
    path.write_text(text, encoding="utf-8")
    result = import_report(path)
    assert "normative_documents:  # 行政规范性文件\n    issued: 8  # 本年制发件数\n" in result.form_text
    assert "  licensing: 0  # 行政许可" in result.form_text
    assert [note_line(note) for note in result.notes] == ["“二、主动公开政府信息情况 › 行政许可”在原文中是“447228 / 1”，不是数字，按 0 导入，请核对。"]
    assert result.form_problems == []


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("（四）无法提供", ("无法提供", False)),
        ("(四)无法提供", ("无法提供", False)),
        ("4、保护第三方合法权益", ("保护第三方合法权益", False)),
        ("规范性文件", ("行政规范性文件", False)),  # an alias the kind declares
        ("行政法复议", ("行政复议", True)),  # one character too many
        ("本年制法件数", ("本年制发件数", True)),
        ("本年新公开数量", ("本年新公开数量", False)),  # another column of the format before 2021: not 本年制发件数
        ("（六）其它处理", ("其他处理", False)),  # 其它 is 其他
        ("其他处置", ("其他处置", False)),  # two characters of four differ: not guessed
        ("政府集中采购", ("政府集中采购", False)),
    ],
)
def test_labels_are_read_by_meaning_and_only_near_misspellings_are_guessed(written: str, read_as: tuple[str, bool]) -> None:
    from draft.importer.figures import _layout_labels
    from draft.importer.labels import Vocabulary
    from draft.kinds import all_kinds

    kind = all_kinds()["information-disclosure"]
    vocabulary = Vocabulary(kind.figure_groups, [label for layout in kind.tables.values() for label in _layout_labels(layout)])
    assert vocabulary.read(written) == read_as
