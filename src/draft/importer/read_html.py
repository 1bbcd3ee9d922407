"""The web-page reader: a report's page as the browser saves it → its paragraphs and its tables.

A government site wraps the article in its chrome — menus, breadcrumbs, the publish date, view
counts, a footer. The article is the deepest element holding nine tenths of the page's text in
paragraphs and tables (its content ``div``); the title is the last heading before it that names
a report, else the page's ``<title>``. Inside the article each block element is a paragraph,
and so is each line a ``<br>`` ends; a ``<table>`` is handed over whole, its cells with their
spans, a header broken by ``<br>`` ("结果<br>纠正") read as one label. The standard library's
:mod:`html.parser` reads the page; it forgives what browsers forgive.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from draft.importer.grid import SpanCell
from draft.importer.source import SourcePara, clean
from draft.text.paragraphs import join_lines

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIPPED = {"script", "style", "noscript", "template", "head", "iframe", "select", "button", "textarea", "svg", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre", "section", "ul", "table",
}
#: An open element a new one of these closes, as browsers do (``<p>a<p>b``, ``<td>1<td>2``).
_CLOSED_BY = {"p": {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}, "li": {"li"}, "tr": {"tr"},
              "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}
_HEADINGS = ("h1", "h2", "h3")
_TITLE_SEPARATORS = re.compile(r"\s*(?:[-_|｜—–]+)\s*")
#: Of the page's text in paragraphs and tables, what the article holds.
ARTICLE_SHARE = 0.9


class _Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: _Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Element | str] = []

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else "" if child.tag in _SKIPPED else child.text() for child in self.children)

    def elements(self) -> list[_Element]:
        return [child for child in self.children if isinstance(child, _Element)]

    def walk(self) -> list[_Element]:
        found = [self]
        for child in self.elements():
            found += child.walk()
        return found


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", {}, None)
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while self.open[-1].tag in _CLOSED_BY and tag in _CLOSED_BY[self.open[-1].tag]:
            self.open.pop()
        element = _Element(tag, {name: value or "" for name, value in attrs}, self.open[-1])
        self.open[-1].children.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def read_html(text: str) -> list[SourcePara]:
    """The title and the article's paragraphs and tables, in order."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    article = _article(root)
    paras = _Paragraphs()
    paras.block(article)
    title = _title(root, article)
    if title and not _opens_with(paras.found, _squeezed(title)):
        paras.found.insert(0, SourcePara(title, 0, unit="段", outline=0))
    return paras.found


def _opens_with(found: list[SourcePara], title: str) -> bool:
    """Whether the article's first lines are the title already (a heading broken by ``<br>`` gives several)."""
    opening = ""
    for para in found[:_TITLE_LINES]:
        opening += _squeezed(para.text)
        if opening == title:
            return True
        if not title.startswith(opening):
            return False
    return False


#: Most lines a title is broken into.
_TITLE_LINES = 4


def _weight(element: _Element, memo: dict[int, int]) -> int:
    """How much text of paragraphs and tables ``element`` holds."""
    if id(element) not in memo:
        if element.tag in ("p", "table"):
            memo[id(element)] = len(_squeezed(element.text()))
        elif element.tag in _SKIPPED:
            memo[id(element)] = 0
        else:
            memo[id(element)] = sum(_weight(child, memo) for child in element.elements())
    return memo[id(element)]


def _article(root: _Element) -> _Element:
    """The deepest element holding :data:`ARTICLE_SHARE` of the page's paragraphs and tables (the whole page when it has none)."""
    memo: dict[int, int] = {}
    total = _weight(root, memo)
    current = root
    while total:
        heavy = [child for child in current.elements() if child.tag not in ("p", "table") and _weight(child, memo) >= ARTICLE_SHARE * total]
        if not heavy:
            break
        current = heavy[0]
    return current


def _title(root: _Element, article: _Element) -> str:
    """The last heading before the article naming a report, else the page's ``<title>`` without the site's name."""
    inside = {id(element) for element in article.walk()}
    headings = []
    for element in root.walk():
        if element is article:
            break
        if id(element) not in inside and (element.tag in _HEADINGS or "title" in element.attrs.get("class", "").lower()):
            text = _inline(element.text())
            if "报告" in text and len(text) <= 80:
                headings.append(text)
    if headings:
        return headings[-1]
    page_title = next((_inline(element.text()) for element in root.walk() if element.tag == "title"), "")
    pieces = [piece for piece in _TITLE_SEPARATORS.split(page_title) if "报告" in piece]
    return pieces[0] if pieces else ""


class _Paragraphs:
    """Walks the article: a paragraph per block and per line a ``<br>`` ends, a table whole."""

    def __init__(self) -> None:
        self.found: list[SourcePara] = []
        self.line: list[str] = []

    def flush(self) -> None:
        text = clean(_inline("".join(self.line)))
        self.line = []
        if text:
            self.found.append(SourcePara(text, len(self.found) + 1, unit="段"))

    def block(self, element: _Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.line.append(child)
            elif child.tag in _SKIPPED:
                continue
            elif child.tag == "br":
                self.flush()
            elif child.tag == "table":
                self.flush()
                self.found.append(SourcePara("", len(self.found) + 1, unit="段", table=_rows(child)))
            elif child.tag in _BLOCKS:
                self.flush()
                self.block(child)
                self.flush()
            else:
                self.block(child)


def _rows(table: _Element) -> list[list[SpanCell]]:
    """The table's rows (through ``thead``/``tbody``, not into nested tables), each cell's text on one line."""
    rows = []
    for element in table.walk():
        if element.tag == "tr" and _owning_table(element) is table:
            cells = [child for child in element.elements() if child.tag in ("td", "th")]
            rows.append([SpanCell(_squeezed(cell.text()), _span(cell, "rowspan"), _span(cell, "colspan")) for cell in cells])
    return rows


def _owning_table(element: _Element) -> _Element | None:
    parent = element.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _span(cell: _Element, name: str) -> int:
    value = cell.attrs.get(name, "1").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else 1


def _inline(text: str) -> str:
    """HTML's white space, read as the browser shows it: a line break between Chinese characters is nothing."""
    text = text.replace("\xa0", " ")
    return re.sub(r"[ \t\r\f\v]+", " ", join_lines(text.split("\n")))


def _squeezed(text: str) -> str:
    """Text with no white space at all: a table cell's label, broken over lines by ``<br>`` or by spaces."""
    return re.sub(r"\s+", "", text.replace("\xa0", ""))
