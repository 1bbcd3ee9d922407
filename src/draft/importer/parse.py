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
from dataclasses import dataclass, field

from draft.importer import frame_lines, recognise
from draft.importer.compare import comparable
from draft.importer.marks import OWN_LINE_MAX, SENTENCE_END, Marker, match_marker, split_title
from draft.importer.model import MERGED_PART, NOTE, Imported, SourceLayout, note
from draft.importer.nodes import OpenNode, OpenPart, finish_node, optional_text
from draft.importer.part_kinds import classify, is_topic
from draft.importer.source import SourcePara
from draft.kinds import DEFAULT, Kind, by_id
from draft.kinds.kind import Tense
from draft.model.numbering import MarkerStyle, chinese_numeral, enumerator
from draft.model.report import FormPath, Frame, Layout, Node, Part, Report, Text, TitlePlacement
from draft.problems import Problem
from draft.text.closing import CLOSING
from draft.text.dates import parse_date, written_date
from draft.text.names import is_unit_name


class NotAReport(Exception):
    """The text has no parts (一、二、三、……) that the parser could find."""


@dataclass
class _Found:
    """What the parser found around the parts, before it is made into the report."""

    title: str | None = None
    title_lines: list[SourcePara] = field(default_factory=list)
    recipient: str | None = None
    intro: list[str] = field(default_factory=list)
    parts: list[OpenPart] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    closing: str | None = None
    signature: str | None = None
    date: datetime.date | None = None
    date_text: str = ""
    head_date: tuple[datetime.date, SourcePara] | None = None  # （2019年12月18日） under the title
    numbered_headings: list[SourcePara] = field(default_factory=list)  # see Imported
    unit_line: str = ""  # see Imported
    date_moved: bool = False  # the 成文日期 is the one under the title: the rebuilt report prints it at the end
    notes: list[Problem] = field(default_factory=list)
    frame: Frame = Frame()  # the 版头 and 版记 lines found (draft.importer.frame_lines)


class Parser:
    def __init__(self, paras: list[SourcePara], kind: Kind | None = None) -> None:
        self.paras = paras
        self.kind = kind or by_id(DEFAULT)
        self.found = _Found()
        self.dropped: set[SourcePara] = set()  # not in the rebuilt body

    def note(self, message: str, para: SourcePara | None = None, code: str = NOTE) -> None:
        self.found.notes.append(note(message, para, code))

    def drop(self, para: SourcePara, message: str | None = None) -> None:
        self.dropped.add(para)
        if message:
            self.note(message, para)

    def parse(self) -> Imported:
        paras = [p for p in self.paras if not recognise.PAGE_NUMBER.match(p.text)]
        skipped_numbers = len(self.paras) - len(paras)
        if skipped_numbers:
            self.note(f"忽略了 {skipped_numbers} 个页码。")
            self.dropped.update(p for p in self.paras if recognise.PAGE_NUMBER.match(p.text))
        heads = self._part_headings(paras)
        unnumbered = False
        if not heads:
            heads = self._unnumbered_headings(paras)
            unnumbered = bool(heads)
        if not heads:
            raise NotAReport
        head, rest = paras[: heads[0]], paras[heads[0] :]
        self._head(head)
        headings = {paras[i] for i in heads}
        body = self._tail(rest, headings)
        self._body(body, headings, unnumbered)
        return self._imported()

    def _imported(self) -> Imported:
        """The report model of what was found; a part's heading is its title (infer drops it where it is the template's)."""
        found = self.found
        layouts: dict[FormPath, SourceLayout] = {}
        parts = [
            Part(part.kind, finish_node(part.node, (part.kind,), _heading(part), layouts, self.note)) for part in found.parts
        ]
        for key in found.placeholders:
            request = [Text.plain(self.kind.part(key).placeholder_text)]
            parts.append(Part(key, Node(path=(key,), title=None, paragraphs=request, points=[], items=[], layout=Layout())))
            layouts[(key,)] = SourceLayout(MarkerStyle.CHINESE, None, None, None, False)
        report = Report(
            unit=Text.plain(""),  # and the year: inferred from the text (draft.importer.infer)
            year=0,
            parts=parts,
            title=optional_text(found.title),
            recipient=optional_text(found.recipient),
            intro=[Text.plain(text) for text in found.intro],
            closing=optional_text(found.closing) or False,
            signature=optional_text(found.signature),
            date=found.date,
            frame=found.frame,
            kind=self.kind.id,
        )
        return Imported(
            report=report,
            source_layouts=layouts,
            expected=[p for p in self.paras if p not in self.dropped and p not in found.title_lines],
            notes=found.notes,
            title_lines=found.title_lines,
            source_title=found.title,
            source_closing=found.closing,
            date_text=found.date_text,
            date_moved=found.date_moved,
            numbered_headings=found.numbered_headings,
            unit_line=found.unit_line,
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
        """Part headings without 一、: a Word/Markdown level-1 heading, else a short line standing alone that
        names a part by its words (主要工作情况：, 存在的问题); one is enough in the opening of a report."""
        declared = [i for i, p in enumerate(paras) if p.outline == 1 and len(p.text) <= OWN_LINE_MAX]
        if declared:
            return declared
        found = []
        for i, p in enumerate(paras[:-1]):  # a heading has a paragraph after it
            text = unnumbered_heading(p.text)
            if len(text) <= 35 and not any(m in text for m in "。；;，,：:") and not match_marker(text) and classify(text, self.kind):
                if i == 0 and recognise.TITLE_WORDS.search(text) and "报告" in text:
                    continue  # the title
                found.append(i)
        kinds = {classify(unnumbered_heading(paras[i].text), self.kind) for i in found}
        return found if len(found) == 1 or len(kinds) >= 2 else []

    def _head(self, head: list[SourcePara]) -> None:
        """Before the first part: web-page lines, the title (one or more lines), the recipient, the intro."""
        found = self.found
        index = 0
        title_lines: list[SourcePara] = []
        texts: list[str] = []  # the title each line holds (a page's <title> without the site's name)
        while index < len(head):
            para = head[index]
            head_line = frame_lines.number_line(para.text)
            joint = None if title_lines or found.frame.issuers else frame_lines.joint_mark([p.text for p in head[index:]])
            if joint:
                names, taken = joint
                found.frame = found.frame._replace(issuers=tuple(map(Text.plain, names)))
                for line in head[index : index + taken]:
                    self.drop(line)
                index += taken
                continue
            title = "".join(texts)
            if recognise.is_meta(para):
                self.drop(para, "这一行像是网页信息（发布时间、来源等），没有导入。")
            elif recognise.is_chrome(para) or (not title_lines and parse_date(para.text)):
                # A date alone above the title is the page's (the day it was saved, or published), never the report's year.
                self.drop(para, "这一行像是网页的页头（网站名称、当天日期、无障碍等），没有导入。")
            elif head_line:
                self._number_line(para, head_line)
            elif title_lines and (date := recognise.bracketed_date(para.text)):
                found.head_date = (date, para)  # the 成文日期, if the end of the report has none (see _tail)
                self.drop(para)
            elif recognise.MASTHEAD.match(para.text) and not title_lines:
                found.frame = found.frame._replace(issuers=(*found.frame.issuers, Text.plain(para.text.strip())))
                self.drop(para)
            elif recognise.TITLE_END.search(title) and _is_unit_line(para.text):
                found.unit_line = found.unit_line or para.text.strip()
                self.drop(para, "标题下面的单位名称没有导入（单位名称写在表单的 unit，落款处印出）。")
            elif (text := recognise.title_text(para)) is not None and len(title_lines) < 4:
                repeated = _repeats(text, title) if title_lines else None
                if repeated is None and len(title) >= _WHOLE_TITLE and recognise.TITLE_END.search(title):
                    # The title is whole (……2025年法治政府建设年度报告): what follows is not more of it. A word or two
                    # alone there is the page's menu, one item a line (首页, 政务公开 …).
                    if len(text) > _MENU_ITEM:
                        break
                    self.drop(para, "这一行像是网页的页头（网站名称、当天日期、无障碍等），没有导入。")
                    index += 1
                    continue
                if repeated is None:
                    title_lines.append(para)
                    texts.append(text)
                elif repeated:  # the fuller title comes second (the site's <title>, then the page's heading)
                    for line in title_lines:
                        self.drop(line)
                    self.note("标题重复出现，只保留一次。", para)
                    title_lines[:], texts[:] = [para], [text]
                else:
                    self._title_repeated(title_lines, texts, text)
                    self.drop(para, "标题重复出现，只保留一次。")
            else:
                break
            index += 1
        remaining = head[index:]
        if title_lines:
            joined = "".join(text.replace("\n", "") for text in texts)
            declared = any(line.outline == 0 or line.centered or "\n" in line.text for line in title_lines)
            if declared or recognise.TITLE_WORDS.search(joined):
                found.title, found.title_lines = joined, title_lines
                if len(title_lines) > 1:
                    self.note(f"标题分在 {len(title_lines)} 行，已连成一行：“{joined}”。", title_lines[0])
            else:  # short lines, but not a title: they open the intro
                start = head.index(title_lines[0])
                remaining = [p for p in head[start:] if p not in self.dropped]
        for para in remaining:
            if found.recipient is None and not found.intro and recognise.is_recipient(para.text):
                found.recipient = para.text.rstrip(":：").strip()
            else:
                found.intro.append(para.text)
                if match_marker(para.text):
                    self.note("开头部分有带编号的段落，已作为开头段落原样保留。", para)

    def _title_repeated(self, title_lines: list[SourcePara], texts: list[str], text: str) -> None:
        """A page repeats the report's title (its <title>, its heading): lines taken for the title before the
        first copy were the page's own (a channel's name, 工作报告), and are dropped."""
        for first in range(1, len(texts)):
            if comparable("".join(texts[first:])) == comparable(text):
                for line in title_lines[:first]:
                    self.drop(line, "这一行像是网页的栏目名称，不是标题，没有导入。")
                del title_lines[:first], texts[:first]
                return

    # -- after the last part ------------------------------------------------------------

    def _tail(self, rest: list[SourcePara], heads: set[SourcePara]) -> list[SourcePara]:
        """Take the closing, 落款 and date (and anything after them) off the end; the body is what remains."""
        found = self.found
        last_heading = max(i for i, p in enumerate(rest) if p in heads)
        end = len(rest)
        # The 成文日期 is the first line after the last heading that is a date and nothing else;
        # what follows it (附注, 附件, 抄送) is not part of the report's body.
        date_at = next((i for i in range(last_heading + 2, len(rest)) if parse_date(rest[i].text)), None)
        if date_at is None and found.head_date:
            (found.date, date_para), found.date_moved = found.head_date, True
            found.date_text = date_para.text.strip()[1:-1]
            self.note("标题下面括号里的日期作为成文日期（date），重建后印在文末落款处。", date_para)
        if date_at is None:
            for i in range(last_heading + 1, len(rest)):
                if recognise.ATTACHMENT.match(rest[i].text) and len(rest[i].text) <= 60:
                    for para in rest[i:]:
                        self.drop(para)
                    self.note(f"从这里起的 {len(rest) - i} 段是附件，没有导入；需要时请另行处理。", rest[i])
                    end = i
                    break
        else:
            after = [para for para in rest[date_at + 1 :] if not self._imprint_line(para)]
            if after:
                for para in after:
                    self.drop(para)
                self.note(f"成文日期之后的 {len(after)} 段（附件、附注等）没有导入。", after[0])
            end = date_at
            date_para = rest[date_at]
            if found.head_date:
                self.note("标题下面括号里的日期没有导入（表单的成文日期 date 取文末的日期）。", found.head_date[1])
            date = parse_date(date_para.text)
            found.date, found.date_text = date, date_para.text
            written = written_date(date)  # type: ignore[arg-type]
            if comparable(date_para.text) != written:
                self.note(f"成文日期写法将统一为“{written}”。", date_para)
        # 附件说明 and 附注 between the body and the 落款
        end = self._attachment_note(rest, end, last_heading)
        while end > last_heading + 1 and (
            (recognise.ATTACHMENT.match(rest[end - 1].text) and len(rest[end - 1].text) <= 60)
            or recognise.BACK_MATTER.match(rest[end - 1].text)
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
            if looks_signed and (found.date is not None or is_unit_name(candidate.replace(" ", ""))):
                found.signature = candidate
                end -= 1
            elif found.date is not None and not found.date_moved:
                self.note("成文日期上方没有找到落款单位；重建时会在日期上方写上单位名称。", rest[end])
        end = self._attachment_note(rest, end, last_heading)  # GB/T 9704 puts it above the 落款
        if end > last_heading + 1:
            candidate = rest[end - 1].text
            if len(candidate) <= 30 and CLOSING.match(candidate):
                found.closing = candidate
                end -= 1
        return rest[:end]

    def _attachment_note(self, rest: list[SourcePara], end: int, last_heading: int) -> int:
        """Drop a 附件说明 listing several attachments (“附件：1. 名称”, “2. 名称”) ending before ``end``; the new end.

        The attachments themselves, after the 成文日期, are not imported (see :meth:`_tail`).
        """
        listed = end
        while listed > last_heading + 2 and recognise.ATTACHMENT_ITEM.match(rest[listed - 1].text):
            listed -= 1
        if not recognise.ATTACHMENT.match(rest[listed - 1].text):
            return end
        for para in rest[listed - 1 : end]:
            self.drop(para)
        self.note("附件说明没有导入；附件请写在表单的 attachments 里。", rest[listed - 1])
        return listed - 1

    def _number_line(self, para: SourcePara, line: frame_lines.NumberLine) -> None:
        """A line of the 版头: its 发文字号 (written right, with a note if it was not) and 签发人 go to the frame."""
        frame = self.found.frame
        if line.number:
            frame = frame._replace(doc_number=Text.plain(line.number.right))
            if line.number.slips:
                self.note(f"发文字号写法已改正为“{line.number.right}”（{'；'.join(line.number.slips)}）。", para)
        self.found.frame = frame._replace(signers=(*frame.signers, *map(Text.plain, line.signers)))
        self.drop(para)

    def _imprint_line(self, para: SourcePara) -> bool:
        """A 抄送 or 印发 line of the 版记, taken into the frame; False for any other line."""
        frame = self.found.frame
        names = frame_lines.copy_to(para.text)
        printed = frame_lines.imprint(para.text) if names is None else None
        if names is not None:
            self.found.frame = frame._replace(cc=tuple(map(Text.plain, names)))
        elif printed is not None:
            self.found.frame = frame._replace(printed_by=Text.plain(printed[0]), printed_date=printed[1])
        else:
            return False
        self.drop(para)
        return True

    # -- the parts ------------------------------------------------------------------------

    def _body(self, body: list[SourcePara], heads: set[SourcePara], unnumbered: bool) -> None:
        found = self.found
        stack: list[OpenNode] = []
        part_numbers: list[int] = []
        for para in body:
            marker = match_marker(para.text)
            if para in heads:
                if marker is not None and marker.style is MarkerStyle.CHINESE:
                    heading = para.text[marker.end :].strip()
                    part_numbers.append(marker.number)
                    if not marker.spelled.endswith("、"):
                        self.note(f"部分标题的编号写作“{marker.spelled}”，重建后统一为“一、”的写法。", para)
                else:
                    heading = unnumbered_heading(para.text)
                    self.note("这个部分的标题没有“一、”这样的编号，重建后会加上。", para)
                    found.numbered_headings.append(para)
                node = OpenNode(source=para, style=MarkerStyle.CHINESE, number=marker.number if marker else 0)
                # A heading running into its paragraph (一、强化思想引领。坚持……): the title is what names the part.
                title, after, placement = split_title(para, heading)
                if title and after and placement is TitlePlacement.RUN_IN:
                    heading, node.placement = title, placement
                    node.content.append(SourcePara(after, para.number, para.unit))
                elif any(mark in heading[:-1] for mark in SENTENCE_END) and len(heading) > OWN_LINE_MAX:
                    self.note("部分标题很长、含有句号，已整段作为标题；请核对是否应把后半部分移到正文（text）。", para)
                node.title = heading
                found.parts.append(OpenPart(kind="", heading=heading, node=node, source=para, paras=[para]))
                stack = [node]
                continue
            found.parts[-1].paras.append(para)
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
        self._assign_kinds()

    # -- each part's kind ------------------------------------------------------------------

    def _assign_kinds(self) -> None:
        """Give each part its kind: the format's, by its number, or guessed from its heading's words.

        A kind whose format prescribes its parts (the 政府信息公开 report, with its tables) takes the
        part numbered n as its n-th, heading and all; the others' parts are judged by their headings'
        words (:mod:`draft.importer.part_kinds`), and a required part the source lacks is left for the
        user to fill. A form has no room for more parts than its kind has: the later ones are merged.
        """
        if not self.kind.fixed_order:
            self.found.parts = self._topics_grouped(self.found.parts)
        self._merge_extra_parts()
        if self.kind.fixed_order:
            self._prescribed_kinds()
        else:
            self._guessed_kinds()
        self._run_in_headings_held()

    def _run_in_headings_held(self) -> None:
        """A part whose heading runs into its paragraph (二、存在的不足。一是……) is held as its one item,
        printed as a part (layout ``items_as_parts``), so that its title runs in as published."""
        tables = {spec.key for spec in self.kind.parts if spec.table is not None}
        self.found.parts = [
            _as_items([part], part.heading, part.kind) if part.node.placement and part.kind not in tables else part
            for part in self.found.parts
        ]

    def _topics_grouped(self, parts: list[OpenPart]) -> list[OpenPart]:
        """``parts`` with the topics of work made one part whose items print as parts.

        A part whose heading names none of the kind's parts (强化思想引领, 深化依法行政) is a topic of
        work, as is one that names a part only by a word in passing (:func:`~draft.importer.part_kinds.is_topic`).
        Two or more, and no heading outside them naming the work done (主要举措和成效): the report
        is organised by topics (七 topics, then 八、next year's plans), and the parts from the first topic
        to the last before the plans are the items of the part on the work done, printed in its place
        as published (layout ``items_as_parts``); a topic whose words happen to name a part
        (法治宣传取得新成效) is among them.
        """
        kinds = [classify(part.heading, self.kind) for part in parts]
        topical = [is_topic(part.heading, self.kind) for part in parts]
        plans = [i for i, kind in enumerate(kinds) if kind and not topical[i] and self.kind.part(kind).tense is Tense.COMING]
        topics = [i for i, topic in enumerate(topical) if topic and (not plans or i < max(plans))]
        span = range(topics[0], topics[-1] + 1) if len(topics) >= 2 else range(0)
        if self._work_done() in (kind for i, kind in enumerate(kinds) if i not in span):
            span = range(0)
        if span:
            self.note(
                f"这 {len(span)} 个部分的标题各讲一项工作，不是报告的固定部分：已作为“{self.kind.labels[self._work_done()]}”的条目，"
                "按原文排成“一、二、……”（layout 的 items_as_parts），请核对。",
                parts[span.start].source,
            )
        if not span:
            return parts
        return [*parts[: span.start], _as_items(parts[span.start : span.stop], heading=""), *parts[span.stop :]]

    def _work_done(self) -> str:
        """The kind's part on the work done in the year reported (主要举措和成效): topics of work are its items."""
        return self.kind.parts_in(Tense.PAST)[0].key

    def _merge_extra_parts(self) -> None:
        """The parts after the kind's last go into that last, verbatim, so that nothing is lost and the
        parts before keep their numbers."""
        found, most = self.found, len(self.kind.parts)
        if len(found.parts) <= most:
            return
        keep, extra = found.parts[:most], found.parts[most:]
        target = keep[-1].node
        while target.items:
            target = target.items[-1]
        for part in extra:
            target.content.extend(part.paras)
            self.note(
                f"部分超过{chinese_numeral(most)}个，表单放不下：这一部分已原样并入上一部分的末尾（编号按原文写在正文里），请核对。",
                part.source,
                MERGED_PART,
            )
        found.parts = keep

    def _prescribed_kinds(self) -> None:
        """A kind whose format prescribes its parts: the part numbered n is the kind's n-th; a table's part holds no text."""
        parts = self.kind.parts
        for index, part in enumerate(self.found.parts):
            number = part.node.number if 1 <= part.node.number <= len(parts) else index + 1
            spec = parts[number - 1]
            part.kind = spec.key
            if spec.table is not None and part.heading != spec.label:
                # A table's part is the format's, heading and all: the source's slip ("行政法复议") is not kept.
                self.note(f"这一部分的标题与格式不同，按格式写为“{spec.label}”。", part.source)
                part.source.text = part.source.text.replace(part.heading, spec.label)
                part.heading = spec.label
            if spec.table is not None and (part.node.content or part.node.items):
                for para in part.paras[1:]:
                    self.drop(para)
                self.note(f"“{spec.label}”是表格，表格以外的文字没有导入。", part.source)
                part.node.content, part.node.items = [], []

    def _guessed_kinds(self) -> None:
        """Each part's kind by its heading's words; a part named twice, or not at all, takes a free kind."""
        found, labels = self.found, self.kind.labels
        used: set[str] = set()
        guesses = [classify(part.heading, self.kind) if part.heading else self._work_done() for part in found.parts]
        for part, guess in zip(found.parts, guesses, strict=True):
            if guess and guess not in used:
                part.kind = guess
                used.add(guess)
        # A part nobody named goes where a form most expects one: the catch-all part, then the required ones.
        free_order = sorted(self.kind.parts, key=lambda spec: (not spec.catch_all, not spec.required))
        for part, guess in zip(found.parts, guesses, strict=True):
            if part.kind:
                continue
            part.kind = next(spec.key for spec in free_order if spec.key not in used)
            used.add(part.kind)
            put = f"{part.kind}（{labels[part.kind]}）下，标题保持原文。"
            if guess:
                self.note(f"前面已有一个“{labels[guess]}”部分，这一部分放在 {put}", part.source)
            else:
                self.note(f"没有认出这一部分属于哪一类，已放在 {put}", part.source)
        for spec in self.kind.parts:
            if spec.required and spec.key not in used:
                found.placeholders.append(spec.key)
                self.note(f"原文中没有找到“{spec.label}”部分，表单里留了待填写的占位文字（{spec.key}）。")

    def _item(self, stack: list[OpenNode], para: SourcePara, marker: Marker) -> None:
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].child_style is marker.style), None)
        if depth is None:
            depth = len(stack) - 1
            stack[depth].child_style = marker.style
        chain = stack[: depth + 1]
        parent = chain[-1]
        rest = para.text[marker.end :].strip()
        title, after, placement = split_title(para, rest)
        item = OpenNode(source=para, style=marker.style, number=marker.number, title=title, placement=placement)
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
    def _first_number(chain: list[OpenNode]) -> int:
        """The number the build gives the first child of ``chain[-1]`` (continue_numbering counts on from cousins)."""
        if len(chain) < 2 or not chain[-2].continue_numbering:
            return 1
        grand, parent = chain[-2], chain[-1]
        return 1 + sum(len(s.items) for s in grand.items[: grand.items.index(parent)])


#: How some number a part outside the grammar of markers: 第一部分　主要工作情况.
_PART_ORDINAL = re.compile(r"^第[一二三四五六七八九十]+部分\s*[：:、.．]?\s*")


def unnumbered_heading(text: str) -> str:
    """A heading without a 一、, as the part's title: 第一部分 before it and the colon some write after it
    (主要工作情况：) go."""
    return _PART_ORDINAL.sub("", text.strip()).rstrip(":：").rstrip()


#: A title at least this long that ends as titles end (报告, 总结) is whole: a channel's name (工作报告) is shorter.
_WHOLE_TITLE = 10
#: A line after a whole title no longer than this is an item of the page's menu.
_MENU_ITEM = 6


def _repeats(text: str, title: str) -> bool | None:
    """Whether a line before the body repeats the title found so far: True when it is the fuller of the two,
    False when the title holds it already, None when it is more of the title (its second line)."""
    line, whole = comparable(text), comparable(title)
    if line in whole:
        return False
    return True if whole in line and "报告" in line else None


def _is_unit_line(text: str) -> bool:
    """Whether a line under a whole title is a unit's name alone: who wrote it, as pages repeat it."""
    return is_unit_name(comparable(text))


def _heading(part: OpenPart) -> Text | None:
    """A part's title: its heading; none for a part whose items print as parts (it prints no heading)."""
    return None if part.node.items_as_parts else Text.plain(part.heading)


def _as_items(parts: list[OpenPart], heading: str, kind: str = "") -> OpenPart:
    """One part whose items are ``parts``, printed as parts in its place (layout ``items_as_parts``); ``heading``
    names its kind ("" for topics of work), ``kind`` is it once known."""
    first = parts[0]
    node = OpenNode(
        source=first.source,
        style=MarkerStyle.CHINESE,
        number=first.node.number,
        items=[part.node for part in parts],
        child_style=MarkerStyle.CHINESE,
        items_as_parts=True,
    )
    for part in parts:
        part.node.placement = part.node.placement or TitlePlacement.OWN_LINE
    return OpenPart(kind=kind, heading=heading, node=node, source=first.source, paras=[para for part in parts for para in part.paras])
