"""``draft import`` of hostile pages, tables, Word numbering, Markdown and text: each ends in time and memory, in Chinese.

Each case is imported by ``python -m draft`` in a subprocess, so that its peak memory is its
own; the bounds (20 s, 800 MB) are safety limits, not speed targets: on today's machine every
case takes a second or two. Before the import budgets (:mod:`draft.importer.budget`) and the
page guard (:mod:`draft.importer.page_guard`), each of them took over a minute, gigabytes, or
ended in "draft 内部错误". The rewritten Markdown patterns are checked against the regular
expressions they replace, so that what a normal file gives does not change.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from draft.importer.figures import Key, _is_label, _keys
from draft.importer.grid import Grid, Placed, SpanCell, expand, span
from draft.importer.labels import canonical as normalized
from draft.importer.read_markdown import _heading, _links_as_text, _table_rule, _without_comments
from draft.imports import import_report

SECONDS = 20
MEGABYTES = 800
REPORT = ["某局2023年法治政府建设年度报告", "一、主要举措和成效", "我局坚持依法行政。", "二、存在的不足", "学习不够。", "三、下一步安排", "加强学习。"]
PAGE = "<html><body><div>" + "".join(f"<p>{line}</p>" for line in REPORT)
#: A report of the kind whose tables are read for their figures (政府信息公开).
TABLES_REPORT = ["某局2023年政府信息公开工作年度报告", "一、总体情况", "我局坚持公开。"]
TABLES_PAGE = "<html><body><div>" + "".join(f"<p>{line}</p>" for line in TABLES_REPORT)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

#: Runs the import and prints its exit code, its peak memory in MB and its time on the last line. The peak is
#: VmHWM, this program's own: Linux's ru_maxrss keeps the peak of the process it was forked from (pytest's).
_RUNNER = """
import sys, time
from draft.__main__ import main
started = time.perf_counter()
sys.argv = ["draft", "import", sys.argv[1], "-o", sys.argv[2]]
try:
    main()
    code = 0
except SystemExit as exit:
    code = exit.code or 0
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(f"\\n{code} {peak // 1024} {time.perf_counter() - started:.2f}")
"""


def imported_within_bounds(path: Path) -> tuple[int, str]:
    """Import ``path`` in a subprocess; its exit code and what it printed, after checking time, memory and language."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(path), str(path.with_suffix(".yaml"))],
        capture_output=True, text=True, timeout=SECONDS * 3, cwd=path.parent,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-2000:]
    code, megabytes, _seconds = done.stdout.strip().rsplit("\n", 1)[-1].split()
    assert time.perf_counter() - started < SECONDS, f"took {time.perf_counter() - started:.0f} s"
    assert int(megabytes) < MEGABYTES, f"{megabytes} MB"
    assert "Traceback" not in output and "内部错误" not in output, output[-2000:]
    assert int(code) in (0, 1), output[-2000:]
    return int(code), output


def written(path: Path) -> None:
    """Import ``path`` within bounds, and find its form written (it may still list what to fill in: exit 1)."""
    _, output = imported_within_bounds(path)
    assert path.with_suffix(".yaml").exists(), output[-2000:]


def refused_saying(path: Path, what: str) -> None:
    code, output = imported_within_bounds(path)
    assert code == 1 and what in output, output[-2000:]


# --- 4. hostile pages ---------------------------------------------------------------------------------

_FLOODS = {
    "unclosed <a": "<a" * 200_000,
    "unclosed comments": "<!--" * 100_000,
    "unclosed end tags": "</" * 200_000,
    "unclosed processing instructions": "<?" * 200_000,
    "unclosed CDATA": "<![CDATA[" * 150_000,
    "unknown marked sections": "<![x[ ]]>" * 10,
}


@pytest.mark.parametrize("flood", list(_FLOODS))
def test_a_page_of_unclosed_constructs_is_read_in_linear_time(tmp_path: Path, flood: str) -> None:
    # Python 3.11's html.parser searched the rest of the page again for each: 28 s to over 60 s; <![x[ raised.
    page = tmp_path / "report.html"
    page.write_text(PAGE + _FLOODS[flood], encoding="utf-8")  # at the end of the page: no ">" after them
    imported_within_bounds(page)


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("<p>" + "<br>" * 4_000_000 + "</p>", "网页中的标记和文字片段太多"),
        ("<i></i>" * 2_500_000, "网页中的标记和文字片段太多"),
        ("<p" + " a" * 8_000_000 + ">x</p>", "网页中一个标签的属性太多"),
        ("<p" + ' a=""' * 3_000_000 + ">x</p>", "网页中一个标签的属性太多"),
        ("<div>" * 1_000 + "x", "网页中元素的嵌套层数太多"),
        ("<b>" * 20_000 + "</x>" * 40_000, "网页中元素的嵌套层数太多"),
    ],
    ids=["br", "empty elements", "attributes", "quoted attributes", "nesting", "stray end tags in deep nesting"],
)
def test_a_page_with_too_much_of_something_is_refused_saying_what(tmp_path: Path, content: str, what: str) -> None:
    # Pages under 20 MB took 1.3–2 GB; 1,000 levels of nesting was a RecursionError.
    page = tmp_path / "report.html"
    page.write_text(PAGE + content, encoding="utf-8")
    refused_saying(page, what)


def test_a_character_reference_of_5000_digits_is_the_replacement_character(tmp_path: Path) -> None:
    # int() refuses more than 4,300 digits: "draft 内部错误（ValueError: Exceeds the limit…）".
    page = tmp_path / "report.html"
    page.write_text(PAGE + "<p>学习&#" + "9" * 5_000 + ";不够&#" + "0" * 5_000 + "65;</p>", encoding="utf-8")
    written(page)
    assert "学习\ufffd不够A" in page.with_suffix(".yaml").read_text(encoding="utf-8")


# --- 5. tables from tiny files ------------------------------------------------------------------------


def _table_page(cell: str, rows: int) -> str:
    return TABLES_PAGE + "<table>" + f"<tr>{cell * 5}</tr>" * rows + "</table></div></body></html>"


@pytest.mark.parametrize(
    "cell",
    ['<td rowspan="999999999" colspan="999999999">1</td>', '<td rowspan="９９９" colspan="９９９">1</td>',
     '<td colspan="²" rowspan="٣">1</td>', '<td rowspan="500" colspan="500">1</td>'],
    ids=["1e9", "full-width digits", "superscript", "hundreds"],
)
def test_spans_are_cut_to_what_the_table_holds(tmp_path: Path, cell: str) -> None:
    # A 1.4 KB page took 3.3 GB and ended in MemoryError; ９９９ hung over 90 s; "²" was a ValueError.
    page = tmp_path / "report.html"
    page.write_text(_table_page(cell, 20), encoding="utf-8")
    imported_within_bounds(page)


@pytest.mark.parametrize(("rows", "what"), [(300, "表格的单元格"), (1_000, "网页中的标记和文字片段")])
def test_a_table_of_30000_or_100000_cells_is_refused_saying_so(tmp_path: Path, rows: int, what: str) -> None:
    # 100k cells took about 60 s; 30k fit the page's budget, not a table's.
    page = tmp_path / "report.html"
    page.write_text(TABLES_PAGE + "<table>" + ("<tr>" + "<td>1</td>" * 100 + "</tr>") * rows + "</table>", encoding="utf-8")
    refused_saying(page, what)


@pytest.mark.parametrize(
    "rows",
    ["<tr><td>项目</td><td>数量</td></tr>" + "".join(f"<tr><td>项{i}</td><td>{i}</td></tr>" for i in range(4_990)),
     "<tr><td>项</td><td>项</td></tr>" * 2_500 + "<tr><td>1</td><td>2</td></tr>" * 2_490],
    ids=["5k labelled rows", "2.5k label rows over 2.5k figures"],
)
def test_a_tall_table_within_the_budget_is_read_in_linear_time(tmp_path: Path, rows: str) -> None:
    # Each figure's labels were found by walking up its column: 15 s and 68 s for these 10,000 positions.
    page = tmp_path / "report.html"
    page.write_text(TABLES_PAGE + f"<table>{rows}</table></div></body></html>", encoding="utf-8")
    written(page)


@pytest.mark.parametrize(("written", "count"), [("3", 3), (" 2 ", 2), ("0", 1), ("", 1), (None, 1), ("²", 1), ("９９９", 1),
                                                ("1" * 5000, 1), ("999999999", 100), ("-2", 1), ("2.5", 1)])
def test_a_span_is_read_from_ascii_digits_only_and_cut_to_the_budget(written: str | None, count: int) -> None:
    assert span(written) == count


# --- Word files ---------------------------------------------------------------------------------------


def word_report(path: Path, *, numbering: str = "", num_id: str = "", table: str = "", after_title: str = "", lines: list[str] = REPORT) -> Path:
    """The report of ``lines`` as a .docx; all but its title numbered by ``numbering``'s list ``num_id``, a table or other body XML."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    body = document.element.body
    if numbering:
        numbering_root = document.part.numbering_part.element
        for child in parse_xml(f"<w:numbering {_W}>{numbering}</w:numbering>"):
            numbering_root.append(child)
        for paragraph in document.paragraphs[1:]:
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    for extra in (table, after_title):
        if extra:
            body.insert(1, parse_xml(extra))
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return stored(path)


def stored(path: Path, edit: Callable[[str, bytes], bytes] = lambda name, data: data) -> Path:
    """The .docx at ``path`` with its parts stored, not compressed (so repetitive a part compresses like a zip bomb),
    each edited by ``edit``."""
    packed = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(packed, "w") as target:
        for member in source.infolist():
            target.writestr(member.filename, edit(member.filename, source.read(member)))
    path.write_bytes(packed.getvalue())
    return path


def _list(num_id: int, fmt: str, start: str, text: str = "%1.") -> str:
    return (f'<w:abstractNum {_W} w:abstractNumId="{num_id}"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')


@pytest.mark.parametrize(
    ("numbering", "num_id", "lines"),
    [
        (_list(90, "upperRoman", "1000000000"), "90", REPORT),
        (_list(90, "lowerRoman", "1000000000000000"), "90", REPORT),
        (_list(90, "decimal", "1", "%1" * 300_000), "90", REPORT),
        ("".join(_list(100 + i, "none", "1") for i in range(20_000)), "20099", REPORT + ["加强学习。"] * 3_000),
    ],
    ids=["roman from 1e9", "roman from 1e15", "level text of 300k %1", "20k lists, 3k paragraphs"],
)
def test_word_numbering_is_bounded(tmp_path: Path, numbering: str, num_id: str, lines: list[str]) -> None:
    # Roman from 10⁹ took 43 s, from 10¹⁵ never ended; 300k %1 made a 1.7 MB number, refused as too long;
    # 20k lists were rescanned for each paragraph.
    written(word_report(tmp_path / "report.docx", numbering=numbering, num_id=num_id, lines=lines))


def _word_cell(properties: str) -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"


@pytest.mark.parametrize(
    ("first", "then"),
    [('<w:gridSpan w:val="999999999"/>', '<w:gridSpan w:val="999999999"/>'),
     ('<w:gridSpan w:val="500"/><w:vMerge w:val="restart"/>', '<w:gridSpan w:val="500"/><w:vMerge/>')],
    ids=["gridSpan 1e9", "vMerge over 600 rows"],
)
def test_word_table_spans_are_bounded(tmp_path: Path, first: str, then: str) -> None:
    # Each cell laid out on 10⁹ positions, or 600 × 500: a MemoryError or minutes.
    table = f"<w:tbl {_W}><w:tr>{_word_cell(first) * 20}</w:tr>" + f"<w:tr>{_word_cell(then) * 20}</w:tr>" * 600 + "</w:tbl>"
    imported_within_bounds(word_report(tmp_path / "report.docx", table=table, lines=TABLES_REPORT))


@pytest.mark.parametrize(
    "blocks", ["<w:p/>" * 300_000, "<w:tbl>" + ("<w:tr>" + "<w:tc><w:p/></w:tc>" * 100 + "</w:tr>") * 1_000 + "</w:tbl>"],
    ids=["300k empty paragraphs", "100k table cells"],
)
def test_a_word_file_of_too_many_paragraphs_or_cells_is_refused_saying_so(tmp_path: Path, blocks: str) -> None:
    # python-docx takes a fifth of a millisecond a paragraph: 300k empty ones (1.8 MB of XML) took a minute.
    def more(name: str, data: bytes) -> bytes:
        return data.replace(b"<w:sectPr", blocks.encode() + b"<w:sectPr", 1) if name == "word/document.xml" else data

    path = stored(word_report(tmp_path / "report.docx"), more)
    refused_saying(path, "Word 文件中的段落和表格单元格太多")


def test_an_alt_chunk_is_noted_not_dropped_silently(tmp_path: Path) -> None:
    chunk = '<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChunk"/>'
    result = import_report(word_report(tmp_path / "report.docx", after_title=chunk), check=False)
    assert any("第1段之后嵌入了另一个文件的内容" in note.message and "没有导入" in note.message for note in result.notes)


# --- 7. Markdown and text -----------------------------------------------------------------------------

_MARKDOWN = {
    "heading padded with spaces": "# 报告" + " " * 200_000 + "x\n",
    "table rule padded with spaces": " " * 100_000 + "| x\n",
    "100k unclosed comments": "<!--" * 100_000,
    "deep list indentation": "".join(" " * (2 * i) + "- 项目\n" for i in range(2_000)),
    "a line of 100k [": "[" * 100_000 + "\n",
    "100k [ and one ]": "[" * 100_000 + "]\n",
}


@pytest.mark.parametrize("case", list(_MARKDOWN))
def test_hostile_markdown_is_read_in_linear_time(tmp_path: Path, case: str) -> None:
    # 36 s to over 60 s before.
    source = tmp_path / "report.md"
    source.write_text("\n\n".join(REPORT) + "\n\n" + _MARKDOWN[case], encoding="utf-8")
    imported_within_bounds(source)


def test_hard_wrapped_text_is_joined_in_linear_time(tmp_path: Path) -> None:
    # Joining a paragraph line by line copied it for each line: 1.2 MB took 32 s, 2.4 MB over 90 s.
    source = tmp_path / "report.txt"
    source.write_text("\n".join(REPORT[:2]) + "\n" + "我局坚持依法行政推进法治政府建设工作取得明显成效\n" * 40_000, encoding="utf-8")
    refused_saying(source, "报告的文字太多")


# --- the rewritten patterns read what the regular expressions read ------------------------------------

_OLD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$")
_OLD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_OLD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_OLD_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _old_heading(line: str) -> tuple[int, str] | None:
    match = _OLD_HEADING.match(line)
    return (len(match.group(1)), match.group(2)) if match else None


@pytest.mark.parametrize(
    ("new", "old", "alphabet"),
    [
        (_heading, _old_heading, "# \t\u3000a报"),
        (_table_rule, lambda line: bool(_OLD_TABLE_RULE.match(line)), "|-: a"),
        (_links_as_text, lambda text: _OLD_LINK.sub(r"\1", text), "[]()!a"),
        (_without_comments, lambda text: _OLD_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text), "<!->\na"),
    ],
    ids=["heading", "table rule", "links", "comments"],
)
def test_the_linear_markdown_readers_agree_with_the_regular_expressions(new: Callable[[str], object], old: Callable[[str], object], alphabet: str) -> None:
    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=24))
    def agree(line: str) -> None:
        assert new(line) == old(line)

    agree()


def _walked_keys(grid: Grid, is_label: Callable[[Placed], bool]) -> dict[tuple[int, int], Key]:
    """The labels of each figure as they were found before: walking left along its row and up its column."""
    width = len(grid[0]) if grid else 0
    keys: dict[tuple[int, int], Key] = {}
    for r, line in enumerate(grid):
        for c, placed in enumerate(line):
            if placed.start != (r, c) or is_label(placed):
                continue
            row = tuple(dict.fromkeys(normalized(grid[r][x].text) for x in range(c) if is_label(grid[r][x])))
            column: list[str] = []
            for y in range(r - 1, -1, -1):
                above = grid[y][c]
                if is_label(above) and normalized(above.text) not in column:
                    column.append(normalized(above.text))
                    if above.cols >= width:
                        break
            keys[(r, c)] = (row, tuple(column))
    return keys


_CELLS = st.builds(SpanCell, st.sampled_from(["a", "b", "c", "1", "2", ""]), st.sampled_from([1, 1, 2, 3]), st.sampled_from([1, 1, 2, 4, 6]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=4), max_size=7))
def test_the_labels_carried_down_the_grid_are_those_walked_up_to(rows: list[list[SpanCell]]) -> None:
    grid = expand(rows)
    assert _keys(grid, lambda placed: _is_label(placed.text)) == _walked_keys(grid, lambda placed: _is_label(placed.text))
