"""The web-page reader: a report's page as the browser saves it → its paragraphs and its tables.

A government site wraps the article in its chrome — menus, breadcrumbs, the publish date, view
counts, a footer. The article is the deepest element holding nine tenths of the page's text in
paragraphs and tables (its content ``div``); the title is the last heading before it that names
a report, else the page's ``<title>``. Inside the article each block element is a paragraph,
and so is each line a ``<br>`` ends; a ``<table>`` is handed over whole, its cells with their
spans, a header broken by ``<br>`` ("结果<br>纠正") read as one label. The standard library's
:mod:`html.parser` reads the page; it forgives what browsers forgive. It reads it as
:mod:`~draft.importer.page_guard` rewrote it (so that any Python's parser reads it in linear
time), and the tree counts what it builds against :mod:`~draft.importer.budget`; the tree is
walked with loops, not recursion, and each element's text is measured once from the leaves up.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from draft.importer.budget import MAX_DEPTH, MAX_PAGE_NODES, too_much
from draft.importer.grid import SpanCell, span
from draft.importer.page_guard import guarded
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
    __slots__ = ("tag", "attrs", "parent", "children")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Element | str] = []

    def text(self, lines: bool = False) -> str:
        """The text of the element and all inside it but what is never shown (scripts, styles…); with ``lines``,
        each paragraph inside (``<p>``, ``<div>``, ``<br>``) on a line of its own."""
        pieces: list[str] = []
        pending: list[_Element | str] = [self]
        while pending:  # a loop, not recursion: a page may nest deeper than Python recurses
            node = pending.pop()
            if isinstance(node, str):
                pieces.append(node)
            elif node is self or node.tag not in _SKIPPED:
                if lines and node is not self and (node.tag in _BLOCKS or node.tag == "br"):
                    pieces.append("\n")
                    pending.append("\n")  # after its content
                pending.extend(reversed(node.children))
        return "".join(pieces)

    def elements(self) -> list[_Element]:
        return [child for child in self.children if isinstance(child, _Element)]

    def walk(self) -> list[_Element]:
        """The element and every one inside it, in the page's order."""
        found: list[_Element] = []
        pending = [self]
        while pending:
            element = pending.pop()
            found.append(element)
            pending.extend(reversed(element.elements()))
        return found


#: The attributes the reader looks at; the others are not kept.
_KEPT_ATTRIBUTES = ("class", "rowspan", "colspan")


class _TreeBuilder(HTMLParser):
    """The page as a tree, counting what it builds against the budget (:mod:`draft.importer.budget`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", {}, None)
        self.open = [self.root]
        self.nodes = 0
        #: Where each open tag name stands in ``open``: an end tag finds its element without scanning the stack.
        self.positions: dict[str, list[int]] = {}

    def _count(self) -> None:
        """One more tag, comment or piece of text read: the parser's work, counted against the budget."""
        self.nodes += 1
        if self.nodes > MAX_PAGE_NODES:
            raise too_much("网页中的标记和文字片段", MAX_PAGE_NODES)

    def _add(self, node: _Element | str) -> None:
        self._count()
        self.open[-1].children.append(node)

    def _push(self, element: _Element) -> None:
        if len(self.open) > MAX_DEPTH:
            raise too_much("网页中元素的嵌套层数", MAX_DEPTH, "层")
        self.positions.setdefault(element.tag, []).append(len(self.open))
        self.open.append(element)

    def _pop_to(self, depth: int) -> None:
        """Close the open elements from ``depth`` on."""
        while len(self.open) > depth:
            self.positions[self.open.pop().tag].pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while self.open[-1].tag in _CLOSED_BY and tag in _CLOSED_BY[self.open[-1].tag]:
            self._pop_to(len(self.open) - 1)
        kept = {name: value or "" for name, value in attrs if name in _KEPT_ATTRIBUTES}
        element = _Element(tag, kept, self.open[-1])
        self._add(element)
        if tag not in _VOID:
            self._push(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._pop_to(len(self.open) - 1)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open ``tag`` and all opened inside it; an end tag nothing opened is ignored."""
        self._count()
        if self.positions.get(tag):
            self._pop_to(self.positions[tag][-1])

    def handle_data(self, data: str) -> None:
        self._add(data)

    def handle_comment(self, data: str) -> None:
        self._count()

    def handle_decl(self, decl: str) -> None:
        self._count()

    def handle_pi(self, data: str) -> None:
        self._count()

    def unknown_decl(self, data: str) -> None:
        self._count()


def read_html(text: str) -> list[SourcePara]:
    """The title and the article's paragraphs and tables, in order."""
    builder = _TreeBuilder()
    builder.feed(guarded(text))
    builder.close()
    root = builder.root
    shown, weights = _measure(root)
    article = _article(root, weights)
    paras = _Paragraphs()
    paras.block(article)
    title = _title(root, article, shown)
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


#: Most lines a title is broken into, and most characters it has.
_TITLE_LINES = 4
_TITLE_LENGTH = 80


def _measure(root: _Element) -> tuple[dict[int, int], dict[int, int]]:
    """By ``id``: how many characters each element shows (white space aside), and how much text of
    paragraphs and tables it holds; counted once from the leaves up, so that nesting costs nothing."""
    shown: dict[int, int] = {}
    weights: dict[int, int] = {}
    for element in reversed(root.walk()):  # the elements inside one come after it: measured before it
        inside = [child for child in element.elements() if child.tag not in _SKIPPED]
        shown[id(element)] = sum(len(_squeezed(child)) for child in element.children if isinstance(child, str)) + sum(
            shown[id(child)] for child in inside
        )
        if element.tag in ("p", "table"):
            weights[id(element)] = shown[id(element)]
        elif element.tag in _SKIPPED:
            weights[id(element)] = 0
        else:
            weights[id(element)] = sum(weights[id(child)] for child in element.elements())
    return shown, weights


def _article(root: _Element, weights: dict[int, int]) -> _Element:
    """The deepest element holding :data:`ARTICLE_SHARE` of the page's paragraphs and tables (the whole page when it has none)."""
    total = weights[id(root)]
    current = root
    while total:
        heavy = [child for child in current.elements() if child.tag not in ("p", "table") and weights[id(child)] >= ARTICLE_SHARE * total]
        if not heavy:
            break
        current = heavy[0]
    return current


def _title(root: _Element, article: _Element, shown: dict[int, int]) -> str:
    """The last heading before the article naming a report, else the page's ``<title>`` without the site's name."""
    inside = {id(element) for element in article.walk()}
    headings = []
    for element in root.walk():
        if element is article:
            break
        heading = element.tag in _HEADINGS or "title" in element.attrs.get("class", "").lower()
        # shown[…] is at most the heading's length: a long block is passed over without gathering its text
        if id(element) not in inside and heading and shown[id(element)] <= _TITLE_LENGTH:
            text = _inline(element.text())
            if "报告" in text and len(text) <= _TITLE_LENGTH:
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
    pending = list(reversed(table.elements()))
    while pending:
        element = pending.pop()
        if element.tag == "tr":
            cells = [child for child in element.elements() if child.tag in ("td", "th")]
            rows.append(
                [SpanCell(_cell_text(cell), span(cell.attrs.get("rowspan")), span(cell.attrs.get("colspan"))) for cell in cells]
            )
        if element.tag != "table":
            pending.extend(reversed(element.elements()))
    return rows


def _inline(text: str) -> str:
    """HTML's white space, read as the browser shows it: a line break between Chinese characters is nothing."""
    text = text.replace("\xa0", " ")
    return re.sub(r"[ \t\r\f\v]+", " ", join_lines(text.split("\n")))


def _squeezed(text: str) -> str:
    """Text with no white space at all: a title's, compared with the opening lines."""
    return re.sub(r"\s+", "", text.replace("\xa0", ""))


def _cell_text(cell: _Element) -> str:
    """A table cell's text, a line for each paragraph (``<p>``, ``<div>``, ``<br>``) with no white space in it: a
    label broken over lines reads whole, and a figure beside its unit (8 / 件) is not run into another figure."""
    return "\n".join(line for line in map(_squeezed, cell.text(lines=True).split("\n")) if line)
