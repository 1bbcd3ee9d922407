"""The one parser: source paragraphs → the report's structure (title, intro, parts, items, points, 落款).

It reads a report the way a secretary does: headings by their numbers (一、（一）1.（1）),
a part's kind by its wording, a run-in title by the first full stop, 一是……二是…… as
points. Wherever the form cannot say what the source did (points between two
paragraphs of text, a points paragraph punctuated differently from what the build
writes), the source paragraphs are kept verbatim as text, so that the rebuilt report
still reads exactly like the original; every such decision is noted.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from draft.importer.model import Imported, Note, SourceLayout, snippet
from draft.importer.readers import SourcePara
from draft.model.numbering import MarkerStyle, chinese_numeral, enumerator
from draft.model.report import FormPath, Layout, Node, Part, PointPlacement, Report, Text, TitlePlacement
from draft.render.blocks import join_points
from draft.text.names import CHINESE_DATE, UNIT_NAME, YEAR
from draft.text.punctuation import normalize_punctuation


class NotAReport(Exception):
    """The text has no parts (一、二、三、……) that the parser could find."""


def comparable(text: str) -> str:
    """NFKC with whitespace removed: how the round trip compares paragraphs."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def same_when_built(built: str, source: str) -> bool:
    """Whether ``built`` is ``source`` as the build writes it (it makes punctuation among Chinese full-width)."""
    return comparable(built) == comparable(source) or comparable(normalize_punctuation(built)) == comparable(
        normalize_punctuation(source)
    )


# --- Markers --------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_CN_VALUES = {chinese_numeral(n): n for n in range(1, 100)}
#: Full-width digits and brackets read as half-width ones, one character for one.
_HALF = str.maketrans("０１２３４５６７８９（）．", "0123456789().")
_MARKERS = (
    (MarkerStyle.CHINESE_PAREN, re.compile(rf"\(\s*([{_CN}]{{1,3}})\s*\)\s*")),
    (MarkerStyle.ARABIC_PAREN, re.compile(r"\(\s*(\d{1,2})\s*\)\s*")),
    (MarkerStyle.CHINESE, re.compile(rf"([{_CN}]{{1,3}})\s*[、.]\s*")),
    # 1. but not the decimal 1.5; 1.2022年 is an item opening with a year.
    (MarkerStyle.ARABIC_DOT, re.compile(r"(\d{1,2})\s*\.(?:\s+|(?=\d{4}年)|(?![\d%]))")),
    (MarkerStyle.ARABIC_COMMA, re.compile(r"(\d{1,2})\s*、\s*")),
)


@dataclass(frozen=True)
class Marker:
    style: MarkerStyle
    number: int
    end: int  # where the text after the marker begins
    spelled: str  # the marker as the source wrote it


def match_marker(text: str) -> Marker | None:
    probe = text[:12].translate(_HALF)
    for style, pattern in _MARKERS:
        found = pattern.match(probe)
        if not found:
            continue
        digits = found.group(1)
        number = int(digits) if digits.isdigit() else _CN_VALUES.get(digits, 0)
        if not 1 <= number <= 99 or found.end() >= len(text):
            continue
        return Marker(style, number, found.end(), text[: found.end()].strip())
    return None


# --- Points: 一是……；二是……。 ----------------------------------------------------------

_POINT_SEPARATORS = "；;。！？!?"


def split_points(text: str, first: int = 1) -> list[str] | None:
    """The points of a paragraph that opens with the ``first``-th lead-in (一是), or None.

    A next lead-in counts only after ；/;/。 (so 统一是 or ，二是 stay inside a point).
    The lead-ins and the ；separators go: :func:`draft.render.blocks.join_points` writes them.
    """
    lead = enumerator(first)
    if not text.startswith(lead):
        return None
    pieces: list[str] = []
    position, n = len(lead), first
    while True:
        following = enumerator(n + 1)
        found = -1
        search = position
        while True:
            k = text.find(following, search)
            if k < 0:
                break
            if text[:k].rstrip().endswith(tuple(_POINT_SEPARATORS)):
                found = k
                break
            search = k + 1
        if found < 0:
            pieces.append(text[position:])
            break
        pieces.append(text[position:found])
        position, n = found + len(following), n + 1
    points = []
    for piece in pieces:
        piece = piece.strip()
        if piece.endswith(("；", ";")):
            piece = piece[:-1].rstrip()
        points.append(piece)
    return points if all(points) else None


def points_render_as(points: list[str], placement: PointPlacement, source: list[str]) -> bool:
    """Whether the build writes ``points`` exactly as the ``source`` paragraphs (punctuation normalized)."""
    rendered = join_points([normalize_punctuation(p) for p in points], placement)
    return len(rendered) == len(source) and all(same_when_built(r, s) for r, s in zip(rendered, source, strict=True))


# --- Titles of items: own line or run in --------------------------------------------

#: A heading on its own line is at most this long (characters after the marker).
OWN_LINE_MAX = 60
#: A title run into its paragraph is at most this long.
RUN_IN_MAX = 40
_SENTENCE_END = "。！？!?"
_TITLE_END = "。！？：!?:"


def _is_stop(text: str, index: int, marks: str) -> bool:
    """Whether ``text[index]`` ends a sentence (or a run-in title): one of ``marks``, or a . among Chinese."""
    char = text[index]
    if char in marks:
        return True
    if char != ".":
        return False
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return not before.isascii() and (not after or not after.isascii() or after == " ")


def _has_stop(text: str, marks: str = _SENTENCE_END) -> bool:
    return any(_is_stop(text, i, marks) for i in range(len(text)))
_OPENERS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’", "【": "】", "〔": "〕"}


def _first_stop(text: str) -> int:
    """Index of the first 。！？： outside quotes and brackets, or -1."""
    closing: list[str] = []
    for index, char in enumerate(text):
        if closing and char == closing[-1]:
            closing.pop()
        elif char in _OPENERS:
            closing.append(_OPENERS[char])
        elif not closing and _is_stop(text, index, _TITLE_END):
            return index
    return -1


def _run_in_fits(title: str, rest: str, whole: str) -> bool:
    """Whether marker-less ``whole`` is what the build writes for a run-in ``title`` and its text ``rest``."""
    title = normalize_punctuation(title)
    shown = title if title.endswith(tuple("。！？；：…")) else title + "。"
    return same_when_built(shown + rest, whole)


def split_title(para: SourcePara, rest: str) -> tuple[str | None, str | None, TitlePlacement]:
    """An item's (title, text after it, placement) from the text after its marker."""
    if para.outline is not None and para.outline > 0:
        return rest, None, TitlePlacement.OWN_LINE
    lead = para.lead
    marker = match_marker(lead) if lead else None
    if lead and marker:
        lead = lead[marker.end :]
    lead = lead.strip()
    if lead and rest.startswith(lead) and len(lead) < len(rest):
        title, after = lead, rest[len(lead) :].strip()
        candidate = title[:-1] if title.endswith(("。", ".")) else title
        if candidate and after and _run_in_fits(candidate, after, rest):
            return candidate, after, TitlePlacement.RUN_IN
    inner = rest[:-1]
    if len(rest) <= OWN_LINE_MAX and not _has_stop(inner, _TITLE_END if rest.endswith(tuple(_SENTENCE_END)) else _SENTENCE_END):
        return rest, None, TitlePlacement.OWN_LINE
    stop = _first_stop(rest)
    if 0 < stop < RUN_IN_MAX and stop + 1 < len(rest):
        title, after = rest[: stop + 1], rest[stop + 1 :].strip()
        candidate = title[:-1] if title.endswith(("。", ".")) else title
        if after and _run_in_fits(candidate, after, rest):
            return candidate, after, TitlePlacement.RUN_IN
    return None, rest, TitlePlacement.RUN_IN


# --- Parts: which of the standard parts a heading names ------------------------------

_FIRST = (
    ("responsibility", re.compile(r"第一责任人|主要负责人(?:履行|履职)|党政主要负责人|履行推进法治建设")),
    ("others", re.compile(r"^其[他它]")),
)
_STRONG = (
    ("shortcomings", re.compile(r"不足|问题|差距|短板")),
    ("measures", re.compile(r"举措|成效|完成情况|主要做法|工作情况|开展情况|推进情况|落实情况|基本情况|主要工作")),
    ("plans", re.compile(r"下一步|安排|计划|打算|思路|展望|明年|下一年|下年度|今后")),
    ("others", re.compile(r"其[他它]")),
)
_WEAK = (
    ("shortcomings", re.compile(r"薄弱|困难|欠缺|不够|原因")),
    ("measures", re.compile(r"措施|做法|成绩|成果|进展|亮点|取得|情况")),
    ("plans", re.compile(r"重点|目标|任务")),
)
_KIND_NAMES = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "responsibility": "第一责任人职责情况",
    "plans": "下一年度的主要安排",
    "others": "其他需要报告的情况",
}
_REQUIRED = ("measures", "shortcomings", "plans")
#: What a required part the source lacks holds in the form: a request to fill it in.
PLACEHOLDER_TEXT = {
    "measures": "（原文没有这一部分，请填写本年度推进法治政府建设的主要举措和成效）",
    "shortcomings": "（原文没有这一部分，请填写存在的不足和原因）",
    "plans": "（原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）",
}


def classify(heading: str) -> str | None:
    """The part a heading names: 第一责任人 and 其他 first; else the earliest strong word, else the earliest weak one."""
    for kind, pattern in _FIRST:
        if pattern.search(heading):
            return kind
    for table in (_STRONG, _WEAK):
        found = [(m.start(), kind) for kind, pattern in table if (m := pattern.search(heading))]
        if found:
            return min(found)[1]
    return None


# --- The parts around the body: title, recipient, intro; closing, 落款, date ----------

_DATE_OTHER = re.compile(
    r"^\s*(?:(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})|([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)\s*$"
)
_PAGE_NUMBER = re.compile(r"^(?:[-—–－~〜\s]*\d{1,3}[-—–－~〜\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_META = re.compile(
    r"^[【\[]?\s*(?:发布时间|发布日期|发布机构|发文机关|发文日期|发文字号|时间|日期|来源|信息来源|作者|编辑|责任编辑|浏览次数|"
    r"访问量|点击数|阅读数|阅读次数|字号|字体|索引号|主题分类|体裁分类|公开方式|公开范围|公开日期|有效性|当前位置|您的位置|您当前的位置)"
    r"\s*[:：]"
    r"|^[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|分享到|分享|扫一扫|收藏|返回顶部)"
    r"|[>＞»]\s*\S+\s*[>＞»]"
)
_MASTHEAD = re.compile(r"^\S{2,30}文件$")
_DOC_NUMBER = re.compile(r"^\S{1,12}[〔\[［【(（]\s*20\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
_CLOSING = re.compile(r"^(?:特此报告|专此报告|以上报告|特此|妥否|以上[,，]?请|请审阅|请予审阅)")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*(?:[:：].*)?$")
_BACK_MATTER = re.compile(r"^(?:[（(]此件|抄送|抄报|印发|联系人|（联系人|\(联系人|附注)")
_TITLE_WORDS = re.compile(r"报告|情况|总结|法治|依法行政|工作")


def _is_meta(para: SourcePara) -> bool:
    return len(para.text) <= 120 and bool(_META.search(para.text))


def _is_title_line(para: SourcePara) -> bool:
    text = para.text
    if para.outline == 0 or "\n" in text:
        return True
    if len(text) > 40 or match_marker(text) or text.startswith(enumerator(1)) or _parse_date(text.strip("（）()"))[0]:
        return False
    if not re.search("[\u4e00-\u9fff]", text):
        return False
    return not any(mark in text for mark in "。；;！？!?") and not text.endswith((":", "：", "，", ","))


def _is_recipient(text: str) -> bool:
    return len(text) <= 40 and text.endswith((":", "：")) and "如下" not in text and not YEAR.match(text)


def _parse_date(text: str) -> tuple[datetime.date | None, bool]:
    """(date, written as the build writes it) for a 成文日期 line; (None, False) if it is not one."""
    match = CHINESE_DATE.match(text)
    exact = bool(match)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        other = _DATE_OTHER.match(text)
        if not other:
            return None, False
        if other.group(1):
            year, month, day = int(other.group(1)), int(other.group(2)), int(other.group(3))
        else:
            digits = str.maketrans("〇零一二三四五六七八九", "00123456789")
            year = int(other.group(4).translate(digits))
            month, day = _CN_VALUES.get(other.group(5), 0), _CN_VALUES.get(other.group(6), 0)
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None, False
    return date, exact and comparable(text) == f"{date.year}年{date.month}月{date.day}日"


# --- The parser -------------------------------------------------------------------------


@dataclass
class _OpenNode:
    """A part or an item while the parser still adds to it: its source, and how the source laid it out."""

    source: SourcePara
    style: MarkerStyle  # the marker form of this node (一、 for a part)
    number: int = 0  # the number the source gave it
    title: str | None = None
    placement: TitlePlacement | None = None  # how the source placed the title (items only)
    content: list[SourcePara] = field(default_factory=list)  # own paragraphs in source order
    items: list[_OpenNode] = field(default_factory=list)
    child_style: MarkerStyle | None = None
    continue_numbering: bool = False


@dataclass
class _OpenPart:
    kind: str
    heading: str
    node: _OpenNode
    source: SourcePara


@dataclass
class _Found:
    """What the parser found around the parts, before it is made into the report."""

    title: str | None = None
    title_lines: list[SourcePara] = field(default_factory=list)
    recipient: str | None = None
    intro: list[str] = field(default_factory=list)
    parts: list[_OpenPart] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    closing: str | None = None
    signature: str | None = None
    date: datetime.date | None = None
    date_text: str = ""
    notes: list[Note] = field(default_factory=list)


class Parser:
    def __init__(self, paras: list[SourcePara]) -> None:
        self.paras = paras
        self.report = _Found()
        self.dropped: set[int] = set()  # ids of paragraphs not in the rebuilt body
        self.ranges: dict[int, list[SourcePara]] = {}  # id(part node) → the part's source paragraphs

    def note(self, message: str, para: SourcePara | None = None) -> None:
        self.report.notes.append(Note(message, para.where if para else "", snippet(para.text) if para else ""))

    def drop(self, para: SourcePara, message: str | None = None) -> None:
        self.dropped.add(id(para))
        if message:
            self.note(message, para)

    def parse(self) -> Imported:
        paras = [p for p in self.paras if not _PAGE_NUMBER.match(p.text)]
        skipped_numbers = len(self.paras) - len(paras)
        if skipped_numbers:
            self.note(f"忽略了 {skipped_numbers} 个页码。")
            self.dropped.update(id(p) for p in self.paras if _PAGE_NUMBER.match(p.text))
        heads = self._part_headings(paras)
        unnumbered = False
        if not heads:
            heads = self._unnumbered_headings(paras)
            unnumbered = bool(heads)
        if not heads:
            raise NotAReport
        head, rest = paras[: heads[0]], paras[heads[0] :]
        self._head(head)
        body = self._tail(rest, {id(paras[i]) for i in heads})
        self._body(body, {id(paras[i]) for i in heads}, unnumbered)
        return self._imported()

    def _imported(self) -> Imported:
        """The report model of what was found; a part's heading is its title (infer drops it where it is the template's)."""
        found = self.report
        layouts: dict[FormPath, SourceLayout] = {}
        parts = [Part(part.kind, self._finish(part.node, (part.kind,), Text.plain(part.heading), layouts)) for part in found.parts]
        for kind in found.placeholders:
            request = [Text.plain(PLACEHOLDER_TEXT[kind])]
            parts.append(Part(kind, Node(path=(kind,), title=None, paragraphs=request, points=[], items=[], layout=Layout())))
            layouts[(kind,)] = SourceLayout(MarkerStyle.CHINESE, None, None, None, False)
        report = Report(
            unit=Text.plain(""),  # and the year: inferred from the text (draft.importer.infer)
            year=0,
            parts=parts,
            title=_text(found.title),
            recipient=_text(found.recipient),
            intro=[Text.plain(text) for text in found.intro],
            closing=_text(found.closing) or False,
            signature=_text(found.signature),
            date=found.date,
        )
        title = {id(line) for line in found.title_lines}
        return Imported(
            report=report,
            source_layouts=layouts,
            expected=[p for p in self.paras if id(p) not in self.dropped and id(p) not in title],
            notes=found.notes,
            title_lines=found.title_lines,
            source_title=found.title,
            source_closing=found.closing,
            date_text=found.date_text,
            placeholders=found.placeholders,
        )

    def _part_headings(self, paras: list[SourcePara]) -> list[int]:
        """Paragraphs opening with 一、二、…; a run that starts again at 一、 inside a part is a list in its text."""
        heads: list[int] = []
        last = 0
        for i, para in enumerate(paras):
            marker = match_marker(para.text)
            if marker is None or marker.style is not MarkerStyle.CHINESE:
                continue
            if heads and marker.number <= last:
                self.note("这里的“一、二、……”在某一部分之内重新开始编号，已作为正文原样保留。", para)
                continue
            heads.append(i)
            last = marker.number
        return heads

    # -- before the first part --------------------------------------------------------

    def _unnumbered_headings(self, paras: list[SourcePara]) -> list[int]:
        """Part headings without 一、: a Word/Markdown level-1 heading, else a short line naming a part."""
        declared = [i for i, p in enumerate(paras) if p.outline == 1 and len(p.text) <= OWN_LINE_MAX]
        if declared:
            return declared
        found = []
        for i, p in enumerate(paras):
            text = p.text
            if len(text) <= 35 and not any(m in text for m in "。；;，,：:") and not match_marker(text) and classify(text):
                if i == 0 and _TITLE_WORDS.search(text) and "报告" in text:
                    continue  # the title
                found.append(i)
        kinds = {classify(paras[i].text) for i in found}
        return found if len(found) >= 2 and len(kinds) >= 2 else []

    def _head(self, head: list[SourcePara]) -> None:
        """Before the first part: web-page lines, the title (one or more lines), the recipient, the intro."""
        report = self.report
        index = 0
        title_lines: list[SourcePara] = []
        while index < len(head):
            para = head[index]
            if _is_meta(para):
                self.drop(para, "这一行像是网页信息（发布时间、来源等），没有导入。")
            elif _DOC_NUMBER.match(para.text):
                self.drop(para, "这一行像是发文字号，表单没有这一项，没有导入。")
            elif title_lines and _parse_date(para.text.strip().strip("（）()"))[0] and para.text.strip()[:1] in "（(":
                self.drop(para, "标题下面括号里的日期没有导入（表单的成文日期 date 写在文末）。")
            elif _MASTHEAD.match(para.text) and not title_lines:
                self.drop(para, "这一行像是公文的版头（××文件），表单没有这一项，没有导入。")
            elif _is_title_line(para) and len(title_lines) < 4:
                if title_lines and comparable(para.text) == comparable(title_lines[-1].text):
                    self.drop(para, "标题重复出现，只保留一次。")
                else:
                    title_lines.append(para)
            else:
                break
            index += 1
        remaining = head[index:]
        if title_lines:
            joined = "".join(line.text.replace("\n", "") for line in title_lines)
            declared = any(line.outline == 0 or line.centered or "\n" in line.text for line in title_lines)
            if declared or _TITLE_WORDS.search(joined):
                report.title, report.title_lines = joined, title_lines
                if len(title_lines) > 1:
                    self.note(f"标题分在 {len(title_lines)} 行，已连成一行：“{joined}”。", title_lines[0])
            else:  # short lines, but not a title: they open the intro
                start = head.index(title_lines[0])
                remaining = [p for p in head[start:] if id(p) not in self.dropped]
        for para in remaining:
            if report.recipient is None and not report.intro and _is_recipient(para.text):
                report.recipient = para.text.rstrip(":：").strip()
            else:
                report.intro.append(para.text)
                if match_marker(para.text):
                    self.note("开头部分有带编号的段落，已作为开头段落原样保留。", para)

    # -- after the last part ------------------------------------------------------------

    def _tail(self, rest: list[SourcePara], heads: set[int]) -> list[SourcePara]:
        """Take the closing, 落款 and date (and anything after them) off the end; the body is what remains."""
        report = self.report
        last_heading = max(i for i, p in enumerate(rest) if id(p) in heads)
        end = len(rest)
        # The 成文日期 is the first line after the last heading that is a date and nothing else;
        # what follows it (附注, 附件, 抄送) is not part of the report's body.
        date_at = next((i for i in range(last_heading + 2, len(rest)) if _parse_date(rest[i].text)[0]), None)
        if date_at is None:
            for i in range(last_heading + 1, len(rest)):
                if _ATTACHMENT.match(rest[i].text) and len(rest[i].text) <= 60:
                    for para in rest[i:]:
                        self.drop(para)
                    self.note(f"从这里起的 {len(rest) - i} 段是附件，没有导入；需要时请另行处理。", rest[i])
                    end = i
                    break
        else:
            after = rest[date_at + 1 :]
            if after:
                for para in after:
                    self.drop(para)
                self.note(f"成文日期之后的 {len(after)} 段（附件、附注、抄送等）没有导入。", after[0])
            end = date_at
            date_para = rest[date_at]
            date, exact = _parse_date(date_para.text)
            report.date, report.date_text = date, date_para.text
            if not exact:
                self.note(f"成文日期写法将统一为“{date.year}年{date.month}月{date.day}日”。", date_para)  # type: ignore[union-attr]
        # 附件说明 and 附注 between the body and the 落款
        while end > last_heading + 1 and (
            (_ATTACHMENT.match(rest[end - 1].text) and len(rest[end - 1].text) <= 60) or _BACK_MATTER.match(rest[end - 1].text)
        ):
            self.drop(rest[end - 1], "附件说明或附注，表单没有这一项，没有导入。")
            end -= 1
        if end > last_heading + 1:
            candidate = rest[end - 1].text
            looks_signed = (
                len(candidate) <= 40
                and not any(m in candidate for m in "。，,；;：:！？!?、")
                and not match_marker(candidate)
                and not candidate.startswith(enumerator(1))
            )
            if looks_signed and (report.date is not None or UNIT_NAME.match(candidate.replace(" ", ""))):
                report.signature = candidate
                end -= 1
            elif report.date is not None:
                self.note("成文日期上方没有找到落款单位；重建时会在日期上方写上单位名称。", rest[end])
        if end > last_heading + 1:
            candidate = rest[end - 1].text
            if len(candidate) <= 30 and _CLOSING.match(candidate):
                report.closing = candidate
                end -= 1
        return rest[:end]

    # -- the parts ------------------------------------------------------------------------

    def _body(self, body: list[SourcePara], heads: set[int], unnumbered: bool) -> None:
        report = self.report
        stack: list[_OpenNode] = []
        part_numbers: list[int] = []
        for para in body:
            marker = match_marker(para.text)
            if id(para) in heads:
                if marker is not None and marker.style is MarkerStyle.CHINESE:
                    heading = para.text[marker.end :].strip()
                    part_numbers.append(marker.number)
                    if not marker.spelled.endswith("、"):
                        self.note(f"部分标题的编号写作“{marker.spelled}”，重建后统一为“一、”的写法。", para)
                else:
                    heading = para.text
                    self.note("这个部分的标题没有“一、”这样的编号，重建后会加上。", para)
                if any(mark in heading[:-1] for mark in _SENTENCE_END) and len(heading) > OWN_LINE_MAX:
                    self.note("部分标题很长、含有句号，已整段作为标题；请核对是否应把后半部分移到正文（text）。", para)
                node = _OpenNode(source=para, style=MarkerStyle.CHINESE, number=marker.number if marker else 0)
                report.parts.append(_OpenPart(kind="", heading=heading, node=node, source=para))
                self.ranges[id(node)] = [para]
                stack = [node]
                continue
            self.ranges[id(stack[0])].append(para)
            if marker is None or marker.style is MarkerStyle.CHINESE:
                stack[-1].content.append(para)
                continue
            self._item(stack, para, marker)
        if not unnumbered:
            for expected, number in enumerate(part_numbers, 1):
                if number != expected:
                    self.note(
                        f"部分的编号不连续（第 {expected} 个部分编为“{chinese_numeral(number)}、”），重建后按顺序重新编号。"
                    )
                    break
        self._kinds()

    def _item(self, stack: list[_OpenNode], para: SourcePara, marker: Marker) -> None:
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].child_style is marker.style), None)
        if depth is None:
            depth = len(stack) - 1
            stack[depth].child_style = marker.style
        chain = stack[: depth + 1]
        parent = chain[-1]
        rest = para.text[marker.end :].strip()
        title, after, placement = split_title(para, rest)
        item = _OpenNode(source=para, style=marker.style, number=marker.number, title=title, placement=placement)
        if after:
            item.content.append(SourcePara(after, para.number, para.unit))
        if not parent.items and marker.number != 1 and len(chain) >= 2:
            grand = chain[-2]
            before = sum(len(s.items) for s in grand.items[: grand.items.index(parent)])
            if before and marker.number == before + 1:
                grand.continue_numbering = True
        expected = self._first_number(chain) + len(parent.items)
        if marker.number != expected:
            self.note(f"编号“{marker.spelled}”与前后不连续（按顺序应为 {expected}），重建后按顺序重新编号。", para)
        parent.items.append(item)
        del stack[depth + 1 :]
        stack.append(item)

    @staticmethod
    def _first_number(chain: list[_OpenNode]) -> int:
        """The number the build gives the first child of ``chain[-1]`` (continue_numbering counts on from cousins)."""
        if len(chain) < 2 or not chain[-2].continue_numbering:
            return 1
        grand, parent = chain[-2], chain[-1]
        return 1 + sum(len(s.items) for s in grand.items[: grand.items.index(parent)])

    def _kinds(self) -> None:
        report = self.report
        if len(report.parts) > len(_KIND_NAMES):
            # A form has five parts at most: the later ones go into the fifth, verbatim, so that
            # nothing is lost and the parts before keep their numbers.
            keep, extra = report.parts[: len(_KIND_NAMES)], report.parts[len(_KIND_NAMES) :]
            target = keep[-1].node
            while target.items:
                target = target.items[-1]
            for part in extra:
                target.content.extend(self.ranges[id(part.node)])
                self.note("部分超过五个，表单放不下：这一部分已原样并入上一部分的末尾（编号按原文写在正文里），请核对。", part.source)
            report.parts = keep
        used: set[str] = set()
        guesses = [classify(part.heading) for part in report.parts]
        for part, guess in zip(report.parts, guesses, strict=True):
            if guess and guess not in used:
                part.kind = guess
                used.add(guess)
        for part, guess in zip(report.parts, guesses, strict=True):
            if part.kind:
                continue
            free = [k for k in ("others", *_REQUIRED, "responsibility") if k not in used]
            part.kind = free[0]
            used.add(part.kind)
            if guess:
                self.note(
                    f"前面已有一个“{_KIND_NAMES[guess]}”部分，这一部分放在 {part.kind}（{_KIND_NAMES[part.kind]}）下，标题保持原文。",
                    part.source,
                )
            else:
                self.note(
                    f"没有认出这一部分属于哪一类，已放在 {part.kind}（{_KIND_NAMES[part.kind]}）下，标题保持原文。",
                    part.source,
                )
        for kind in _REQUIRED:
            if kind not in {part.kind for part in report.parts}:
                report.placeholders.append(kind)
                self.note(f"原文中没有找到“{_KIND_NAMES[kind]}”部分，表单里留了待填写的占位文字（{kind}）。")

    # -- finishing a node: text, points, verbatim fall-backs ---------------------------

    def _finish(self, node: _OpenNode, path: FormPath, title: Text | None, layouts: dict[FormPath, SourceLayout]) -> Node:
        """The model of ``node`` at ``path``: its content made text and points, the source's layout recorded."""
        segments: list[tuple[str, list[SourcePara], list[str], PointPlacement | None]] = []
        content = node.content
        i = 0
        while i < len(content):
            para = content[i]
            first = split_points(para.text)
            if first is None:
                segments.append(("text", [para], [], None))
                i += 1
                continue
            group, points = [para], list(first)
            j = i + 1
            while j < len(content) and content[j].text.startswith(enumerator(len(points) + 1)):
                more = split_points(content[j].text, len(points) + 1)
                if more is None:
                    break
                group.append(content[j])
                points += more
                j += 1
            i = j
            if len(group) == 1:
                placement = PointPlacement.INLINE if len(points) > 1 else None
            elif len(points) == len(group):
                placement = PointPlacement.PARAGRAPHS
            else:
                self.note("“一是、二是”有的连成一段、有的单独成段，已按原文保留为正文。", para)
                segments.append(("verbatim", group, [], None))
                continue
            if not points_render_as(points, placement or PointPlacement.INLINE, [p.text for p in group]):
                self.note(
                    "这组“一是、二是”的标点与程序生成的写法不同（如分号、句号的位置），已按原文保留为正文。", para
                )
                segments.append(("verbatim", group, [], None))
                continue
            segments.append(("points", group, points, placement))
        kinds = [s[0] for s in segments]
        point_groups = kinds.count("points")
        if point_groups and (point_groups > 1 or kinds[-1] != "points"):
            where = next(s[1][0] for s in segments if s[0] == "points")
            self.note("“一是、二是”后面还有正文（或有多组），表单中要点总在正文之后，已按原文保留为正文。", where)
            segments = [("verbatim", s[1], [], None) if s[0] == "points" else s for s in segments]
        text: list[str] = []
        found_points: list[str] = []
        points_placement: PointPlacement | None = None
        for kind, group, points, placement in segments:
            if kind == "points":
                found_points, points_placement = points, placement
            else:
                text += [p.text for p in group]
        layouts[path] = SourceLayout(node.style, node.placement, points_placement, node.child_style, node.continue_numbering)
        return Node(
            path=path,
            title=title,
            paragraphs=[Text.plain(paragraph) for paragraph in text],
            points=[Text.plain(point) for point in found_points],
            items=[
                self._finish(item, (*path, "items", i), _text(item.title), layouts) for i, item in enumerate(node.items)
            ],
            layout=Layout(),
        )


def _text(text: str | None) -> Text | None:
    return None if text is None else Text.plain(text)
