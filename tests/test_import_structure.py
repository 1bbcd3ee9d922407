"""Last year's real report comes in whole (issue 22): its title found as a reader finds it, a report organised
by topics of work rebuilt as published, run-in part titles, a 成文日期 late in the year kept, unnumbered parts.

The fixtures (tests/fixtures/import/) are written after real published reports; the property every one
keeps: import → build reproduces every paragraph of the source's body.
"""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from conftest import body_texts, built_past_placeholders, read_past_placeholders
from draft.build import build_form
from draft.check import check_read
from draft.form.read import read_form
from draft.form.write import note_line
from draft.imports import import_report
from draft.kinds import by_id

FIXTURES = Path(__file__).parent / "fixtures" / "import"
NOW = datetime.datetime(2025, 3, 1, 9, 30)


def comparable(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


class Rebuilt:
    """A source imported, its form written, read and built again."""

    def __init__(self, source: Path, tmp_path: Path) -> None:
        self.result = import_report(source, now=NOW)
        self.form = tmp_path / (source.stem + ".yaml")
        self.form.write_text(self.result.form_text, encoding="utf-8")
        self.data: dict[str, Any] = yaml.safe_load(self.result.form_text)
        # Read and built past the placeholders of what the source lacks (its unit's name): validation lists them.
        self.report, self.document = built_past_placeholders(self.form)
        self.notes = [note_line(note) for note in self.result.notes]

    @property
    def title(self) -> str:
        return self.document.paragraphs[0].text.replace("\n", "")

    def body(self) -> list[str]:
        """The rebuilt body without the parts the source lacked (their heading and request come last)."""
        requests = {by_id(self.report.kind).part(key).placeholder_text for key in self.result.imported.placeholders}
        texts = body_texts(self.document)
        drop = {i for i, text in enumerate(texts) if text in requests} | {i - 1 for i, text in enumerate(texts) if text in requests}
        return [comparable(text) for i, text in enumerate(texts) if i not in drop]

    def assert_reproduces(self, paragraphs: list[str]) -> None:
        """Every paragraph of the source's body, in order, and nothing else: the property of import → build."""
        assert self.body() == [comparable(text) for text in paragraphs]
        assert not any("重建后的" in note for note in self.notes), self.notes


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def rebuilt(tmp_path: Path):  # type: ignore[no-untyped-def]
    return lambda source: Rebuilt(source, tmp_path)


# --- a report organised by topics of work ------------------------------------------------------


def test_a_report_of_seven_topics_and_a_plan_rebuilds_as_published(rebuilt) -> None:  # type: ignore[no-untyped-def]
    """七 topics of work, then 八、next year's plans: eight headings in order, the topics the measures' items."""
    source = FIXTURES / "topics.txt"
    result = rebuilt(source)
    result.assert_reproduces(lines_of(source)[1:])
    measures = result.data["measures"]
    assert measures["layout"] == {"items_as_parts": True}
    assert [item["title"] for item in measures["items"]][:2] == ["强化思想引领，压实法治建设责任", "依法全面履行政府职能"]
    assert result.data["plans"]["title"] == "2020年工作打算"
    headings = [text for text in body_texts(result.document) if text[:2] in {f"{n}、" for n in "一二三四五六七八"}]
    assert [heading[:2] for heading in headings] == [f"{n}、" for n in "一二三四五六七八"]
    findings = check_read(read_past_placeholders(result.form))
    assert not [f for f in findings if f.code in ("manual-numbering", "year-mismatch")], findings


def test_a_topic_whose_heading_runs_into_its_paragraph_is_split(rebuilt) -> None:  # type: ignore[no-untyped-def]
    """二、依法全面履行政府职能。全年取消…: the title, and the paragraph it runs into, as the layout allows."""
    result = rebuilt(FIXTURES / "topics.txt")
    item = result.data["measures"]["items"][1]
    assert item["title"] == "依法全面履行政府职能" and item["layout"] == {"title": "run-in"}
    assert item["text"].startswith("全年取消")


def test_a_part_the_kind_names_whose_heading_runs_in_is_held_as_its_item(tmp_path: Path, rebuilt) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "示例县司法局2023年法治政府建设情况报告",
        "一、主要举措和成效。2023年，我局全面推进严格规范公正文明执法，全年办理行政复议案件12件。",
        "二、存在的不足和原因。基层执法力量仍然薄弱，执法人员专业化水平有待提高。",
        "三、2024年工作安排。2024年，我局将持续深化行政执法体制改革。",
        "示例县司法局",
        "2024年1月10日",
    ]
    source = tmp_path / "run-in.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = rebuilt(source)
    result.assert_reproduces(lines[1:])
    assert result.data["year"] == 2023
    plans = result.data["plans"]
    assert plans["layout"] == {"items_as_parts": True} and plans["items"][0]["title"] == "2024年工作安排"


def test_a_form_prints_a_parts_items_as_parts_numbered_on(write_form) -> None:  # type: ignore[no-untyped-def]
    from draft.render.blocks import render
    from draft.render.document import Role
    from draft.render.wording import Wording

    form = write_form(
        "unit: 示例区人民政府\nyear: 2023\n"
        "measures:\n  layout:\n    items_as_parts: true\n  items:\n"
        "    - title: 强化思想引领\n      text: 坚持学法。\n"
        "    - title: 深化依法行政\n      layout:\n        title: run-in\n      text: 推行三项制度。\n"
        "      items:\n        - title: 规范执法\n          text: 检查12次。\n"
        "shortcomings:\n  text: 力量薄弱。\nplans:\n  text: 持续推进。\n"
    )
    report = read_form(form).report
    blocks = [(block.role, block.text) for block in render(report, Wording()).blocks if block.role is not Role.TITLE]
    assert blocks[:4] == [
        (Role.HEADING, "一、强化思想引领"),
        (Role.BODY, "坚持学法。"),
        (Role.BODY, "二、深化依法行政。推行三项制度。"),
        (Role.BODY, "（一）规范执法。检查12次。"),
    ]
    assert [text for role, text in blocks if role is Role.HEADING][1:] == [
        "三、2023年推进法治政府建设存在的不足和原因",
        "四、2024年推进法治政府建设的主要安排",
    ]
    # The web page sets a run-in title printed as a part's in the part heading's font (黑体), as Word does.
    from draft.build import BuildOptions
    from draft.build.formats import HTML

    built = build_form(form, form.parent / "out", BuildOptions(formats=(HTML,)))
    page = built.output.read_text(encoding="utf-8")
    assert '<strong class="level-1">二、深化依法行政。</strong>' in page and "strong.level-1" in page


# --- the title as a reader finds it -------------------------------------------------------------


def test_a_saved_pages_header_and_stamps_are_not_the_title(rebuilt) -> None:  # type: ignore[no-untyped-def]
    """Site name, the day's date (2019年12月3日星期二), 无障碍 简体|繁体, the <title>, the <h1>, the unit's line,
    发布于 and 来源 stamps: the title once, the year the report's, the bracketed date its 成文日期."""
    source = FIXTURES / "page-chrome.txt"
    result = rebuilt(source)
    assert result.title == "青山区人民政府关于2022年法治政府建设情况的报告"
    assert result.data["year"] == 2022  # not 2019, the day the page was saved
    assert result.data["date"] == datetime.date(2022, 12, 28)  # （2022年12月28日）, late in the year: kept
    body = lines_of(source)[10:]
    result.assert_reproduces([*body, "青山区人民政府", "2022年12月28日"])  # the 落款 prints at the end


def test_a_web_pages_title_heading_and_unit_line_give_the_title_once(rebuilt) -> None:  # type: ignore[no-untyped-def]
    result = rebuilt(FIXTURES / "page-chrome.html")
    assert result.title == "绿水县人民政府关于2022年法治政府建设情况的报告"
    assert "title" not in result.data or result.data["title"] == result.title
    assert result.data["year"] == 2022 and result.data["unit"] == "绿水县人民政府"
    assert result.body()[0].startswith(comparable("2022年，绿水县")) and result.body()[-1] == "2023年1月5日"
    assert not any("重建后的" in note for note in result.notes), result.notes


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # the fuller title second: the page's heading after a line the title holds
        (["青山区人民政府", "青山区人民政府关于2022年法治政府建设情况的报告"], "青山区人民政府关于2022年法治政府建设情况的报告"),
        # a title broken in two lines is still one title
        (["青山区人民政府", "关于2022年法治政府建设情况的报告"], "青山区人民政府关于2022年法治政府建设情况的报告"),
        # the page's <title> with the site's name, then the heading
        (["青山区司法局2022年法治政府建设年度报告 - 青山区人民政府网", "青山区司法局2022年法治政府建设年度报告"],
         "青山区司法局2022年法治政府建设年度报告"),
        # the day the page was saved, alone above the title
        (["2019年12月3日", "青山区司法局2022年法治政府建设年度报告"], "青山区司法局2022年法治政府建设年度报告"),
    ],
)
def test_title_lines_are_read_as_one_title(tmp_path: Path, rebuilt, lines: list[str], title: str) -> None:  # type: ignore[no-untyped-def]
    body = ["2022年，我区全面推进依法行政。", "一、主要举措和成效", "规范执法。", "二、存在的不足和原因", "力量薄弱。",
            "三、2023年工作安排", "持续推进。"]
    source = tmp_path / "title.txt"
    source.write_text("\n".join(lines + body), encoding="utf-8")
    result = rebuilt(source)
    assert result.title == title
    result.assert_reproduces(body)


# --- parts without numbers ---------------------------------------------------------------------


def test_the_opening_of_a_report_with_an_unnumbered_part_imports(rebuilt) -> None:  # type: ignore[no-untyped-def]
    """主要工作情况： alone on its line, the report's first part: recognised by its words, numbered on rebuilding."""
    source = FIXTURES / "unnumbered-opening.txt"
    result = rebuilt(source)
    lines = lines_of(source)
    result.assert_reproduces([lines[1], "一、主要工作情况", *lines[3:]])
    assert [item["title"] for item in result.data["measures"]["items"]] == ["持续深化“放管服”改革", "严格规范公正文明执法"]


def test_unnumbered_parts_are_recognised_by_their_headings(rebuilt) -> None:  # type: ignore[no-untyped-def]
    source = FIXTURES / "unnumbered.txt"
    result = rebuilt(source)
    lines = lines_of(source)
    numbered = {"主要举措和成效": "一、", "存在的问题": "二、", "下一步工作打算": "三、"}
    result.assert_reproduces([numbered.get(line, "") + line for line in lines[1:]])
    assert (result.data["shortcomings"]["title"], result.data["plans"]["title"]) == ("存在的问题", "下一步工作打算")


@pytest.mark.parametrize(
    ("name", "title", "year", "body_from"),
    [
        # the site's name and the day's date on one line; 来源 and 发布时间 between the title and its copy
        ("page-header-line.txt", "青山区2023年度法治政府建设情况报告", 2023, 5),
        # 今天是…星期四, a channel's name (工作报告) above the title, 您所在的位置, 文章来源 with 更新时间
        ("page-channel.txt", "2020年青山区法治政府建设情况报告", 2020, 6),
    ],
)
def test_a_pages_header_never_joins_the_title_nor_gives_the_year(  # type: ignore[no-untyped-def]
    rebuilt, name: str, title: str, year: int, body_from: int
) -> None:
    source = FIXTURES / name
    result = rebuilt(source)
    assert result.result.imported.source_title == title
    assert result.data["year"] == year
    result.assert_reproduces(lines_of(source)[body_from:])


@pytest.mark.parametrize("name", ["topics-mixed.txt", "topics-mixed.html"])
def test_topics_whose_words_name_a_part_in_passing_are_still_topics(rebuilt, name: str) -> None:  # type: ignore[no-untyped-def]
    """聚焦重点领域，… (重点), 着力解决…突出问题 (问题), …取得新成效 (成效): topics, not plans, shortcomings and
    measures; a topic on the 第一责任人 stays that part, where the report puts it."""
    result = rebuilt(FIXTURES / name)
    assert [part.kind for part in result.report.parts] == ["responsibility", "measures", "plans", "shortcomings"]
    assert len(result.data["measures"]["items"]) == 3 and result.data["measures"]["layout"] == {"items_as_parts": True}
    result.assert_reproduces(lines_of(FIXTURES / "topics-mixed.txt")[1:])


def test_a_report_named_by_its_parts_is_not_taken_for_topics(tmp_path: Path, rebuilt) -> None:  # type: ignore[no-untyped-def]
    """Headings opening with 推进 that end in the part's name are the parts, not topics."""
    lines = ["示例县司法局2023年法治政府建设情况报告", "一、推进法治政府建设的主要举措和成效", "全面推行行政执法三项制度。",
             "二、推进法治政府建设存在的不足和原因", "执法力量薄弱。", "三、推进法治政府建设的下一步安排", "加强队伍建设。"]
    source = tmp_path / "named.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = rebuilt(source)
    assert [part.kind for part in result.report.parts] == ["measures", "shortcomings", "plans"]
    assert "layout" not in result.data["measures"]
    result.assert_reproduces(lines[1:])


def test_a_topic_report_typed_in_word_with_bold_topic_headings(tmp_path: Path, rebuilt) -> None:  # type: ignore[no-untyped-def]
    """The same report as a .docx: topic headings in bold, a run-in one bold up to its full stop."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = lines_of(FIXTURES / "topics.txt")
    document = docx.Document()
    document.add_paragraph(lines[0]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in lines[1:]:
        paragraph = document.add_paragraph()
        if line[:1] in "一二三四五六七八" and line[1:2] == "、":
            head, stop, tail = line.partition("。")
            paragraph.add_run(head + stop).bold = True
            paragraph.add_run(tail)
        else:
            paragraph.add_run(line)
    source = tmp_path / "topics.docx"
    document.save(str(source))
    result = rebuilt(source)
    result.assert_reproduces(lines[1:])
    assert [item["title"] for item in result.data["measures"]["items"]][1] == "依法全面履行政府职能"


# --- the property: import → build reproduces every paragraph ----------------------------------------


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.iterdir()))
def test_import_then_build_reproduces_every_paragraph_of_the_source(rebuilt, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every source paragraph the form keeps (the page's lines, the title and the back matter aside) comes out of
    the build, in order; a part heading the source left unnumbered comes out numbered, as noted."""
    from draft.text.punctuation import normalize_punctuation

    result = rebuilt(FIXTURES / name)
    imported = result.result.imported
    built = iter(result.body())
    for para in imported.expected:
        want = comparable(normalize_punctuation(para.text))
        numbered = para in imported.numbered_headings
        assert any(got == want or (numbered and got.endswith(want.rstrip(":："))) for got in built), f"{name}: {para.where}"
    assert not any("重建后的" in note for note in result.notes), result.notes


def test_parts_numbered_as_parts_one_two_three_and_a_unit_line_under_the_title(tmp_path: Path, rebuilt) -> None:  # type: ignore[no-untyped-def]
    """第一部分 主要工作情况: a part, numbered 一、 on rebuilding; the unit's line under a title without it names the unit."""
    lines = ["关于2022年度法治政府建设情况的报告", "青山区司法局", "第一部分　主要工作情况", "全面推行行政执法三项制度。",
             "第二部分　存在的问题", "执法力量薄弱。", "第三部分　下一步工作打算", "加强队伍建设。"]
    source = tmp_path / "parts.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = rebuilt(source)
    assert [part.kind for part in result.report.parts] == ["measures", "shortcomings", "plans"]
    assert result.data["unit"] == "青山区司法局" and result.data["measures"]["title"] == "主要工作情况"
    result.assert_reproduces(["一、主要工作情况", lines[3], "二、存在的问题", lines[5], "三、下一步工作打算", lines[7]])


@pytest.mark.parametrize("name", ["page-menu-line.html", "page-menu-list.html"])
def test_a_sites_menu_after_a_whole_title_is_neither_title_nor_intro(rebuilt, name: str) -> None:  # type: ignore[no-untyped-def]
    """首页 政务公开 互动交流 … 简体|繁體 (one line, or one item a line) beside the page's <h1>: the page's, not the report's."""
    result = rebuilt(FIXTURES / name)
    assert result.result.imported.source_title == "青山县市场监督管理局2025年法治政府建设年度报告"
    assert result.data["recipient"] == "县委全面依法治县委员会办公室"
    assert result.data["intro"].startswith("2025年，我局坚持以习近平新时代中国特色社会主义思想为指导")
    assert "政务公开" not in result.data["intro"] and "发布时间" not in result.data["intro"]
