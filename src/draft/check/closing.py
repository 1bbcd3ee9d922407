"""``closing-twice`` (error): a closing typed at the end of the body, and asked for again.

A form asks for the closing (``closing: true``, or its own words) and the build prints it
as a paragraph of its own after the body. Typed also at the end of the last paragraph
(``……。特此报告。``, as last year's report had it), it would print twice, one under the
other. Which one to keep is the user's choice, so draft does not drop either: the
finding points at the typed one. What a closing says is what ``draft import`` knows one
by (:data:`draft.text.closing.CLOSING`).
"""

from __future__ import annotations

from draft.check.context import Context, Finding
from draft.model.report import Node, Text
from draft.problems import Severity
from draft.text.closing import CLOSING

CODE = "closing-twice"

#: What ends a sentence, so that the one after it is the paragraph's last.
_SENTENCE_ENDS = "。！？!?；;"
#: A closing is a short sentence (特此报告。以上报告，请审阅。), not a paragraph that opens with 特此.
_LONGEST_CLOSING = 20


def check(ctx: Context) -> list[Finding]:
    report = ctx.report
    if not report.closing or not report.parts:
        return []
    last = _last_printed(report.parts[-1].node)
    typed = _typed_closing(last.raw) if last is not None else None
    if last is None or typed is None:
        return []
    start, closing = typed
    asked = "closing: true" if report.closing is True else "closing"
    return [
        ctx.finding(
            CODE,
            Severity.ERROR,
            last.path,
            f"正文最后一段的末尾写了结束语“{closing}”，表单又写了 {asked}，"
            "结束语会在正文之后另起一段再印一次，这样会印两次。",
            fix=f"删除这一段末尾的“{closing}”，结束语由 {asked} 单独印成一段",
            mark=ctx.at_raw(last, start),
        )
    ]


def _last_printed(node: Node) -> Text | None:
    """The text that prints last in ``node``: the closing follows it (its items, then points, then paragraphs)."""
    if node.items:
        return _last_printed(node.items[-1])
    if node.points:
        return node.points[-1]
    if node.paragraphs:
        return node.paragraphs[-1]
    return node.title


def _typed_closing(raw: str) -> tuple[int, str] | None:
    """Where the closing ``raw`` ends with starts, and the closing; None if it ends with none."""
    body = raw.rstrip()
    own_stop = len(body.rstrip(_SENTENCE_ENDS + "."))  # the closing's own 。, if it has one
    start = max(body.rfind(end, 0, own_stop) for end in _SENTENCE_ENDS) + 1
    while start < len(body) and body[start].isspace():
        start += 1
    sentence = body[start:]
    if not sentence or len(sentence) > _LONGEST_CLOSING or not CLOSING.match(sentence):
        return None
    return start, sentence
