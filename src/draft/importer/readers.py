"""Readers: a .docx, .txt or .md report becomes a flat list of source paragraphs.

Every reader gives the same thing — :class:`SourcePara` — so that one parser
serves all formats (as pandoc's readers all produce one document model). A
paragraph carries its text and what the format told us about it: a Word
paragraph's style, outline level, alignment and emphasised leading text (a bold
run-in title), a Markdown heading's level, and where it was (line or paragraph
number) so that warnings can point at it.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from draft.importer.files import RawFile, decode_text, refuse
from draft.model.numbering import chinese_numeral
from draft.text.paragraphs import join_lines as join_cleaned

#: Characters YAML (and so a form) cannot hold; they are dropped. U+2028/2029/0085 would read as line breaks.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


@dataclass
class SourcePara:
    """One paragraph of the source, with the hints its format gave."""

    text: str
    number: int  # line (txt, md) or paragraph (docx) number, 1-based
    unit: str = "行"  # "行" or "段": how ``number`` counts
    style: str = ""  # the Word paragraph style name
    outline: int | None = None  # heading level the format declared: 0 title, 1.. headings
    lead: str = ""  # emphasised text that starts the paragraph (bold or a heading character style)
    centered: bool = False

    @property
    def where(self) -> str:
        return f"第{self.number}{self.unit}"


def clean(text: str) -> str:
    """One paragraph's text: unprintable characters dropped, tabs as spaces, ends trimmed (also 　 indents)."""
    return _UNPRINTABLE.sub("", text).replace("\t", " ").strip()


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph, each cleaned, joined as a form's are (:func:`draft.text.paragraphs.join_lines`)."""
    return join_cleaned(clean(line) for line in lines)


def read(raw: RawFile) -> tuple[list[SourcePara], list[str]]:
    """The paragraphs of ``raw`` and notes about what was skipped."""
    if raw.kind == "docx":
        return read_docx(raw)
    text, encoding = decode_text(raw.path, raw.data)
    notes = [f"文件的编码是 {encoding}。"] if "\ufffd" in encoding else []
    if raw.kind == "md":
        paras, skipped = read_markdown(text)
        return paras, notes + skipped
    paras = read_text(text)
    if wrap_width(text):
        notes.append("文件像是按固定宽度断行的文字（例如从 PDF 复制），已把断开的行接回段落，请核对分段。")
    return paras, notes


# --- plain text ---------------------------------------------------------------------


#: A line ending so does not run on into the next one.
_LINE_END = tuple("。！？：；…!?:;")
#: A line starting so begins a paragraph of its own: a heading marker or 一是.
_LINE_START = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}是)"
)


def read_text(text: str) -> list[SourcePara]:
    """Each non-empty line is a paragraph (as text copied from a web page or saved from Word).

    Text copied from a PDF is broken into lines of one width. When most lines are
    that wide and stop mid-sentence, a full-width line runs on into the next one,
    unless the next one is indented (where the PDF had a paragraph start) or opens
    with a heading number or 一是.
    """
    raw = [(number, line) for number, line in enumerate(text.splitlines(), 1) if clean(line)]
    width = _wrap_width([clean(line) for _, line in raw])
    indented = sum(1 for _, line in raw if line[:1].isspace()) >= len(raw) * 0.1
    paras: list[SourcePara] = []
    run_on = False
    for number, line in raw:
        cleaned = clean(line)
        if indented:  # the PDF indented each paragraph's first line; 一是 may well start a wrapped line
            starts = line[:1].isspace() or (_LINE_START.match(cleaned) and "是" not in cleaned[:4])
        else:
            starts = bool(_LINE_START.match(cleaned))
        if run_on and not starts:
            paras[-1].text = join_lines([paras[-1].text, cleaned])
        else:
            paras.append(SourcePara(cleaned, number))
        at_width = bool(width) and len(cleaned) >= width - 1
        run_on = at_width and (indented or not cleaned.endswith(_LINE_END))
    return paras


def wrap_width(text: str) -> int:
    return _wrap_width([clean(line) for line in text.splitlines() if clean(line)])


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped text was broken at, or 0 when its lines are paragraphs."""
    if len(lines) < 8:
        return 0
    lengths = sorted(len(line) for line in lines)
    widest = lengths[int(len(lengths) * 0.9)]
    at_width = [line for line in lines if widest - 1 <= len(line) <= widest + 1]
    unfinished = [line for line in at_width if not line.endswith(_LINE_END)]
    # Hard-wrapped: many lines share one width, and most of those stop mid-sentence.
    if widest >= 16 and len(at_width) >= len(lines) * 0.4 and len(unfinished) >= len(at_width) * 0.6:
        return widest
    return 0


# --- Markdown -----------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: A code fence (closed or not): its lines are the report's text like any other, only the fence goes.
_MD_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
#: A table's second row: |---|:---:|
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
#: HTML whose content is not text of the report: tables (not importable as paragraphs), scripts, styles.
_HTML_BLOCK = re.compile(r"<(table|script|style)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
#: A line that starts a paragraph of its own even without a blank line before it.
_STARTS_BLOCK = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[.．、]|"
    r"[一二三四五六七八九十]{1,3}是|#|[-*+]\s|\*\*\s*[（(一二三四五六七八九十\d])"
)


def read_markdown(text: str) -> tuple[list[SourcePara], list[str]]:
    """Markdown: headings, bold run-in titles, lists and escapes; a blank line separates paragraphs.

    A file with (almost) no blank lines is text pasted into a .md file: then every
    line is a paragraph, as in a .txt file. What is not text is skipped and noted: code
    fences (their lines are read as text), tables, HTML tags (their text is kept) and
    entities (read as the characters they stand for).
    """
    text = _MD_COMMENT.sub(_blank_lines, text)
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
    tables += [number for number in sorted(skipped) if number - 1 not in skipped]
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
            continue
        if _MD_FENCE.match(line):
            fences.append(number)
            flush()
            continue
        if _HTML_TAG.search(line):
            tagged.append(number)
        if not line.strip() or _MD_RULE.match(line):
            flush()
            continue
        heading = _MD_HEADING.match(line)
        if heading or line_per_paragraph or _STARTS_BLOCK.match(_MD_QUOTE.sub("", line)) or (
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


def _blank_lines(match: re.Match[str]) -> str:
    """What is cut out of a text, as the line breaks it held: the lines after keep their numbers."""
    return "\n" * match.group().count("\n")


def _table_lines(lines: list[str]) -> set[int]:
    """The (1-based) numbers of the lines of Markdown tables: a row of cells, its |---| rule, the rows after."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if index and _MD_TABLE_RULE.match(line) and "|" in lines[index - 1]:
            found.update((index, index + 1))
            after = index + 1
            while after < len(lines) and "|" in lines[after] and lines[after].strip():
                after += 1
                found.add(after)
    return found


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
    heading = _MD_HEADING.match(lines[0])
    if heading:
        outline = len(heading.group(1)) - 1  # "#" is the title
        lines = [heading.group(2)]
    lines = [_MD_BULLET.sub("", _MD_QUOTE.sub("", line)).rstrip("\\") for line in lines]
    text = _html_text(join_lines(lines))
    text = _MD_LINK.sub(r"\1", text)
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
    parser.feed(_AUTOLINK.sub(r"\1", text))  # <https://…> is a link written out, not a tag
    parser.close()
    return "".join(parser.parts)


# --- Word ---------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_TEXT_RUNS = (
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)"
    " and not(ancestor::w:fldSimple[contains(@w:instr, 'PAGE')])]"
)


def read_docx(raw: RawFile) -> tuple[list[SourcePara], list[str]]:
    """The body paragraphs of a Word document, in order; tables and text boxes are noted, not read."""
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
    except Exception:
        if os.environ.get("DRAFT_DEBUG"):
            raise
        raise refuse(
            raw.path,
            "文件中有 draft 读不懂的内容。请在 Word 或 WPS 中打开原文件，另存为新的 .docx 后再导入；"
            "仍然不行的话，可以把正文复制到记事本，保存为 .txt 后导入。",
        ) from None


class _DocxReader:
    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        from docx.enum.style import WD_STYLE_TYPE
        from docx.text.run import Run

        self.document = document
        self.Run = Run
        self.numbering = _Numbering(document)
        self._style_cache: dict[str, tuple[str, int | None, bool, tuple[str, str] | None]] = {}
        self._paragraph_type, self._character_type = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
        self._styles: dict[tuple[str | None, object], object] = {}

    def _style_by_id(self, style_id: str | None, kind: object):  # type: ignore[no-untyped-def]
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
        for element in self._body_elements(self.document.element.body):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "tbl":
                notes.append(f"第{number}段之后有一个表格，表格内容没有导入，请在表单中另行补充。")
                continue
            number += 1
            para = self._paragraph(Paragraph(element, self.document), number)
            if para.text:
                paras.append(para)
        return paras, notes

    def _body_elements(self, parent):  # type: ignore[no-untyped-def]
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag in ("p", "tbl"):
                yield child
            elif tag == "sdt":  # a content control wrapping paragraphs
                for content in child.iterchildren(f"{{{_W}}}sdtContent"):
                    yield from self._body_elements(content)

    def _paragraph(self, paragraph, number: int) -> SourcePara:  # type: ignore[no-untyped-def]
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

    def _style(self, paragraph):  # type: ignore[no-untyped-def]
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
    def _lead(runs, style_bold: bool, emphasised) -> str:  # type: ignore[no-untyped-def]
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

    def _centered(self, paragraph, p) -> bool:  # type: ignore[no-untyped-def]
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        try:
            alignment = paragraph.paragraph_format.alignment
            if alignment is None:
                style = self._style_by_id(p.style, self._paragraph_type)
                alignment = style.paragraph_format.alignment if style is not None else None
        except Exception:
            return False
        return alignment == WD_ALIGN_PARAGRAPH.CENTER

    def _emphasised(self, run) -> bool:  # type: ignore[no-untyped-def]
        if run.bold is not None:
            return bool(run.bold)
        try:
            style = self._style_by_id(run._r.style, self._character_type)
        except Exception:
            return False
        return _emphasising(style)


def _emphasising(style) -> bool:  # type: ignore[no-untyped-def]
    """Whether a character style makes a run stand out: a heading or strong style, or a bold one."""
    if style is None or style.name in (None, "Default Paragraph Font"):
        return False
    name = style.name or ""
    if re.search(r"(?i)heading|标题|strong|要点", name):
        return True
    return bool(style.font is not None and style.font.bold)


class _Numbering:
    """Word's automatic list numbering (一、（一）1. typed by Word, not by the author) as marker text."""

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

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.root = None
        try:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            self.root = document.part.part_related_by(RT.NUMBERING).element
        except Exception:
            self.root = None
        self.counters: dict[str, dict[int, int]] = {}

    def marker(self, p, style_num: tuple[str, str] | None) -> str:  # type: ignore[no-untyped-def]
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
        if not num.isdigit() or num == "0" or not level_text.isdigit():
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
        if fmt in ("bullet", "none") or text is None:
            return ""

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k)
            value = counters.get(k, lvl[0] if lvl else 1)
            formatter = self._FORMATS.get(lvl[1] if lvl else "decimal", self._FORMATS["decimal"])
            return formatter(value)

        return re.sub(r"%(\d)", number, text)

    def _levels(self, num: str) -> dict[int, tuple[int, str, str | None]]:
        abstract = _xpath(self.root, f"./w:num[@w:numId='{num}']/w:abstractNumId/@w:val")
        if not abstract or not abstract[0].isdigit():
            return {}
        overrides = {}
        for override in _xpath(self.root, f"./w:num[@w:numId='{num}']/w:lvlOverride"):
            level = override.get(f"{{{_W}}}ilvl")
            start = _xpath(override, "./w:startOverride/@w:val")
            if level and level.isdigit() and start and start[0].isdigit():
                overrides[int(level)] = int(start[0])
        levels: dict[int, tuple[int, str, str | None]] = {}
        for lvl in _xpath(self.root, f"./w:abstractNum[@w:abstractNumId='{abstract[0]}']/w:lvl"):
            level = lvl.get(f"{{{_W}}}ilvl")
            if not level or not level.isdigit():
                continue
            start = _xpath(lvl, "./w:start/@w:val")
            fmt = _xpath(lvl, "./w:numFmt/@w:val")
            text = _xpath(lvl, "./w:lvlText/@w:val")
            levels[int(level)] = (
                overrides.get(int(level), int(start[0]) if start and start[0].isdigit() else 1),
                fmt[0] if fmt else "decimal",
                text[0] if text else None,
            )
        return levels


def _xpath(element, path: str) -> list:  # type: ignore[no-untyped-def]
    """XPath with the w: prefix on any lxml element (python-docx's own elements bind it themselves)."""
    from lxml import etree

    return etree._Element.xpath(element, path, namespaces=_NS)


def _roman(n: int) -> str:
    result = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            result, n = result + letters, n - value
    return result
