"""Give each part of an imported report its kind: the format's, by its number, or guessed from its heading.

A kind whose format prescribes its parts (the 政府信息公开 report, with its tables) takes the
part numbered n as its n-th, heading and all; the others' parts are judged by their headings'
words (:mod:`draft.importer.part_kinds`), and a required part the source lacks is left for the user to fill.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from draft.importer.model import MERGED_PART
from draft.importer.part_kinds import KIND_NAMES, REQUIRED, classify
from draft.model.numbering import chinese_numeral

if TYPE_CHECKING:
    from draft.importer.parse import Parser


def assign_kinds(parser: Parser) -> None:
    """Set the kind of each of ``parser``'s parts, merging the parts a form has no room for."""
    if parser.kind.fixed_order:
        _prescribed_kinds(parser)
        return
    _merge_extra_parts(parser, len(KIND_NAMES))
    _guessed_kinds(parser)


def _merge_extra_parts(parser: Parser, most: int) -> None:
    report = parser.report
    if len(report.parts) > most:
        # A form has five parts at most: the later ones go into the fifth, verbatim, so that
        # nothing is lost and the parts before keep their numbers.
        keep, extra = report.parts[: len(KIND_NAMES)], report.parts[len(KIND_NAMES) :]
        target = keep[-1].node
        while target.items:
            target = target.items[-1]
        for part in extra:
            target.content.extend(parser.ranges[id(part.node)])
            parser.note(f"部分超过{chinese_numeral(most)}个，表单放不下：这一部分已原样并入上一部分的末尾（编号按原文写在正文里），请核对。",
                        part.source, MERGED_PART)
        report.parts = keep


def _prescribed_kinds(parser: Parser) -> None:
    """A kind whose format prescribes its parts: the part numbered n is the kind's n-th; a table's part holds no text."""
    parts = parser.kind.parts
    _merge_extra_parts(parser, len(parts))
    for index, part in enumerate(parser.report.parts):
        number = part.node.number if 1 <= part.node.number <= len(parts) else index + 1
        spec = parts[number - 1]
        part.kind = spec.key
        if spec.table is not None and part.heading != spec.label:
            # A table's part is the format's, heading and all: the source's slip ("行政法复议") is not kept.
            parser.note(f"这一部分的标题与格式不同，按格式写为“{spec.label}”。", part.source)
            part.source.text = part.source.text.replace(part.heading, spec.label)
            part.heading = spec.label
        if spec.table is not None and (part.node.content or part.node.items):
            for para in parser.ranges[id(part.node)][1:]:
                parser.drop(para)
            parser.note(f"“{spec.label}”是表格，表格以外的文字没有导入。", part.source)
            part.node.content, part.node.items = [], []


def _guessed_kinds(parser: Parser) -> None:
    report = parser.report
    used: set[str] = set()
    guesses = [classify(part.heading) for part in report.parts]
    for part, guess in zip(report.parts, guesses, strict=True):
        if guess and guess not in used:
            part.kind = guess
            used.add(guess)
    for part, guess in zip(report.parts, guesses, strict=True):
        if part.kind:
            continue
        free = [k for k in ("others", *REQUIRED, "responsibility") if k not in used]
        part.kind = free[0]
        used.add(part.kind)
        if guess:
            parser.note(
                f"前面已有一个“{KIND_NAMES[guess]}”部分，这一部分放在 {part.kind}（{KIND_NAMES[part.kind]}）下，标题保持原文。",
                part.source,
            )
        else:
            parser.note(
                f"没有认出这一部分属于哪一类，已放在 {part.kind}（{KIND_NAMES[part.kind]}）下，标题保持原文。",
                part.source,
            )
    for kind in REQUIRED:
        if kind not in {part.kind for part in report.parts}:
            report.placeholders.append(kind)
            parser.note(f"原文中没有找到“{KIND_NAMES[kind]}”部分，表单里留了待填写的占位文字（{kind}）。")
