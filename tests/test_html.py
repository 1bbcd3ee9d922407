"""The web page of a report: valid HTML5, the .docx's text paragraph for paragraph, its structure
in the elements, the user's text escaped, an edited page kept; and --format told in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import html5lib
import pytest

from conftest import EXAMPLES, MINIMAL, building_with, dedent, run_cli
from draft.build import BuildOptions, build_form
from draft.build.formats import DOCX, HTML
from draft.build.protect import OutputState

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
#: Both seeds, and the form that reaches what they do not (主送机关, 结束语, 落款, run-in titles, points a paragraph each).
FORMS = {"luohu-2022": EXAMPLES / "luohu-2022.yaml", "zhonglou-2023": EXAMPLES / "zhonglou-2023.yaml", "features": GOLDEN / "features.yaml"}
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "p")
XHTML = "{http://www.w3.org/1999/xhtml}"


def build(form: Path, folder: Path, fragment: bool = False) -> tuple[Path, Path]:
    built = build_form(form, folder, BuildOptions(formats=(DOCX, HTML), fragment=fragment))
    return built.files[0].path, built.files[1].path


def parse(page: Path, fragment: bool = False):  # type: ignore[no-untyped-def]
    """The page parsed by html5lib in strict mode: any HTML5 parse error raises."""
    parser = html5lib.HTMLParser(strict=True)
    text = page.read_text(encoding="utf-8")
    return parser.parseFragment(text) if fragment else parser.parse(text)


def blocks(tree) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(element, text) of every heading and paragraph, in order."""
    elements = (el for el in tree.iter() if isinstance(el.tag, str))  # not the comments
    return [(el.tag.removeprefix(XHTML), "".join(el.itertext())) for el in elements if el.tag.removeprefix(XHTML) in BLOCKS]


def docx_paragraphs(path: Path) -> list[str]:
    """The .docx's paragraphs as Word shows them; the title's line breaks only lay it out."""
    return [p.text.replace("\n", "") for p in docx.Document(str(path)).paragraphs if p.text.strip()]


@pytest.mark.parametrize("name", FORMS)
def test_the_page_is_valid_html5_and_holds_every_docx_paragraph_in_order(name: str, tmp_path: Path) -> None:
    report, page = build(FORMS[name], tmp_path)
    found = blocks(parse(page))
    assert [text for _, text in found] == docx_paragraphs(report)
    assert found[0][0] == "h1" and [tag for tag, _ in found].count("h1") == 1


@pytest.mark.parametrize("name", FORMS)
def test_the_fragment_is_valid_and_holds_every_paragraph_but_the_title(name: str, tmp_path: Path) -> None:
    report, page = build(FORMS[name], tmp_path, fragment=True)
    text = page.read_text(encoding="utf-8")
    assert text.startswith('<article lang="zh-CN">')
    assert "<style" not in text and "class=" not in text and "<h1" not in text
    assert [text for _, text in blocks(parse(page, fragment=True))] == docx_paragraphs(report)[1:]


def test_the_page_is_semantic_self_contained_and_says_what_it_is(tmp_path: Path) -> None:
    _, page = build(GOLDEN / "features.yaml", tmp_path)
    root = parse(page)
    assert root.get("lang") == "zh-CN"
    assert root.find(f"{XHTML}head/{XHTML}title").text == "深圳市罗湖区人力资源局2023年法治政府建设年度报告"
    heading = root.find(f".//{XHTML}h1")
    assert heading.text == "深圳市罗湖区人力资源局" and heading[0].tag == f"{XHTML}br"  # the printed title's line break
    found = blocks(root)
    assert ("h2", "一、2023年推进法治政府建设的主要举措和成效") in found and ("h3", "（一）推动服务升级") in found
    run_in = [p for p in root.iter(f"{XHTML}p") if len(p) and p[0].tag == f"{XHTML}strong"]
    assert [p[0].text for p in run_in] == ["1.完善清单。", "2.优化流程。"] and not run_in[0].text  # at the start
    assert ("p", "区委全面依法治区委员会办公室：") == found[1]
    assert [text for _, text in found[-3:]] == ["特此报告。", "深圳市罗湖区人力资源局", "2024年1月15日"]
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|<img|<iframe|src=|href=|url\(|@import", text, re.I)  # no scripts, no requests
    assert '<meta name="generator" content="draft ' in text and "@media print" in text


def test_heading_ranks_follow_the_own_line_headings_and_never_skip(write_form, tmp_path: Path) -> None:
    form = write_form(
        MINIMAL.replace(
            "measures:\n  text: 我局坚持依法行政。\n",
            dedent("""
                measures:
                  items:
                    - title: 规范执法
                      layout: {title: run-in}
                      text: 我局坚持依法行政。
                      items:
                        - title: 完善清单
                          layout: {title: own-line}
                          text: 全面更新。
                """),
        )
    )
    _, page = build(form, tmp_path / "out")
    found = blocks(parse(page))
    assert ("h3", "1.完善清单") in found  # a 三级 heading under a run-in 二级 title: h3, not h4
    assert ("p", "（一）规范执法。我局坚持依法行政。") in found


def test_the_users_text_is_escaped(write_form, tmp_path: Path) -> None:
    form = write_form(MINIMAL.replace("我局坚持依法行政。", "'<script>alert(1)</script> & <b>加粗</b>'"))
    _, page = build(form, tmp_path / "out")
    assert "<script>" not in page.read_text(encoding="utf-8")
    assert ("p", "<script>alert(1)</script> & <b>加粗</b>") in blocks(parse(page))


def test_an_edited_page_is_kept_and_forced_over_with_a_backup(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "report.yaml").write_text(MINIMAL, encoding="utf-8")
    assert run_cli("build", "--format", "docx,html", cwd=tmp_path).exit_code == 0
    page = tmp_path / "output" / "report.html"
    assert HTML.state(page) is OutputState.UNCHANGED
    again = run_cli("build", "--format", "html", cwd=tmp_path)
    assert again.exit_code == 0 and "已生成：output/report.html" in again.stdout
    edited = page.read_text(encoding="utf-8").replace("学习还不够深入", "学习还需深入")
    page.write_text(edited, encoding="utf-8")
    assert HTML.state(page) is OutputState.EDITED
    refused = run_cli("build", "--format", "docx,html", cwd=tmp_path)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(
        "output/report.html:这个文件在 draft 生成以后被修改过（例如在网页编辑器或记事本中修改并保存过），为免丢失您的修改，没有覆盖它。"
        "如果确实要重新生成，请加上 --force：原文件会先备份为 .bak.html；"
    )
    assert page.read_text(encoding="utf-8") == edited
    forced = run_cli("build", "--format", "docx,html", "--force", cwd=tmp_path)
    assert forced.exit_code == 0 and "已备份原文件：output/report.bak.html" in forced.stdout
    assert (tmp_path / "output" / "report.bak.html").read_text(encoding="utf-8") == edited
    assert HTML.state(page) is OutputState.UNCHANGED


def test_a_page_draft_did_not_write_is_foreign(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text("<!DOCTYPE html><title>我的网页</title>", encoding="utf-8")
    assert HTML.state(page) is OutputState.FOREIGN


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("docx,odt", "用法错误：--format 的值不对：不认识“odt”。可以写 docx（Word 文件）、html（网页）、pdf，几种之间用逗号隔开，例如 --format docx,html,pdf。"),
        (",", "用法错误：--format 的值不对：没有写格式。可以写 docx（Word 文件）、html（网页）、pdf，几种之间用逗号隔开，例如 --format docx,html,pdf。"),
    ],
)
def test_an_unknown_format_is_told_in_chinese(value: str, message: str, tmp_path: Path) -> None:
    result = run_cli("build", "--format", value, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_formats_are_written_side_by_side_whatever_the_order_typed(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run_cli("build", "--format", "HTML，docx", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["已生成：output/a.docx", "已生成：output/a.html"]


def test_a_batch_in_worker_processes_writes_every_format(tmp_path: Path) -> None:
    (tmp_path / "inputs").mkdir()
    for n in range(3):
        (tmp_path / "inputs" / f"r{n}.yaml").write_text(MINIMAL, encoding="utf-8")
    with building_with(jobs=2):
        result = run_cli("build", "--format", "docx,html", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == sorted(f"r{n}.{ext}" for n in range(3) for ext in ("docx", "html"))
    assert all(HTML.state(page) is OutputState.UNCHANGED for page in (tmp_path / "output").glob("*.html"))


# --- the 公文 frame -------------------------------------------------------------------------------

FRAME = Path(__file__).parent / "fixtures" / "frame" / "full.yaml"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_frame_shows_as_a_web_page_shows_one(tmp_path: Path) -> None:
    report, page = build(FRAME, tmp_path)
    tree = parse(page)
    ns = {"h": XHTML.strip("{}")}
    masthead = tree.find(".//h:header[@class='masthead']", ns)
    assert "".join(masthead.find("h:p[@class='issuer-mark']", ns).itertext()) == "青山县市场监督管理局文件"
    assert "".join(masthead.find("h:p[@class='doc-line']", ns).itertext()) == "青市监〔2024〕3号签发人：张三、李四、王五"
    assert masthead.find("h:hr[@class='red-rule']", ns) is not None
    imprint = tree.find(".//h:footer[@class='imprint']", ns)
    assert ["".join(p.itertext()) for p in imprint.iter(f"{XHTML}p")] == [
        "抄送：县委办公室，县政府办公室。",
        "青山县市场监督管理局办公室2024年1月20日印发",
    ]
    sections = tree.findall(".//h:section[@class='attachment']", ns)
    assert [[(tag, text) for tag, text in blocks(section)][:2] for section in sections] == [
        [("p", "附件1"), ("h2", "行政执法情况统计表")],
        [("p", "附件2"), ("h2", "法治宣传活动清单")],
    ]
    assert ("h3", "一、宪法宣传周") in blocks(sections[1])  # the attachment's own parts rank under its title
    # The report's text — title to 落款, then the attachments — as the .docx has it, paragraph for paragraph.
    article = tree.find(".//h:article", ns)
    frame = {"青山县市场监督管理局文件", "青市监〔2024〕3号", "签发人：张三李四王五", "抄送：县委办公室，县政府办公室。",
             "青山县市场监督管理局办公室2024年1月20日印发"}
    expected = [_squeezed(text) for text in docx_paragraphs(report) if _squeezed(text) not in frame]
    assert [_squeezed(text) for _, text in blocks(article)] == expected


def test_the_fragment_leaves_the_masthead_and_the_imprint_to_the_website(tmp_path: Path) -> None:
    _, page = build(FRAME, tmp_path, fragment=True)
    text = page.read_text(encoding="utf-8")
    parse(page, fragment=True)
    for left_out in ("青山县市场监督管理局文件", "青市监〔2024〕3号", "签发人", "抄送", "印发"):
        assert left_out not in text
    assert "<style" not in text and "class=" not in text
    assert "附件：1.行政执法情况统计表" in text and "附件2" in text and "开展宪法宣传活动12场。" in text


def test_a_joint_mark_shows_the_names_a_line_each_with_文件_beside_them(tmp_path: Path) -> None:
    _, page = build(FRAME.with_name("joint.yaml"), tmp_path)
    ns = {"h": XHTML.strip("{}")}
    mark = parse(page).find(".//h:header[@class='masthead']/h:p[@class='issuer-mark joint']", ns)
    names, word = mark.findall("h:span", ns)
    assert [span.text for span in names.findall("h:span", ns)] == ["青山县市场监督管理局", "青山县司法局", "青山县人力资源和社会保障局"]
    assert (names.get("class"), word.get("class"), word.text) == ("issuer-names", "document-word", "文件")
    css = page.read_text(encoding="utf-8")
    assert "span.issuer-names > span { display: block; text-align: justify; text-align-last: justify; }" in css
