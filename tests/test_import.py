"""``draft import``: a published report becomes a form that validates and rebuilds to the same body."""

from __future__ import annotations

import datetime
import io
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, REPO, SEEDS, body_texts, built_past_placeholders, run_cli
from draft.build import build_form
from draft.form.load import load_bytes
from draft.form.write import block, note_line, scalar
from draft.importer import files as import_files
from draft.importer.infer import UNIT_PLACEHOLDER
from draft.importer.marks import match_marker, split_points, split_title
from draft.importer.part_kinds import classify
from draft.importer.source import SourcePara
from draft.imports import import_report
from draft.kinds import DEFAULT, by_id
from draft.model.numbering import MarkerStyle
from draft.model.report import TitlePlacement
from draft.text.paragraphs import split_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
NOW = datetime.datetime(2025, 3, 1, 9, 30)


def comparable(text: str) -> str:
    """NFKC, whitespace removed (as tests/test_seeds.py compares)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Imported:
    """An imported report: its form (text and data) and what it rebuilds to."""

    def __init__(self, source: Path, tmp_path: Path) -> None:
        self.result = import_report(source, now=NOW)
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.form = tmp_path / "imported.yaml"
        self.form.write_text(self.result.form_text, encoding="utf-8")
        self.data: dict[str, Any] = yaml.safe_load(self.result.form_text)
        # Passes `draft validate`, but for the placeholders of what the source lacks (its form_problems).
        self.report, self.document = built_past_placeholders(self.form)
        self.body = body_texts(self.document)
        self.warnings = [note_line(note) for note in self.result.notes]

    def assert_body_equals(self, expected: list[str]) -> None:
        got = [comparable(text) for text in self.body]
        want = [comparable(text) for text in expected]
        for number, (a, b) in enumerate(zip(got, want, strict=False), 1):
            assert a == b, f"paragraph {number} differs:\n{a}\n{b}"
        assert len(got) == len(want)

    @property
    def title(self) -> str:
        return self.document.paragraphs[0].text.replace("\n", "")


@pytest.fixture
def imported(tmp_path: Path):  # type: ignore[no-untyped-def]
    return lambda source: Imported(source, tmp_path)


# --- Round trip: the two published reports and the example forms --------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_published_report_round_trips(seed: Path, imported) -> None:  # type: ignore[no-untyped-def]
    result = imported(seed)
    result.assert_body_equals(lines_of(seed))
    modeline, _, form_text = result.result.form_text.partition("\n")  # the first line names the schema to editors
    assert modeline == "# yaml-language-server: $schema=.draft/schema-law-based-government.json"
    assert form_text.startswith(f"# 由 draft import 从 {seed.name} 生成于 2025-03-01 09:30；请核对后再生成")


def test_published_reports_keep_their_conventions(imported) -> None:  # type: ignore[no-untyped-def]
    luohu = imported(SEEDS / "000_31027cef6ae4fb1c.txt")
    assert luohu.data["year"] == 2022
    assert luohu.data["layout"] == {"title": "own-line"}
    assert luohu.data["measures"]["title"] == "2022年法治政府建设的主要措施和成效"
    first = luohu.data["measures"]["items"][0]
    assert first["title"] == "全方位部署法治政府建设"
    assert len(first["points"]) == 4 and first["points"][0].startswith("深学悟透笃行。")
    assert not first["points"][0].startswith("一是")
    assert luohu.data["measures"]["items"][2]["items"][0]["title"] == "推动服务升级"
    assert list(luohu.data)[:3] == ["unit", "year", "layout"]

    zhonglou = imported(SEEDS / "001_e1a9875e9273dbc0.txt")
    assert zhonglou.data["year"] == 2023
    assert zhonglou.data["layout"] == {"numbering": "1.", "points": "paragraphs"}
    item = zhonglou.data["measures"]["items"][0]
    assert item["title"] == "提升政治站位,加强队伍建设"  # the source's punctuation, as it was
    assert item["text"].strip().startswith("始终把“法治人社”建设工作")
    assert zhonglou.data["plans"]["title"] == "下一步工作安排"
    assert len(zhonglou.data["plans"]["points"]) == 3
    # Neither seed names the unit in full: the short name the intro uses, or a placeholder; a warning either way.
    assert zhonglou.data["unit"] == "钟楼区人社局"
    assert any("钟楼区人社局" in w and "全称" in w and "unit" in w for w in zhonglou.warnings)
    assert luohu.data["unit"] == UNIT_PLACEHOLDER
    assert any(UNIT_PLACEHOLDER in w and "unit" in w for w in luohu.warnings)


FORMS = sorted(EXAMPLES.glob("*.yaml")) + [REPO / "templates" / "report" / "form.yaml"]


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_built_example_round_trips(form: Path, tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    # The starter form is built as if its examples were the unit's own (draft builds no report from it as it stands).
    original = built_past_placeholders(form)[1]
    source = tmp_path / "original" / (form.stem + ".docx")
    source.parent.mkdir()
    original.save(str(source))
    result = imported(source)
    result.assert_body_equals(body_texts(original))
    assert result.title == original.paragraphs[0].text.replace("\n", "")
    assert result.warnings == []


def test_built_example_form_keeps_its_fields(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "form.docx"
    built_past_placeholders(REPO / "templates" / "report" / "form.yaml")[1].save(str(source))
    data = imported(source).data
    assert data["unit"] == "某某区司法局" and data["year"] == 2024
    assert "title" not in data  # equals the default title: left to the template
    assert "title" not in data["measures"]
    assert data["recipient"] == "区委全面依法治区委员会办公室"
    assert data["closing"] is True
    assert data["signature"] == "某某区司法局"
    assert data["date"] == datetime.date(2025, 1, 15)
    assert list(data) == ["unit", "year", "recipient", "intro", "measures", "shortcomings", "responsibility", "plans",
                          "closing", "signature", "date"]


# --- Hand-made reports that vary the conventions -----------------------------------------


def test_report_without_intro(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "no-intro.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    data = result.data
    assert "intro" not in data and "title" not in data
    assert data["unit"] == "示例市示例区司法局" and data["year"] == 2023
    assert data["layout"] == {"title": "run-in"}  # （一）加强组织领导。局党组……
    first = data["measures"]["items"][0]
    assert first["title"] == "加强组织领导，压实工作责任"
    assert first["text"].startswith("局党组高度重视")
    assert "一是" in first["text"]  # text and points in one paragraph: kept as written
    assert data["shortcomings"]["points"] == ["运用法治思维解决问题的能力还需提高", "基层执法力量相对薄弱。"]


def test_report_with_responsibility_part_first(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "responsibility-first.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    data = result.data
    parts = [key for key in data if key in ("measures", "shortcomings", "responsibility", "plans", "others")]
    assert parts == ["responsibility", "measures", "shortcomings", "plans"]
    assert data["title"] == "示例县市场监督管理局关于2022年度法治政府建设情况的报告"
    assert data["unit"] == "示例县市场监督管理局" and data["year"] == 2022
    assert data["recipient"] == "县委依法治县办"
    assert data["closing"] is True
    assert data["plans"]["title"] == "2023年度工作打算"
    assert result.title == data["title"]


def test_report_with_paren_items(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "paren-items.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    first = result.data["measures"]["items"][0]
    assert first["title"] == "深化“放管服”改革"
    assert [item["title"] for item in first["items"]] == ["优化政务服务", "加强事中事后监管"]
    deepest = first["items"][0]["items"]
    assert [item["title"] for item in deepest] == ["推行“一网通办”", "压缩办理时限"]
    assert deepest[0]["text"] == "全年网上办理事项3.2万件，网办率达95%以上。"
    assert "layout" not in result.data  # （一）own line, 1. own line (nothing to run into), （1）run in: the defaults
    assert ("Heading 4", "（1）推行“一网通办”。") not in [(p.style.name, p.text) for p in result.document.paragraphs]


def test_report_with_points_one_paragraph_each(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "points-paragraphs.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    data = result.data
    assert data["layout"] == {"points": "paragraphs"}
    assert data["measures"]["text"] == "全年共办理环境行政处罚案件215件，罚没金额1860万元。主要做法如下："
    assert data["measures"]["points"][0] == "完善制度体系。制定《生态环境行政处罚自由裁量基准》，规范裁量权行使。"
    assert len(data["plans"]["points"]) == 3


def test_report_with_title_over_two_lines(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "two-line-title.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[2:])
    assert result.data["unit"] == "示例市交通运输局" and result.data["year"] == 2022
    assert "title" not in result.data  # the joined title is the default one
    assert result.title == "示例市交通运输局2022年法治政府建设年度报告"
    assert any("标题分在 2 行" in w for w in result.warnings)


def test_report_with_signature_and_date(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "signature-date.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    data = result.data
    assert data["closing"] is True
    assert data["signature"] == "示例镇人民政府"
    assert data["date"] == datetime.date(2024, 1, 18)
    assert [p.style.name for p in result.document.paragraphs[-2:]] == ["落款", "成文日期"]


def test_half_width_markers_with_spaces(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "half-width.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    first = result.data["measures"]["items"][0]
    assert first["title"] == "加强安全生产执法"
    assert [item["title"] for item in first["items"]] == ["开展专项整治", "规范执法程序"]
    assert first["items"][0]["text"].startswith("全年检查企业680家次")


def test_unknown_part_goes_to_others_with_a_warning(imported) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "unknown-part.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source)[1:])
    assert result.data["others"] == {"title": "法治教育进校园", "text": "全年开展法治讲座120场，覆盖学生5万余人次。"}
    assert any("四、法治教育进校园" in w and "others" in w for w in result.warnings)


def test_unit_not_found_leaves_a_placeholder_and_a_warning(imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "no-unit.txt"
    result = imported(source)
    result.assert_body_equals(lines_of(source))
    assert result.data["unit"] == UNIT_PLACEHOLDER  # and the form builds past it (Imported checks)
    assert result.data["year"] == 2023
    assert any(UNIT_PLACEHOLDER in w and "unit" in w for w in result.warnings)
    assert result.title.startswith(UNIT_PLACEHOLDER)  # stands out in the report built past it
    assert "请把下面的占位文字改为单位全称" in result.result.form_text
    # draft validate lists it, so draft build writes no report with it.
    unit_line = result.result.form_text.splitlines().index(f"unit: {UNIT_PLACEHOLDER}") + 1
    assert [(p.line, p.field, p.message) for p in result.result.form_problems] == [
        (unit_line, "unit", "unit（单位名称）还是 draft import 写的占位文字“（单位全称）”：导入的原文里没有写出单位名称。请改成本单位的全称（标题和落款都用它）。")
    ]


def test_markdown_report(imported) -> None:  # type: ignore[no-untyped-def]
    result = imported(FIXTURES / "report.md")
    result.assert_body_equals(
        [
            "2023年，区司法局坚持以习近平法治思想为指导，全面履行法治建设职责。现将有关情况报告如下：",
            "一、2023年推进法治政府建设的主要举措和成效",
            "（一）统筹推进法治建设",
            "1.强化法治督察。开展法治政府建设专项督察，督促整改问题18个。",
            "2.推进示范创建。成功创建省级法治政府建设示范项目1个。",
            "（二）深化公共法律服务",
            "一是建成公共法律服务站点86个；二是全年办理法律援助案件1230件；三是开展“法律明白人”培训4期。",
            "二、2023年推进法治政府建设存在的不足和原因",
            "基层法治力量仍显薄弱。",
            "三、2024年推进法治政府建设的主要安排",
            "持续推进法治政府建设示范创建，提升公共法律服务水平。",
            "特此报告。",
            "示例区司法局",
            "2024年1月12日",
        ]
    )
    data = result.data
    assert data["measures"]["items"][0]["items"][0] == {"title": "强化法治督察", "text": "开展法治政府建设专项督察，督促整改问题18个。"}
    assert len(data["measures"]["items"][1]["points"]) == 3
    assert result.warnings == []


MARKDOWN_WITH_NON_TEXT = """\
# 示例区司法局2023年法治政府建设年度报告

2023年，区司法局坚持依法行政。现将有关情况报告如下：

## 一、2023年推进法治政府建设的主要举措和成效

{fence}
我局&nbsp;开展了<b>专项</b>督察，督促整改问题18个&amp;更多。

| 项目 | 数量 |
|------|-----:|
| 案件 | 12 |

<table><tr><td>表格里的字</td></tr>
</table>

## 二、2023年推进法治政府建设存在的不足和原因

基层法治力量仍显<span style="color:red">薄弱</span>，详见 <https://example.com/a>。

{fence}

## 三、2024年推进法治政府建设的主要安排

持续推进法治政府建设示范创建。
"""


@pytest.mark.parametrize("fence", ["```", "~~~", "```yaml", "````"])
@pytest.mark.parametrize("closed", [True, False], ids=["closed", "left open"])
def test_markdown_fences_tables_and_html_are_not_text_and_swallow_nothing(tmp_path: Path, fence: str, closed: bool) -> None:
    text = MARKDOWN_WITH_NON_TEXT.format(fence=fence)
    if not closed:
        text = text.replace(f"\n{fence}\n\n## 三", "\n\n## 三")
    (tmp_path / "report.md").write_text(text, encoding="utf-8")
    result = import_report(tmp_path / "report.md", now=NOW)
    data = yaml.safe_load(result.form_text)
    assert data["measures"]["text"] == "我局\u00a0开展了专项督察，督促整改问题18个&更多。"
    assert data["shortcomings"]["text"] == "基层法治力量仍显薄弱，详见 https://example.com/a。"
    assert data["plans"]["text"] == "持续推进法治政府建设示范创建。"
    assert "表格里的字" not in result.form_text and "案件" not in result.form_text
    fences = "7、21" if closed else "7"
    assert [note.message for note in result.notes][:3] == [
        f"第{fences}行的代码块标记（``` 或 ~~~）已去掉，其中的文字按普通段落导入，请核对。",
        "第10、14行起的表格没有导入（表格不能写进表单），请在表单中另行补充。",
        "第8、19行等处的 HTML 标记已去掉，只导入了其中的文字（“&nbsp;”等写法换成了对应的字符）。",
    ]


# --- Word files as people type them --------------------------------------------------------


def _hand_typed(path: Path, lines: list[str], *, bold_titles: bool = False, title_lines: int = 1) -> None:
    """A .docx of plain paragraphs (no styles), indented with full-width spaces, as typed in Word."""
    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for number, line in enumerate(lines[:title_lines]):
        run = title.add_run(line)
        if number < title_lines - 1:
            run.add_break()
    for line in lines[title_lines:]:
        paragraph = document.add_paragraph()
        paragraph.add_run("　　")
        if bold_titles and line[:1] in "（1" and "。" in line:
            head, tail = line.split("。", 1)
            paragraph.add_run(head + "。").bold = True
            paragraph.add_run(tail)
        else:
            paragraph.add_run(line)
        document.add_paragraph()  # empty paragraphs between, as people space their text
    document.save(str(path))


def test_hand_typed_docx_with_bold_run_in_titles(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(FIXTURES / "signature-date.txt")
    source = tmp_path / "手工录入.docx"
    _hand_typed(source, lines, bold_titles=True)
    result = imported(source)
    result.assert_body_equals(lines[1:])
    assert result.data["layout"] == {"title": "run-in"}
    assert result.data["measures"]["items"][0]["title"] == "强化组织保障"
    assert result.data["date"] == datetime.date(2024, 1, 18)


def test_hand_typed_docx_with_title_over_two_lines(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    lines = lines_of(FIXTURES / "two-line-title.txt")
    source = tmp_path / "two-lines.docx"
    _hand_typed(source, lines, title_lines=2)
    result = imported(source)
    result.assert_body_equals(lines[2:])
    assert result.data["unit"] == "示例市交通运输局"
    assert result.title == "示例市交通运输局2022年法治政府建设年度报告"


_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def test_docx_with_word_automatic_numbering(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    """一、 and （一） typed by Word's list numbering are not in the text: they are read from numbering.xml."""
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(_NUMBERING)
    paragraphs = [
        (None, "示例区司法局2023年法治政府建设年度报告"),
        (None, "2023年，我局扎实推进法治政府建设。现将有关情况报告如下："),
        (0, "2023年推进法治政府建设的主要举措和成效"),
        (1, "加强组织领导"),
        (None, "局党组召开专题会议4次。"),
        (1, "规范行政执法"),
        (None, "全年办理案件32件。"),
        (0, "2023年推进法治政府建设存在的不足和原因"),
        (None, "执法力量薄弱。"),
        (0, "2024年推进法治政府建设的主要安排"),
        (None, "加强执法队伍建设。"),
    ]
    for level, text in paragraphs:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    f'<w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
                )
            )
    source = tmp_path / "auto.docx"
    document.save(str(source))
    result = imported(source)
    assert [item["title"] for item in result.data["measures"]["items"]] == ["加强组织领导", "规范行政执法"]
    result.assert_body_equals(
        [
            "2023年，我局扎实推进法治政府建设。现将有关情况报告如下：",
            "一、2023年推进法治政府建设的主要举措和成效",
            "（一）加强组织领导",
            "局党组召开专题会议4次。",
            "（二）规范行政执法",
            "全年办理案件32件。",
            "二、2023年推进法治政府建设存在的不足和原因",
            "执法力量薄弱。",
            "三、2024年推进法治政府建设的主要安排",
            "加强执法队伍建设。",
        ]
    )


# --- What cannot be said in a form is kept as written, and said ---------------------------


def test_what_the_form_cannot_hold_is_kept_verbatim_and_noted(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    body = [
        "2023年，我局扎实推进法治政府建设。现将有关情况报告如下：",
        "一、主要工作及成效",
        "（一）加强组织领导。一是健全领导机制，调整领导小组；二是压实工作责任。",
        "（二）规范行政执法：全年办理案件32件。",
        "通过以上措施，我局法治政府建设取得明显成效。",
        "二、存在的问题",
        "一是学习不够深入；",
        "二是执法力量薄弱；",
        "三是宣传形式单一。",
        "三、下一步工作打算",
        "一是加强学习。",
        "我局将持续推进。",
        "二是规范执法。",
        "特此报告。",
        "示例市示例区城市管理和综合执法局",
        "2024年1月10日",
    ]
    source = tmp_path / "odd.txt"
    source.write_text("\n".join(body + ["（此件公开发布）", "附件：工作台账"]), encoding="utf-8")
    result = imported(source)
    result.assert_body_equals(body)
    data = result.data
    assert data["unit"] == "示例市示例区城市管理和综合执法局"  # from the 落款
    assert data["measures"]["items"][0]["points"] == ["健全领导机制，调整领导小组", "压实工作责任。"]
    assert data["shortcomings"]["text"].split() == ["一是学习不够深入；", "二是执法力量薄弱；", "三是宣传形式单一。"]
    assert any("标点与程序生成的写法不同" in w for w in result.warnings)
    assert any("要点总在正文之后" in w for w in result.warnings)
    assert any("成文日期之后的 2 段" in w for w in result.warnings)


def test_web_page_text_and_continued_numbering(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    body = [
        "区委全面依法治区委员会办公室：",
        "2023年，区审计局认真贯彻落实习近平法治思想。现将有关情况报告如下：",
        "一、2023年推进法治政府建设的主要举措和成效",
        "1、健全制度体系。修订完善审计业务制度12项。",
        "2、规范审计行为。审计项目质量检查合格率100%。",
        "二、2023年推进法治政府建设存在的不足和原因",
        "审计人员法律素养有待进一步提升。",
        "三、2024年推进法治政府建设的主要安排",
        "（一）加强法治学习",
        "1.开展学法活动。每季度组织集中学法1次。",
        "2.落实普法责任。明确普法责任清单。",
        "（二）规范审计执法",
        "3.完善审计流程。修订审计业务流程。",
    ]
    head = ["示例区审计局2023年法治政府建设年度报告", "发布时间：2024-01-15 10:20 来源：区审计局", "【字体：大 中 小】", "某审〔2024〕3号"]
    source = tmp_path / "web.txt"
    source.write_text("\n".join(head + body), encoding="utf-8")
    result = imported(source)
    result.assert_body_equals(body)
    data = result.data
    assert data["measures"]["layout"] == {"numbering": "1、"}
    assert data["plans"]["layout"] == {"continue_numbering": True}
    assert data["recipient"] == "区委全面依法治区委员会办公室"
    assert data["doc_number"] == "某审〔2024〕3号"  # the 发文字号 goes to the frame, the web page's lines are dropped
    assert sum("没有导入" in w for w in result.warnings) == 2


def test_more_than_five_parts_and_a_missing_part(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    lines = ["示例县水利局2022年度法治政府建设工作报告", "一、2022年主要工作", "全年完成水利投资5亿元。", "二、取得的成效",
             "办结率100%。", "三、存在的问题", "执法装备不足。", "四、2023年工作计划", "加强执法装备建设。",
             "五、其他事项", "无。", "六、附表说明", "略。"]
    source = tmp_path / "six.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = imported(source)
    result.assert_body_equals(lines[1:])
    assert any("部分超过五个" in w for w in result.warnings)

    lines = ["示例区民政局2023年法治政府建设工作情况报告", "一、主要举措和成效", "登记社会组织26家。",
             "二、存在问题及下一步打算", "执法力量薄弱，下一步加强队伍建设。"]
    source = tmp_path / "two.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = imported(source)
    assert result.data["plans"]["text"].startswith("（原文没有这一部分")
    assert any("没有找到“下一年度的主要安排”部分" in w for w in result.warnings)


# --- Pieces of the parser -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "style", "number", "rest"),
    [
        ("一、主要举措", MarkerStyle.CHINESE, 1, "主要举措"),
        ("（十二）规范执法", MarkerStyle.CHINESE_PAREN, 12, "规范执法"),
        ("(一) 规范执法", MarkerStyle.CHINESE_PAREN, 1, "规范执法"),
        ("1.推动服务升级", MarkerStyle.ARABIC_DOT, 1, "推动服务升级"),
        ("1. 提升政治站位", MarkerStyle.ARABIC_DOT, 1, "提升政治站位"),
        ("２．加强学习", MarkerStyle.ARABIC_DOT, 2, "加强学习"),
        ("3、加强学习", MarkerStyle.ARABIC_COMMA, 3, "加强学习"),
        ("（1）推行一网通办", MarkerStyle.ARABIC_PAREN, 1, "推行一网通办"),
        ("(2)压缩时限", MarkerStyle.ARABIC_PAREN, 2, "压缩时限"),
        ("1.2022年，我局", MarkerStyle.ARABIC_DOT, 1, "2022年，我局"),
    ],
)
def test_markers(text: str, style: MarkerStyle, number: int, rest: str) -> None:
    marker = match_marker(text)
    assert marker is not None and (marker.style, marker.number) == (style, number)
    assert text[marker.end :].strip() == rest


@pytest.mark.parametrize("text", ["1.5万元用于培训", "2022年，我局", "一是加强学习", "12345", "三、"])
def test_not_markers(text: str) -> None:
    assert match_marker(text) is None


def test_split_points() -> None:
    assert split_points("一是加强学习；二是规范执法。") == ["加强学习", "规范执法。"]
    assert split_points("一是完善机制。建立制度。二是强化监督;三是推进普法") == ["完善机制。建立制度。", "强化监督", "推进普法"]
    assert split_points("一是坚持统一是关键，二是不分开") == ["坚持统一是关键，二是不分开"]
    assert split_points("我局一是加强学习") is None
    assert split_points("二是规范执法。", first=2) == ["规范执法。"]


def _para(text: str, lead: str = "") -> SourcePara:
    return SourcePara(text, 1, lead=lead)


def test_split_title() -> None:
    assert split_title(_para("1.推动服务升级"), "推动服务升级") == ("推动服务升级", None, TitlePlacement.OWN_LINE)
    long_text = "提升政治站位,加强队伍建设。始终把“法治人社”建设工作摆在突出位置,印发《全区人力资源和社会保障工作要点》。"
    assert split_title(_para("1." + long_text), long_text) == (
        "提升政治站位,加强队伍建设",
        "始终把“法治人社”建设工作摆在突出位置,印发《全区人力资源和社会保障工作要点》。",
        TitlePlacement.RUN_IN,
    )
    # A bold lead (Word, Markdown) decides where the title ends.
    text = "加强领导：成立领导小组。组长由局长担任，副组长由分管领导担任，成员包括各科室负责人和各单位主要负责人。"
    assert split_title(_para("1." + text, lead="1.加强领导："), text)[:2] == ("加强领导：", text[5:])
    # A first sentence too long for a title: the item has none, its text runs after the number.
    text = "全年共办理行政复议案件20件、行政诉讼案件33件，出庭率100%，均无败诉，报送的案卷入选全市优秀案卷。另有其他工作。"
    assert split_title(_para("2." + text), text) == (None, text, TitlePlacement.RUN_IN)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("2022年法治政府建设的主要措施和成效", "measures"),
        ("重点工作完成情况", "measures"),
        ("上一年度推进法治政府建设存在的不足和原因", "shortcomings"),
        ("存在问题及下一步打算", "shortcomings"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "responsibility"),
        ("下一步工作安排", "plans"),
        ("2023年度推进法治政府建设工作安排", "plans"),
        ("2024年工作思路", "plans"),
        ("其他需要报告的情况", "others"),
        ("法治教育进校园", None),
    ],
)
def test_part_kinds(heading: str, kind: str | None) -> None:
    assert classify(heading, by_id(DEFAULT)) == kind


# --- The command ------------------------------------------------------------------------------


def test_import_command_writes_the_form_and_prints_a_summary(tmp_path: Path) -> None:
    source = tmp_path / "去年.txt"
    source.write_text((FIXTURES / "responsibility-first.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("import", "去年.txt", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    form = tmp_path / "inputs" / "去年.yaml"
    assert form.is_file()
    assert "已写入表单：inputs/去年.yaml" in result.stdout
    for expected in ("单位：示例县市场监督管理局（取自标题）", "年度：2022（取自标题）", "→ responsibility", "条目 2 条（连同下级共 6 条）"):
        assert expected in result.stdout, expected
    assert run_cli("validate", "inputs/去年.yaml", cwd=tmp_path).exit_code == 0
    assert run_cli("build", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "output" / "去年.docx").is_file()


def test_import_never_overwrites_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text((FIXTURES / "no-intro.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mine.yaml").write_text("我的内容", encoding="utf-8")
    result = run_cli("import", "report.txt", "-o", "mine.yaml", cwd=tmp_path)
    assert result.exit_code == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8") == "我的内容"
    forced = run_cli("import", "report.txt", "-o", "mine.yaml", "--force", cwd=tmp_path)
    assert forced.exit_code == 0, forced.output
    # After the line naming the schema to editors.
    assert (tmp_path / "mine.yaml").read_text(encoding="utf-8").partition("\n")[2].startswith("# 由 draft import 从 report.txt")


def test_a_form_the_source_keeps_from_validating_is_written_with_its_problems(tmp_path: Path) -> None:
    """A published copy with ×× for the name: the form is written, and what to fix is listed (exit 1)."""
    text = (FIXTURES / "signature-date.txt").read_text(encoding="utf-8").replace("示例镇", "××镇")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = run_cli("import", "r.txt", "-o", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "已写入表单：r.yaml" in result.stdout
    assert "r.yaml:" in result.stderr and "title" in result.stderr and "××" in result.stderr
    assert (tmp_path / "r.yaml").is_file()


def test_import_prints_every_uncertainty(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text((FIXTURES / "unknown-part.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("import", "r.txt", "-o", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 0
    assert "需要核对的地方（1 处）" in result.stdout
    assert "第9行（“四、法治教育进校园”）" in result.stdout
    assert "第9行（“四、法治教育进校园”）" in (tmp_path / "r.yaml").read_text(encoding="utf-8")  # also in the form


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BAD_FILES = {
    "corrupt.docx": (b"PK\x03\x04" + b"\x00" * 200, "文件已损坏"),
    "truncated.docx": (None, "文件已损坏"),  # a real .docx cut in half
    "bomb.docx": (
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (20 * 1024 * 1024)}),
        "可能是恶意构造的文件",
    ),
    "encrypted.docx": (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4096, "加密"),
    "picture.docx": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG 图片"),
    "sheet.docx": (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}), "不是 Word 文档"),
    "broken-xml.docx": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}), "文件已损坏"),
    "old.doc": (b"plain", "另存为"),
    "report.pdf": (b"%PDF-1.7", "PDF 文件"),
    "empty.txt": (b"", "没有文字"),
    "shopping.txt": ("买菜。\n做饭。\n".encode(), "没有找到报告的各个部分"),
    "binary.txt": (b"\x00\x01\x02abc", "不是文本文件"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_files_are_refused_and_nothing_is_written(name: str, tmp_path: Path) -> None:
    data, message = BAD_FILES[name]
    if data is None:
        whole = build_form(EXAMPLES / "luohu-2022.yaml", tmp_path / "built").output.read_bytes()
        data = whole[: len(whole) // 2]
    (tmp_path / name).write_bytes(data)
    result = run_cli("import", name, cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "inputs").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "built") == [name]


def test_oversized_and_missing_files(tmp_path: Path) -> None:
    with (tmp_path / "big.docx").open("wb") as file:
        file.truncate(import_files.MAX_FILE_BYTES + 1)
    result = run_cli("import", "big.docx", cwd=tmp_path)
    assert result.exit_code == 1
    assert "文件太大" in result.stderr
    missing = run_cli("import", "nowhere.docx", cwd=tmp_path)
    assert missing.exit_code == 2
    assert "文件不存在" in missing.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.docx"]


def test_total_uncompressed_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = build_form(EXAMPLES / "luohu-2022.yaml", tmp_path).output
    monkeypatch.setattr(import_files, "MAX_UNCOMPRESSED_BYTES", 10_000)
    result = run_cli("import", str(source), "-o", "x.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert "解压后" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_text_in_legacy_and_utf16_encodings(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "signature-date.txt").read_text(encoding="utf-8")
    for name, raw in (
        ("gbk.txt", text.replace("\n", "\r\n").encode("gb18030")),
        ("utf16.txt", text.encode("utf-16")),
        ("bom.txt", "\ufeff".encode() + text.encode()),
    ):
        (tmp_path / name).write_bytes(raw)
        result = Imported(tmp_path / name, tmp_path / name.replace(".", "-"))
        result.assert_body_equals(lines_of(FIXTURES / "signature-date.txt")[1:])


def test_utf8_text_with_a_line_pasted_from_gbk_keeps_the_utf8_and_marks_the_bad_bytes() -> None:
    # The form loader points at such bytes; import reads the same file the same way, keeping them as U+FFFD.
    raw = "一、主要举措\n关于法治政府建设情况的报告\n".encode() + "某某市司法局\n".encode("gbk")
    text, encoding = import_files.decode_text(Path("a.txt"), raw)
    assert text.startswith("一、主要举措\n关于法治政府建设情况的报告\n")
    assert "\ufffd" in text
    assert encoding == f"UTF-8（有 {text.count(chr(0xFFFD))} 处无法识别的字节，已显示为“\ufffd”，请找到并改正）"


# --- The YAML the importer writes is read back exactly --------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("法治政府建设我局一二三是（）()《》“”‘’：:；;，,。.!！?？-#&*|>'\"%@`[]{} 0123456789abcXY")),
    min_size=1,
    max_size=40,
).map(str.strip).filter(bool)


@settings(max_examples=300)
@given(_TEXT)
def test_scalars_read_back_unchanged(text: str) -> None:
    loaded = load_bytes(f"title: {scalar(text)}\n".encode(), Path("t.yaml"))
    assert loaded.data["title"] == text


@settings(max_examples=200)
@given(st.lists(_TEXT.filter(lambda t: "\n" not in t), min_size=1, max_size=4))
def test_text_blocks_read_back_as_the_same_paragraphs(paragraphs: list[str]) -> None:
    text = "\n".join(block("text", paragraphs, "")) + "\n"
    loaded = load_bytes(text.encode(), Path("t.yaml"))
    assert [paragraph.text for paragraph in split_paragraphs(loaded.data["text"])] == paragraphs


def test_masthead_document_number_and_a_date_before_the_year_ended(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "示例区财政局文件",
        "示财〔2023〕45号",
        "示例区财政局关于2023年法治政府建设情况的报告",
        "（2023年12月20日）",
        "区委依法治区办：",
        "2023年，我局深入推进法治财政建设。现将有关情况报告如下：",
        "一、2023年推进法治政府建设的主要举措和成效",
        "全面落实预算法，规范财政资金管理。",
        "二、2023年推进法治政府建设存在的不足和原因",
        "财政监督力量不足。",
        "三、2024年推进法治政府建设的主要安排",
        "加强财政监督。",
        "示例区财政局",
        "2023年12月20日",
    ]
    source = tmp_path / "head.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = imported(source)
    # A date in December of the report's own year is a 成文日期 offices write: kept, and it prints.
    result.assert_body_equals(lines[4:])
    data = result.data
    assert data["title"] == "示例区财政局关于2023年法治政府建设情况的报告"
    assert data["recipient"] == "区委依法治区办"
    assert data["date"] == datetime.date(2023, 12, 20) and data["year"] == 2023
    assert (data["issuer_mark"], data["doc_number"]) == ("示例区财政局文件", "示财〔2023〕45号")  # the 版头, into the frame
    assert any("括号里的日期" in w for w in result.warnings)
    assert not any("年度结束之前" in w for w in result.warnings)


def test_a_date_early_in_the_reports_own_year_is_still_refused(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    lines = ["示例区财政局2023年法治政府建设情况报告", "一、主要举措和成效", "规范财政资金管理。", "二、存在的不足和原因",
             "监督力量不足。", "三、2024年主要安排", "加强监督。", "示例区财政局", "2023年3月20日"]
    source = tmp_path / "march.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = imported(source)
    assert "date" not in result.data and "# date: 2023-03-20" in result.result.form_text
    assert any("年度结束之前" in w for w in result.warnings)


def test_text_copied_from_a_pdf_is_joined_back_into_paragraphs(tmp_path: Path, imported) -> None:  # type: ignore[no-untyped-def]
    """Lines broken at one width, each paragraph's first line indented: the lines run on again."""
    seed = SEEDS / "000_31027cef6ae4fb1c.txt"
    wrapped = []
    for line in lines_of(seed):
        chunks = [line[i : i + 30] for i in range(0, len(line), 30)]
        wrapped += ["　　" + chunks[0]] + chunks[1:]
    source = tmp_path / "from-pdf.txt"
    source.write_text("\n".join(wrapped), encoding="utf-8")
    result = imported(source)
    result.assert_body_equals(lines_of(seed))
    assert any("固定宽度断行" in w for w in result.warnings)


def test_a_note_is_a_problem_of_the_source_at_its_line_with_a_code(tmp_path: Path) -> None:
    """One diagnostic type: what the import was unsure of is a warning at the source's line, with a stable code."""
    from draft.problems import Severity

    lines = ["示例县水利局2022年度法治政府建设工作报告", "一、主要工作", "全年完成水利投资5亿元。", "二、存在的问题", "投入不足。",
             "三、下一步打算", "加大投入。", "四、其他事项", "无。", "五、附表说明", "略。", "六、再一部分", "略。"]
    source = tmp_path / "six.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = import_report(source, now=NOW)
    assert result.form_problems == []
    [merged] = [note for note in result.notes if note.code == "import-merged-part"]
    assert (merged.file, merged.line, merged.severity) == ("six.txt", 12, Severity.WARNING)
    assert note_line(merged).startswith("第12行（“六、再一部分”）：部分超过五个")
    assert all(note.code.startswith("import-") and note.severity is Severity.WARNING for note in result.notes)
    assert result.problems == result.notes
