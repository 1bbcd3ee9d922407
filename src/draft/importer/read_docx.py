"""The Word reader: a .docx's body paragraphs with their style, outline level, alignment, bold lead and list numbering.

python-docx (and lxml) are imported only when a Word file is read: a build never
needs them. Word's automatic list numbering (一、（一）1. that Word types, not the
author) is rebuilt as marker text (:class:`_Numbering`), so the parser reads the
headings as the reader of the document saw them.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from draft.importer import frame_lines
from draft.importer.budget import MAX_DEPTH, MAX_LEVEL_TEXT, MAX_LIST_NUMBER, MAX_WORD_BLOCKS, TooMuch, too_much
from draft.importer.files import RawFile, refuse
from draft.importer.grid import SpanCell, span
from draft.importer.source import SourcePara, clean, join_lines
from draft.model.numbering import chinese_numeral

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.text.paragraph import CT_P
    from docx.styles.style import CharacterStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from lxml.etree import _Element

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_TEXT_RUNS = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)"
    " and not(ancestor::w:fldSimple[contains(@w:instr, 'PAGE')])]"
)


def read_docx(raw: RawFile) -> tuple[list[SourcePara], list[str]]:
    """The body paragraphs of a Word document, in order, and its tables where they stand; text boxes are not read."""
    import docx  # python-docx, only when a Word file is imported

    try:
        document = docx.Document(io.BytesIO(raw.data))
    except Exception:  # python-docx and lxml raise many kinds for a damaged package
        raise refuse(
            raw.path,
            "文件已损坏，无法读取其中的内容。请在 Word 或 WPS 中打开原文件，另存为新的 .docx 后再导入；"
            "打不开的话，可以把正文复制到记事本，保存为 .txt 后导入。",
        ) from None
    try:
        return _DocxReader(document).paragraphs()
    except TooMuch:
        raise
    except Exception:
        if os.environ.get("DRAFT_DEBUG"):
            raise
        raise refuse(
            raw.path,
            "文件中有 draft 读不懂的内容。请在 Word 或 WPS 中打开原文件，另存为新的 .docx 后再导入；"
            "仍然不行的话，可以把正文复制到记事本，保存为 .txt 后导入。",
        ) from None


#: An ``altChunk`` is another file (a web page, an RTF, a document) Word pastes in only when it opens the
#: document; draft cannot read it, and says so, as the user would otherwise lose its text without a word.
_ALT_CHUNK = (
    "{where}嵌入了另一个文件的内容（Word 的“外部内容块”，网页或其他程序常这样插入文字），draft 无法读取，这部分没有导入。"
    "请在 Word 中打开原文件，另存为新的 .docx（Word 保存时会把这部分变成正文）后再导入，或在表单中补上这部分内容。"
)


class _DocxReader:
    def __init__(self, document: Document) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.text.run import Run

        self.document = document
        self.Run = Run
        self.numbering = _Numbering(document)
        self._style_cache: dict[str, tuple[str, int | None, bool, tuple[str, str] | None]] = {}
        self._paragraph_type, self._character_type = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
        self._styles: dict[tuple[str | None, object], object] = {}

    def _style_by_id(self, style_id: str | None, kind: WD_STYLE_TYPE) -> Any:  # ParagraphStyle or CharacterStyle, by kind
        """python-docx's style of that id, looked up once: it walks every style of the document
        to find the default one (most paragraphs and runs), which made a long report take minutes."""
        key = (style_id, kind)
        if key not in self._styles:
            self._styles[key] = self.document.part.get_style(style_id, kind)
        return self._styles[key]

    def paragraphs(self) -> tuple[list[SourcePara], list[str]]:
        from docx.text.paragraph import Paragraph

        notes: list[str] = []
        paras: list[SourcePara] = []
        number = 0
        blocks = 0
        for element in self._body_elements(self.document.element.body):
            tag = element.tag.rsplit("}", 1)[-1]
            blocks += 1 + (sum(1 for _ in element.iter(f"{{{_W}}}tc")) if tag == "tbl" else 0)
            if blocks > MAX_WORD_BLOCKS:
                raise too_much("Word 文件中的段落和表格单元格", MAX_WORD_BLOCKS)
            if tag == "altChunk":
                notes.append(_ALT_CHUNK.format(where=f"第{number}段之后" if number else "文档开头"))
                continue
            if tag == "tbl":
                rows = frame_rows(element)
                if rows is None:  # figures, or another table: read as a grid of cells
                    paras.append(SourcePara("", number, unit="段", table=_table_rows(element)))
                for row in rows or []:
                    number += 1
                    paras.append(SourcePara(row, number, "段"))
                continue
            number += 1
            para = self._paragraph(Paragraph(element, self.document), number)
            if para.text:
                paras.append(para)
        return paras, notes

    def _body_elements(self, parent: _Element, depth: int = 0) -> Iterator[_Element]:
        """The paragraphs and tables of ``parent`` in reading order: through content controls, and into the cells
        of a table that only lays text out (:func:`layout_table`), as if that table were not there."""
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "tbl" and depth < MAX_DEPTH and frame_rows(child) is None and layout_table(child):
                for cell in _xpath(child, "./w:tr/w:tc"):
                    yield from self._body_elements(cell, depth + 1)
            elif tag in ("p", "tbl", "altChunk"):
                yield child
            elif tag == "sdt":  # a content control wrapping paragraphs
                for content in child.iterchildren(f"{{{_W}}}sdtContent"):
                    yield from self._body_elements(content, depth + 1)

    def _paragraph(self, paragraph: Paragraph, number: int) -> SourcePara:
        p = paragraph._p
        runs = [self.Run(r, paragraph) for r in p.xpath(_TEXT_RUNS)]
        style_name, style_outline, style_bold, style_num = self._style(paragraph)
        text = "".join(run._r.text for run in runs)
        outline = style_outline
        direct = p.xpath("./w:pPr/w:outlineLvl/@w:val")
        if direct and direct[0].isdigit():
            outline = int(direct[0]) + 1 if int(direct[0]) < 9 else None
        if style_name.lower() in ("title", "标题") and outline is None:
            outline = 0
        try:
            marker = self.numbering.marker(p, style_num)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            marker = ""
        lead = self._lead(runs, style_bold, self._emphasised)
        if marker and text.strip():
            text = marker + text.lstrip()
            lead = marker + lead if lead else ""
        lines = [clean(line) for line in text.split("\n")]
        # A title keeps its line breaks (the parser joins title lines); elsewhere a break joins lines.
        text = "\n".join(line for line in lines if line) if outline == 0 else join_lines(lines)
        return SourcePara(
            text=text,
            number=number,
            unit="段",
            style=style_name,
            outline=outline,
            lead=clean(lead),
            centered=self._centered(paragraph, p),
        )

    def _style(self, paragraph: Paragraph) -> tuple[str, int | None, bool, tuple[str, str] | None]:
        """Name, outline level, boldness and numbering (numId, ilvl) of the paragraph's style, following basedOn."""
        try:
            style = self._style_by_id(paragraph._p.style, self._paragraph_type)
        except Exception:
            return ("", None, False, None)
        if style is None:
            return ("", None, False, None)
        key = style.style_id or style.name or ""
        if key in self._style_cache:
            return self._style_cache[key]
        name = style.name or ""
        outline: int | None = None
        bold = False
        num: tuple[str, str] | None = None
        current, seen = style, 0
        while current is not None and seen < 10:
            element = current.element
            if outline is None:
                level = element.xpath("./w:pPr/w:outlineLvl/@w:val")
                if level and level[0].isdigit() and int(level[0]) < 9:
                    outline = int(level[0]) + 1
            if not bold and current.font is not None and current.font.bold:
                bold = True
            if num is None:
                num_id = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
                if num_id:
                    ilvl = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
                    num = (num_id[0], ilvl[0] if ilvl else "0")
            current, seen = current.base_style, seen + 1
        heading = re.match(r"(?i)^(?:heading|标题)\s*(\d)$", name)
        if outline is None and heading:
            outline = int(heading.group(1))
        result = (name, outline, bold, num)
        self._style_cache[key] = result
        return result

    @staticmethod
    def _lead(runs: list[Run], style_bold: bool, emphasised: Callable[[Run], bool]) -> str:
        """The text of the leading runs that stand out: bold, or in a heading/strong character style."""
        if style_bold:
            return ""  # the whole paragraph is bold: no run-in title to find
        lead = ""
        for run in runs:
            text = run._r.text
            if emphasised(run):
                lead += text
            elif text.strip():
                break
            else:
                lead += text
        return lead if lead.strip() and len(lead.strip()) < len("".join(r._r.text for r in runs).strip()) else ""

    def _centered(self, paragraph: Paragraph, p: CT_P) -> bool:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        try:
            alignment = paragraph.paragraph_format.alignment
            if alignment is None:
                style = self._style_by_id(p.style, self._paragraph_type)
                alignment = style.paragraph_format.alignment if style is not None else None
        except Exception:
            return False
        return alignment == WD_ALIGN_PARAGRAPH.CENTER

    def _emphasised(self, run: Run) -> bool:
        if run.bold is not None:
            return bool(run.bold)
        try:
            style = self._style_by_id(run._r.style, self._character_type)
        except Exception:
            return False
        return _emphasising(style)


def _emphasising(style: CharacterStyle | None) -> bool:
    """Whether a character style makes a run stand out: a heading or strong style, or a bold one."""
    if style is None or style.name in (None, "Default Paragraph Font"):
        return False
    name = style.name or ""
    if re.search(r"(?i)heading|标题|strong|要点", name):
        return True
    return bool(style.font is not None and style.font.bold)


class _Numbering:
    """Word's automatic list numbering (一、（一）1. typed by Word, not by the author) as marker text.

    The numbering part is indexed once (a document may define thousands of lists, and each
    paragraph asks for one); a number is written arithmetically and only when it is one a list
    reaches (at most :data:`~draft.importer.budget.MAX_LIST_NUMBER`), from a level text no longer
    than :data:`~draft.importer.budget.MAX_LEVEL_TEXT`: a list beyond those is left unnumbered.
    """

    _FORMATS = {
        "decimal": lambda n: str(n),
        "decimalZero": lambda n: f"{n:02d}",
        "chineseCounting": lambda n: chinese_numeral(n) if 1 <= n <= 99 else str(n),
        "chineseCountingThousand": lambda n: chinese_numeral(n) if 1 <= n <= 99 else str(n),
        "chineseLegalSimplified": lambda n: chinese_numeral(n) if 1 <= n <= 99 else str(n),
        "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
        "japaneseCounting": lambda n: chinese_numeral(n) if 1 <= n <= 99 else str(n),
        "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "decimalFullWidth": lambda n: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
        "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
        "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
        "upperRoman": lambda n: _roman(n),
        "lowerRoman": lambda n: _roman(n).lower(),
    }
    #: Word's list levels are 0–8; ``%1``–``%9`` in a level text name them.
    _LEVELS = 9

    def __init__(self, document: Document) -> None:
        self.root = None
        try:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            self.root = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined] # an XmlPart
        except Exception:
            self.root = None
        self.counters: dict[str, dict[int, int]] = {}
        self._nums: dict[str, _Element] | None = None
        self._abstracts: dict[str, _Element] = {}
        self._levels_of: dict[str, dict[int, tuple[int, str, str | None]]] = {}

    def marker(self, p: CT_P, style_num: tuple[str, str] | None) -> str:
        if self.root is None:
            return ""
        num_id = p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        ilvl = p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        if num_id:
            numbering = (num_id[0], ilvl[0] if ilvl else (style_num[1] if style_num else "0"))
        elif style_num:
            numbering = (style_num[0], ilvl[0] if ilvl else style_num[1])
        else:
            return ""
        num, level_text = numbering
        if not num.isdigit() or num == "0" or not _small_count(level_text):
            return ""
        level = int(level_text)
        levels = self._levels(num)
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num, {})
        start, _fmt, _text = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        _start, fmt, text = levels[level]
        if fmt in ("bullet", "none") or text is None or len(text) > MAX_LEVEL_TEXT:
            return ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k)
            value = counters.get(k, lvl[0] if lvl else 1)
            formatter = self._FORMATS.get(lvl[1] if lvl else "decimal", self._FORMATS["decimal"])
            return formatter(value) if value <= MAX_LIST_NUMBER else str(value)

        return re.sub(r"%(\d)", number, text)

    def _index(self) -> tuple[dict[str, _Element], dict[str, _Element]]:
        """Each list (``w:num``) and each list definition (``w:abstractNum``) by its id, read once."""
        if self._nums is None:
            self._nums = {}
            for element in self.root.iterchildren(f"{{{_W}}}num", f"{{{_W}}}abstractNum"):  # type: ignore[union-attr]
                if element.tag == f"{{{_W}}}num":
                    self._nums.setdefault(element.get(f"{{{_W}}}numId") or "", element)
                else:
                    self._abstracts.setdefault(element.get(f"{{{_W}}}abstractNumId") or "", element)
        return self._nums, self._abstracts

    def _levels(self, num: str) -> dict[int, tuple[int, str, str | None]]:
        if num not in self._levels_of:
            self._levels_of[num] = self._read_levels(num)
        return self._levels_of[num]

    def _read_levels(self, num: str) -> dict[int, tuple[int, str, str | None]]:
        nums, abstracts = self._index()
        element = nums.get(num)
        if element is None:
            return {}
        abstract = _xpath(element, "./w:abstractNumId/@w:val")
        if not abstract or not abstract[0].isdigit():
            return {}
        overrides = {}
        for override in _xpath(element, "./w:lvlOverride"):
            level = override.get(f"{{{_W}}}ilvl")
            start = _xpath(override, "./w:startOverride/@w:val")
            if level and _small_count(level) and start and _small_count(start[0]):
                overrides[int(level)] = int(start[0])
        definition = abstracts.get(abstract[0])
        levels: dict[int, tuple[int, str, str | None]] = {}
        for lvl in _xpath(definition, "./w:lvl") if definition is not None else []:
            level = lvl.get(f"{{{_W}}}ilvl")
            if not level or not _small_count(level) or int(level) >= self._LEVELS:
                continue
            start = _xpath(lvl, "./w:start/@w:val")
            fmt = _xpath(lvl, "./w:numFmt/@w:val")
            text = _xpath(lvl, "./w:lvlText/@w:val")
            levels[int(level)] = (
                overrides.get(int(level), int(start[0]) if start and _small_count(start[0]) else 1),
                fmt[0] if fmt else "decimal",
                text[0] if text else None,
            )
        return levels


def _small_count(written: str) -> bool:
    """Whether a level or start value is a count Word writes: ASCII digits, at most :data:`MAX_LIST_NUMBER`."""
    return bool(re.fullmatch(r"[0-9]{1,9}", written)) and int(written) <= MAX_LIST_NUMBER


def frame_rows(table: _Element) -> list[str] | None:
    """The rows of a table that holds a 公文's frame (发文字号 and 签发人, or the 版记), each as one line; else None.
    A joint mark's table (the names in one cell, 文件 in the next) is read a paragraph a line.

    GB/T 9704 tools set these lines in borderless or ruled tables; read as lines, the parser takes
    them into the frame fields like the same lines of a .txt (:mod:`draft.importer.frame_lines`).
    """
    lines = [line for line in (clean("".join(_xpath(p, ".//w:t/text()"))) for p in _xpath(table, ".//w:p")) if line]
    joint = frame_lines.joint_mark(lines)
    if joint and joint[1] == len(lines):
        return lines
    rows = []
    for row in _xpath(table, "w:tr"):
        cells = [_gapped_text(cell) for cell in _xpath(row, "w:tc")]
        written = [cell for cell, text in zip(_xpath(row, "w:tc"), cells, strict=True) if text.strip()]
        if len(written) == 1:  # a row of one cell: each of its paragraphs a line (抄送 above 印发, in one cell)
            rows += [clean(_gapped_text(p)) for p in _xpath(written[0], ".//w:p")]
            continue
        rows.append(clean("  ".join(cell for cell in cells if cell.strip())))
    frame_line = [frame_lines.number_line(row) or frame_lines.copy_to(row) or frame_lines.imprint(row) for row in rows if row]
    return [row for row in rows if row] if frame_line and all(frame_line) else None


def _gapped_text(element: _Element) -> str:
    """The text of ``element``, a line break or tab in it a gap (between names)."""
    return "".join(e.text or "" if e.tag.endswith("}t") else " " for e in _xpath(element, ".//w:t|.//w:br|.//w:tab"))


#: A cell holding a figure: a number alone (8, 96171.6, 1,288).
_FIGURE = re.compile(r"-?[0-9][0-9,，]*(?:\.[0-9]+)?")


def layout_table(table: _Element) -> bool:
    """Whether a table only lays text out (a body, a red head, a 版记 set in a table to place it): one cell, or
    no cell holding a figure. A table with a figure in a cell is data, read as a grid (:func:`_table_rows`)."""
    cells = _xpath(table, "./w:tr/w:tc")
    if len(cells) <= 1:
        return True
    return not any(_FIGURE.fullmatch(re.sub(r"\s+", "", "".join(_xpath(cell, "./w:p//w:t/text()")))) for cell in cells)


def _table_rows(tbl: _Element) -> list[list[SpanCell]]:
    """A ``w:tbl``'s rows as HTML lists them: ``w:gridSpan`` is a colspan, a ``w:vMerge`` run one cell's rowspan."""
    rows: list[list[SpanCell]] = []
    above: dict[int, tuple[int, int]] = {}  # grid column → (row, index) of the cell a vMerge there continues
    for tr in tbl.iterchildren(f"{{{_W}}}tr"):
        row: list[SpanCell] = []
        column = 0
        for tc in tr.iterchildren(f"{{{_W}}}tc"):
            spanned = _xpath(tc, "./w:tcPr/w:gridSpan/@w:val")
            cols = span(str(spanned[0])) if spanned else 1
            merge = _xpath(tc, "./w:tcPr/w:vMerge")
            if merge and merge[0].get(f"{{{_W}}}val") != "restart" and column in above:
                r, i = above[column]
                rows[r][i] = rows[r][i]._replace(rows=rows[r][i].rows + 1)
            else:
                # a paragraph a line: a cell of two paragraphs (8 / 件, or 8 and 0 by mistake) is not one number run together
                lines = ("".join(t.text or "" for t in p.iter(f"{{{_W}}}t")) for p in tc.iter(f"{{{_W}}}p"))
                above[column] = (len(rows), len(row))
                row.append(SpanCell("\n".join(line for line in (re.sub(r"\s+", "", line) for line in lines) if line), 1, cols))
            column += cols
        rows.append(row)
    return rows


def _xpath(element: _Element, path: str) -> list[Any]:
    """XPath with the w: prefix on any lxml element (python-docx's own elements bind it themselves)."""
    from lxml import etree

    return etree._Element.xpath(element, path, namespaces=_NS)


def _roman(n: int) -> str:
    """``n`` in Roman numerals, counted arithmetically; from 4,000 on (no Roman numeral) in digits."""
    if not 0 < n < 4000:
        return str(n)
    result = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        times, n = divmod(n, value)
        result += letters * times
    return result
