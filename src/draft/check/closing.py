"""``closing-twice`` (error): a closing or a 落款 typed at the end of the body, and asked for again.

A form asks for the closing (``closing: true``, or its own words) and the build prints it
as a paragraph of its own after the body. Typed also at the end of the last paragraph
(``……。特此报告。``, as last year's report had it), it would print twice, one under the
other. Which one to keep is the user's choice, so draft does not drop either: the
finding points at the typed one. What a closing says is what ``draft import`` knows one
by (:data:`draft.text.closing.CLOSING`).

Last year's ending pasted in whole (特此报告。, then the unit's name and the date) prints twice
the same way: the build prints the 落款 itself when the form has ``date`` or ``signature``. Its
paragraphs are whole paragraphs to delete, which is what the finding then says; the
``paragraph-end`` hint leaves them alone (:func:`pasted_ending`), or it would offer to close
青山县司法局2027年1月15日 with a 。.
"""

from __future__ import annotations

from typing import NamedTuple

from draft.check.context import Context, Finding
from draft.model.report import Node, Report, Text
from draft.problems import Severity
from draft.text.closing import CLOSING
from draft.text.dates import parse_date

CODE = "closing-twice"

#: What ends a sentence, so that the one after it is the paragraph's last.
_SENTENCE_ENDS = "。！？!?；;"
#: A closing is a short sentence (特此报告。以上报告，请审阅。), not a paragraph that opens with 特此.
_LONGEST_CLOSING = 20
#: How many paragraphs a typed 落款 takes: the unit's name and the date, on one line or two.
_SIGNATURE_PARAGRAPHS = 2


class TypedEnding(NamedTuple):
    """What the end of the body repeats of what the build prints after it."""

    closing: tuple[Text, int, str] | None  # the text, where in its raw the closing starts, the closing
    signature: list[Text]  # the paragraphs of a typed 落款, in print order: typed again if the build prints one
    signature_printed: bool  # the form has ``date`` or ``signature``: the build prints the 落款 after the closing

    @property
    def signature_again(self) -> list[Text]:
        """The typed 落款 if the build prints one too."""
        return self.signature if self.signature_printed else []

    @property
    def paragraphs_again(self) -> list[Text]:
        """The whole paragraphs that the build prints again after the body: a closing of its own, a 落款."""
        closing = [self.closing[0]] if self.closing is not None and self.closing[1] == 0 else []
        return closing + self.signature_again


def check(ctx: Context) -> list[Finding]:
    ending = _typed_ending(ctx.report)
    if ending is None or not (ending.closing or ending.signature_again):
        return []
    if not ending.signature_again and ending.closing is not None and ending.closing[1] > 0:
        return [_closing_at_the_end(ctx, *ending.closing, where="落款上面那一段" if ending.signature else "正文最后一段")]
    return [_ending_typed(ctx, ending)]


def pasted_ending(report: Report) -> list[Text]:
    """The whole paragraphs at the end of the body that are a closing or a 落款, printed again or not: none takes a 。."""
    ending = _typed_ending(report)
    return [] if ending is None else ending.paragraphs_again + ([] if ending.signature_printed else ending.signature)


def _asked(report: Report) -> str:
    return "closing: true" if report.closing is True else "closing"


def _closing_at_the_end(ctx: Context, last: Text, start: int, closing: str, where: str) -> Finding:
    asked = _asked(ctx.report)
    return ctx.finding(
        CODE,
        Severity.ERROR,
        last.path,
        f"{where}的末尾写了结束语“{closing}”，表单又写了 {asked}，"
        "结束语会在正文之后另起一段再印一次，这样会印两次。",
        fix=f"删除这一段末尾的“{closing}”，结束语由 {asked} 单独印成一段",
        mark=ctx.at_raw(last, start),
    )


def _ending_typed(ctx: Context, ending: TypedEnding) -> Finding:
    """A closing paragraph and/or a 落款 typed last: the paragraphs to delete."""
    report = ctx.report
    what, asked, deleted = [], [], []
    if ending.closing is not None:
        _, start, closing = ending.closing
        what.append(f"结束语“{closing}”")
        asked.append(_asked(report))
        if start > 0:
            deleted.append(f"{'落款上面那一段' if ending.signature else '最后一段'}末尾的“{closing}”")
    if ending.signature_again:
        what.append(f"落款“{''.join(text.printed for text in ending.signature)}”")
        asked += [name for name, value in (("signature", report.signature), ("date", report.date)) if value]
    paragraphs = ending.paragraphs_again
    if paragraphs:
        count = "这一段" if len(paragraphs) == 1 else f"这{'两三四'[len(paragraphs) - 2]}段"
        where = "落款上面的" if ending.signature and not ending.signature_again else "正文最后"
        deleted.append(where + "、".join(f"“{text.printed}”" for text in paragraphs) + count)
    printed = "和".join(noun for noun, typed in (("结束语", ending.closing), ("落款", ending.signature_again)) if typed)
    first, raw_start = (ending.closing[0], ending.closing[1]) if ending.closing is not None else (ending.signature_again[0], 0)
    return ctx.finding(
        CODE,
        Severity.ERROR,
        first.path,
        f"正文最后写了{'和'.join(what)}，表单又写了 {' 和 '.join(asked)}，"
        f"生成时会在正文之后再印一次{printed}，这样会印两次。",
        fix=f"删除{'和'.join(deleted)}，{printed}由 {' 和 '.join(asked)} 印出",
        mark=ctx.at_raw(first, raw_start),
    )


def _typed_ending(report: Report) -> TypedEnding | None:
    """The closing the form also asks for and the 落款 typed last in the body; None if there is neither."""
    if not report.parts:
        return None
    texts = _printed_last(report.parts[-1].node)
    signature: list[Text] = []
    names = [text.printed for text in (report.signature, report.unit) if text]
    while texts and len(signature) < _SIGNATURE_PARAGRAPHS and _is_signature(texts[-1], names):
        signature.insert(0, texts.pop())
    closing = None
    if report.closing and texts and (typed := _typed_closing(texts[-1].raw)) is not None:
        closing = (texts[-1], *typed)
    return TypedEnding(closing, signature, bool(report.signature or report.date)) if closing or signature else None


def _printed_last(node: Node) -> list[Text]:
    """The texts of the node that prints last in ``node`` (its last item's, …), in print order: the closing follows them."""
    if node.items:
        return _printed_last(node.items[-1])
    body = node.paragraphs + node.points
    return body if body or node.title is None else [node.title]


def _is_signature(text: Text, names: list[str]) -> bool:
    """``text`` is a unit's name, a date, or the one then the other (青山县司法局2027年1月15日)."""
    rest = "".join(text.printed.split())
    named = next((name for name in sorted(names, key=len, reverse=True) if rest.startswith("".join(name.split()))), None)
    if named is not None:
        rest = rest[len("".join(named.split())) :]
    rest = rest.rstrip("。.")
    return bool(named or rest) and (not rest or parse_date(rest) is not None)

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
