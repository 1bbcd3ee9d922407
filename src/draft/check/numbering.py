"""``manual-numbering``: numbers typed by hand where the tool numbers (error: they would print twice).

Looked for at the start of a title, of a paragraph, of a point, and of each line
typed inside a paragraph (those lines are joined into one paragraph, so a list
typed line by line prints as ``……1.……2.……``), in the parts and in the attachments
(their items are numbered as a part's are; their titles, when there are several,
are numbered 1. 2. in the 附件说明). ``一是``/``二是`` count only at the start of a
point, which gets its own automatically; in a text paragraph they are prose. What
is a marker is :mod:`draft.text.markers`'s grammar, the importer's too: a number
that is part of the text is none (``2022年``, ``1名``, ``1.5万``, ``1、2月``,
``一、二级``), and a line the check flags is one an import of it would have numbered.
"""

from __future__ import annotations

from draft.check.context import Context, Finding, line_starts, part_of
from draft.model.report import Text, TextKind
from draft.problems import Severity
from draft.text.markers import ENUMERATOR, Marker, read_marker

CODE = "manual-numbering"
#: The field of the attachments: their items are numbered as a part's are, their titles in the 附件说明.
ATTACHMENTS = "attachments"


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for text in ctx.texts:
        if text.path == ("title",):  # the report's own title: never numbered
            found = _marker(text, 0)
            if found:
                message = f"报告标题开头手写了编号“{found.spelled}”，报告标题不编号，这样会把编号印在标题里。"
                findings.append(_finding(ctx, text, 0, found, message))
            continue
        attached = part_of(text) == ATTACHMENTS
        if not (ctx.in_part(text) or attached) or text.kind is TextKind.FIELD:
            continue
        found = _marker(text, 0)
        if found and _is_attachment_title(text):
            if len(ctx.report.frame.attachments) > 1:  # numbered 1. 2. in the 附件说明; one attachment has no number
                message = (
                    f"附件的标题开头手写了编号“{found.spelled}”。"
                    "几个附件时，附件说明里的序号（1. 2. ……）由程序自动加，这样会印成两个编号。"
                )
                findings.append(_finding(ctx, text, 0, found, message))
        elif found:
            findings.append(_finding(ctx, text, 0, found, _start_message(text, found, attached)))
        if text.kind in (TextKind.PARAGRAPH, TextKind.POINT):
            for start in line_starts(text):
                found = _marker(text, start)
                if found:
                    findings.append(_finding(ctx, text, start, found, _line_message(found)))
    return findings


def _marker(text: Text, start: int) -> Marker | None:
    """The marker typed at raw index ``start`` of ``text``: a point's own lead-in 一是 too, at its start."""
    return read_marker(text.raw, start, enumerator=text.kind is TextKind.POINT and start == 0)


def _finding(ctx: Context, text: Text, start: int, marker: Marker, message: str) -> Finding:
    return ctx.finding(
        CODE,
        Severity.ERROR,
        text.path,
        message,
        fix=f"删除{'这一行' if start else ''}开头的“{marker.spelled}”",
        mark=ctx.at_raw(text, start),
    )


def _is_attachment_title(text: Text) -> bool:
    return text.kind is TextKind.TITLE and len(text.path) == 3 and text.path[0] == ATTACHMENTS


def _start_message(text: Text, found: Marker, attached: bool) -> str:
    marker = found.spelled
    if text.kind is TextKind.TITLE and len(text.path) == 2:
        return f"部分的标题开头手写了编号“{marker}”。程序会自动在各部分标题前加“一、二、三、……”，这样会印成两个编号。"
    if text.kind is TextKind.TITLE and attached:
        return f"标题开头手写了编号“{marker}”。附件里条目的编号（一、（一）、1.……）由程序自动生成，这样会印成两个编号。"
    if text.kind is TextKind.TITLE:
        return f"标题开头手写了编号“{marker}”。条目的编号（（一）、1.、（1）……）由程序自动生成，这样会印成两个编号。"
    if text.kind is TextKind.POINT:
        if found.style == ENUMERATOR:
            return f"要点开头手写了“{marker}”。程序会自动在每个要点前加“一是、二是……”，这样会印成“一是{marker}……”。"
        return f"要点开头手写了编号“{marker}”。程序会自动在每个要点前加“一是、二是……”，这样会印成两个编号。"
    paragraph = f"第{text.number + 1}段" if text.number else "这一段"
    return (
        f"{paragraph}开头手写了编号“{marker}”。编号由程序生成：分条的内容请写成 items（下级条目，自动编号）"
        "或 points（要点，自动加“一是、二是”），正文里不要手写编号。"
    )


def _line_message(marker: Marker) -> str:
    return (
        f"这一行开头手写了编号“{marker.spelled}”。表单里不空行的几行会连成一段，编号会挤在段落中间。"
        "请把各条写成 points（要点）或 items（下级条目），由程序编号。"
    )
