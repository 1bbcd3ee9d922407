"""The Markdown reader: headings, bold run-in titles, lists and escapes; HTML tags stripped to their text.

A .md report may hold what a form cannot (code fences, tables, HTML, front matter):
that is skipped or reduced to its text, and noted, so the user knows what to check.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from draft.importer.grid import SpanCell
from draft.importer.page_guard import guarded
from draft.importer.source import SourcePara, clean, join_lines
from draft.text.markers import read_marker

#: A heading's opening hashes; its text is the rest, less a closing run of hashes (:func:`_heading`).
_MD_HEADING = re.compile(r"\s{0,3}(#{1,6})\s+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"\s{0,3}(?:[-*_]\s*+){3,}")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
#: A code fence (closed or not): its lines are the report's text like any other, only the fence goes.
_MD_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
#: A ``|`` between two cells (``\|`` is a bar inside a cell).
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
#: A cell of a table's second row (|---|:---:|).
_MD_RULE_CELL = re.compile(r":?-{3,}:?")
#: HTML whose content is not text of the report: tables (not importable as paragraphs), scripts, styles.
_HTML_BLOCK = re.compile(r"<(table|script|style)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
#: A line that starts a paragraph of its own even without a blank line before it: one opening with a heading
#: marker or 一是 (draft.text.markers), or with Markdown's own heading, list item or bold run-in title.
_STARTS_BLOCK = re.compile(r"^\s*(?:#|[-*+]\s|\*\*\s*[（(一二三四五六七八九十\d])")


def read_markdown(text: str, tables_read: bool = False) -> tuple[list[SourcePara], list[str]]:
    """Markdown: headings, bold run-in titles, lists and escapes; a blank line separates paragraphs.

    With ``tables_read`` (a report of a kind with tables), a Markdown table is handed over as a table
    where it stands (its cells, no spans); else it is skipped and noted with the rest.

    A file with (almost) no blank lines is text pasted into a .md file: then every
    line is a paragraph, as in a .txt file. What is not text is skipped and noted: code
    fences (their lines are read as text), tables, HTML tags (their text is kept) and
    entities (read as the characters they stand for).
    """
    text = _without_comments(text)
    tables = [text.count("\n", 0, m.start()) + 1 for m in _HTML_BLOCK.finditer(text) if m.group(1).lower() == "table"]
    text = _HTML_BLOCK.sub(_blank_lines, text)
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":  # front matter: skipped
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                start = index + 1
                break
    body = lines[start:]
    non_blank = sum(1 for line in body if line.strip())
    blank = sum(1 for line in body if not line.strip())
    line_per_paragraph = blank * 4 < non_blank
    skipped = _table_lines(lines)
    starts = [number for number in sorted(skipped) if number - 1 not in skipped]
    read_at = {number: _table_rows(lines, number, skipped) for number in starts} if tables_read else {}
    tables += [] if tables_read else starts
    fences: list[int] = []
    tagged: list[int] = []
    paras: list[SourcePara] = []
    block: list[str] = []
    block_start = 0

    def flush() -> None:
        nonlocal block
        if block:
            para = _md_paragraph(block, block_start)
            if para.text:
                paras.append(para)
        block = []

    for number, line in enumerate(body, start + 1):
        if number in skipped:
            flush()
            if number in read_at:
                paras.append(SourcePara("", number, table=read_at[number]))
            continue
        if _MD_FENCE.match(line):
            fences.append(number)
            flush()
            continue
        if _HTML_TAG.search(line):
            tagged.append(number)
        if not line.strip() or _MD_RULE.fullmatch(line):
            flush()
            continue
        heading = _heading(line)
        if heading or line_per_paragraph or _starts_block(_MD_QUOTE.sub("", line)) or (
            block and (block[-1].endswith("  ") or block[-1].endswith("\\"))
        ):
            flush()
        if not block:
            block_start = number
        block.append(line)
        if heading:
            flush()
    flush()
    return paras, _skipped_notes(fences, sorted(tables), tagged)


def _starts_block(line: str) -> bool:
    """Whether ``line`` starts a paragraph of its own even without a blank line before it (:data:`_STARTS_BLOCK`)."""
    return bool(_STARTS_BLOCK.match(line) or read_marker(line.lstrip(), enumerator=True))


def _blank_lines(match: re.Match[str]) -> str:
    """What is cut out of a text, as the line breaks it held: the lines after keep their numbers."""
    return "\n" * match.group().count("\n")


# The patterns below are written out as loops: as regular expressions (``<!--.*?-->``,
# ``\[([^\]]*)\]\(``, ``(.*?)(?:\s+#+\s*)?$``…) they search the rest of the line or the file
# again from each place they fail, which a line of 100,000 ``[`` or spaces made take minutes.


def _without_comments(text: str) -> str:
    """``text`` with each HTML comment ``<!-- … -->`` cut out, as the line breaks it held."""
    pieces: list[str] = []
    done = 0
    while (start := text.find("<!--", done)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:  # no comment closes after this one: none of the rest will either
            break
        pieces += [text[done:start], "\n" * text.count("\n", start, end)]
        done = end + 3
    return "".join(pieces) + text[done:]


def _heading(line: str) -> tuple[int, str] | None:
    """An ATX heading's level (its hashes) and text, less any closing hashes (``## 标题 ##``); None for another line."""
    opening = _MD_HEADING.match(line)
    if not opening:
        return None
    text = line[opening.end() :]
    closed = text.rstrip().rstrip("#")
    if closed != text.rstrip() and closed[-1:].isspace():  # hashes after a space close the heading
        return len(opening.group(1)), closed.rstrip()
    return len(opening.group(1)), text


def _table_rule(line: str) -> bool:
    """Whether ``line`` is a table's second row: two or more cells of ``---`` (``:---:``), between ``|``."""
    cells = line.strip()
    cells = cells[1:] if cells.startswith("|") else cells
    cells = cells[:-1] if cells.endswith("|") else cells
    split = cells.split("|")
    return len(split) >= 2 and all(_MD_RULE_CELL.fullmatch(cell.strip()) for cell in split)


def _links_as_text(text: str) -> str:
    """Each link ``[text](address)`` and image ``![text](address)`` as its text alone."""
    pieces: list[str] = []
    done = 0
    close = closing_paren = -1  # the next "]" and ")" found: shared by the "[" before them, so each is searched for once
    start = text.find("[")
    while start >= 0:
        if close < start:
            close = text.find("]", start)
        if close < 0:
            break
        if text.startswith("(", close + 1):
            if closing_paren < close + 2:
                closing_paren = text.find(")", close + 2)
            if closing_paren < 0:
                break
            opening = start - 1 if start > done and text[start - 1] == "!" else start
            pieces += [text[done:opening], text[start + 1 : close]]
            done = closing_paren + 1
            start = text.find("[", done)
        else:
            start = text.find("[", start + 1)
    return "".join(pieces) + text[done:]


def _table_lines(lines: list[str]) -> set[int]:
    """The (1-based) numbers of the lines of Markdown tables: a row of cells, its |---| rule, the rows after."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if index and _table_rule(line) and "|" in lines[index - 1]:
            found.update((index, index + 1))
            after = index + 1
            while after < len(lines) and "|" in lines[after] and lines[after].strip():
                after += 1
                found.add(after)
    return found


def _table_rows(lines: list[str], start: int, table_lines: set[int]) -> list[list[SpanCell]]:
    """The rows of the Markdown table at line ``start`` (1-based), its ``|---|`` rule left out: each cell cleaned, unescaped."""
    rows = []
    number = start
    while number in table_lines:
        line = lines[number - 1]
        if not _table_rule(line):
            cells = line.strip()
            cells = cells[1:] if cells.startswith("|") else cells
            cells = cells[:-1] if cells.endswith("|") and not cells.endswith("\\|") else cells
            rows.append([SpanCell(clean(_unescape(cell))) for cell in _CELL_SEPARATOR.split(cells)])
        number += 1
    return rows


def _skipped_notes(fences: list[int], tables: list[int], tagged: list[int]) -> list[str]:
    notes = []
    if fences:
        notes.append(f"第{'、'.join(map(str, fences[:5]))}行的代码块标记（``` 或 ~~~）已去掉，其中的文字按普通段落导入，请核对。")
    if tables:
        notes.append(f"第{'、'.join(map(str, tables[:5]))}行起的表格没有导入（表格不能写进表单），请在表单中另行补充。")
    if tagged:
        notes.append(f"第{'、'.join(map(str, tagged[:5]))}行等处的 HTML 标记已去掉，只导入了其中的文字（“&nbsp;”等写法换成了对应的字符）。")
    return notes


def _md_paragraph(lines: list[str], number: int) -> SourcePara:
    outline = None
    heading = _heading(lines[0])
    if heading:
        outline = heading[0] - 1  # "#" is the title
        lines = [heading[1]]
    lines = [_MD_BULLET.sub("", _MD_QUOTE.sub("", line)).rstrip("\\") for line in lines]
    text = _html_text(join_lines(lines))
    text = _links_as_text(text)
    lead = ""
    strong = _MD_STRONG.match(text)
    if strong:
        lead = _unescape(strong.group(2))
    text = _MD_STRONG.sub(r"\2", text)
    text = clean(_unescape(text))
    return SourcePara(text, number, "行", outline=outline, lead=clean(lead))


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text)


class _HtmlText(HTMLParser):
    """The text of HTML: tags dropped, entities read as their characters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(text: str) -> str:
    if not _HTML_TAG.search(text):
        return text
    parser = _HtmlText()
    parser.feed(guarded(_AUTOLINK.sub(r"\1", text)))  # <https://…> is a link written out, not a tag
    parser.close()
    return "".join(parser.parts)
