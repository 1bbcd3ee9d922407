"""The one writer of forms: the imported report model → the text of a YAML form an office worker can read and edit.

Keys come in the order of the built-in form (templates/report/form.yaml); text is
written as it was (the build normalizes punctuation), in literal blocks (``|``)
where it runs to several paragraphs, and as plain scalars wherever YAML reads them
back unchanged; everything else is double-quoted.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from typing import Protocol

import yaml

from draft.form.unfinished import UNIT_PLACEHOLDER
from draft.kinds import DEFAULT, Kind, all_kinds, find
from draft.kinds.figures_yaml import figures_yaml
from draft.model.figures import Number
from draft.model.report import FormPath, Frame, Layout, Node, Part, Report, Text
from draft.problems import Problem
from draft.text.names import YEAR


class Imported(Protocol):
    """What a form is written from: the report, and what its reader found out about it (an import's
    :class:`draft.importer.model.Imported` is one): said here so that the writer needs no reader."""

    @property
    def report(self) -> Report: ...
    @property
    def notes(self) -> Sequence[Problem]: ...  # where the reader was unsure: listed in the header (note_line)
    @property
    def unit_from(self) -> str: ...  # where the unit's name was found; "" when it was not
    @property
    def unit_hint(self) -> str: ...  # the short name standing for the unit, if that is all there was
    @property
    def year_from(self) -> str: ...
    @property
    def placeholders(self) -> Sequence[str]: ...  # the parts the source lacks, filled with a request
    @property
    def date_rejected(self) -> bool: ...  # the date cannot be taken: written commented out
    @property
    def figures(self) -> Mapping[FormPath, Number]: ...
    @property
    def published_totals(self) -> Mapping[FormPath, Number]: ...  # totals the source printed that do not add up


def note_line(note: Problem) -> str:
    """A note as the form's header (and the import's summary) lists it: ``第9行（“四、……”）：说明``."""
    return f"{note.place}：{note.message}" if note.place else note.message


_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")


def scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar: plain when YAML reads it back unchanged, else double-quoted."""
    plain = (
        text
        and text == text.strip()
        and not text.startswith(_INDICATORS)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and "\n" not in text
    )
    if plain:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def block(key: str, paragraphs: list[str], indent: str) -> list[str]:
    """``key: text`` for one short paragraph, else a literal block with a blank line between paragraphs."""
    if len(paragraphs) == 1 and len(paragraphs[0]) <= 60:
        return [f"{indent}{key}: {scalar(paragraphs[0])}"]
    if any(p != p.strip() or "\n" in p for p in paragraphs):  # cannot happen after the readers; be safe
        return [f"{indent}{key}: {scalar(chr(10) + chr(10) + chr(10).join(paragraphs))}"]
    lines = [f"{indent}{key}: |"]
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        lines.append(f"{indent}  {paragraph}")
    return lines


def emit(imported: Imported, source_name: str, now: datetime.datetime) -> str:
    """The form's text: a header of notes, then the report's fields in the order of the built-in form."""
    report = imported.report
    lines = [
        f"# 由 draft import 从 {source_name} 生成于 {now:%Y-%m-%d %H:%M}；请核对后再生成",
        "#",
        "# 这是去年报告的内容：请把各部分改写为本年度的情况，改好后运行  draft validate  检查，再运行  draft build  生成。",
        "# 编号（一、（一）1.（1））和“一是、二是”由程序生成；year 改了以后，没有写出的标题会自动用新的年份，",
        "# 写出来的标题（title）里如有年份，请自己改。",
    ]
    if imported.notes:
        lines += ["#", "# 导入时不能确定、需要您核对的地方："]
        lines += [f"#   · {note_line(note)}" for note in imported.notes]
    lines.append("")
    kind = find(report.kind) or all_kinds()[DEFAULT]
    if kind.id != DEFAULT:
        lines += [f"# 报告种类：{kind.name}", f"kind: {kind.id}", ""]
    unit = report.unit.printed
    if not imported.unit_from:
        lines += ["# 单位名称：原文中没有写出，请把下面的占位文字改为单位全称（标题和落款都用它）", f"unit: {UNIT_PLACEHOLDER}"]
    elif unit == imported.unit_hint:
        lines += ["# 单位名称：原文只有简称，请改为单位全称（标题和落款都用它）", f"unit: {scalar(unit)}"]
    else:
        lines += ["# 单位名称", f"unit: {scalar(unit)}"]
    year_note = f"  # 取自{imported.year_from}" if imported.year_from else "  # 原文中没有找到年度，请核对"
    lines += ["", "# 报告年度", f"year: {report.year}{year_note}"]
    if report.title:
        title = report.title.printed
        lines += ["", "# 报告标题（原文的写法）" + ("；标题里的年份不会随 year 改变，请自己改" if YEAR.search(title) else "")]
        lines.append(f"title: {scalar(title)}")
    if report.recipient:
        lines += ["", "# 主送机关", f"recipient: {scalar(report.recipient.printed)}"]
    if report.layout != Layout():
        lines += ["", "# 全文的排版选项：按原文的编号和写法，生成的报告与原文一致"]
        lines += _layout(report.layout, "")
    if report.intro:
        lines += ["", "# 开头段落"]
        lines += block("intro", [text.printed for text in report.intro], "")
    if kind.fixed_order:
        lines += _prescribed_parts(imported, kind)
    for part in [] if kind.fixed_order else report.parts:
        placeholder = part.kind in imported.placeholders
        lines += ["", f"# {kind.labels[part.kind]}" + ("（原文没有这一部分，请填写）" if placeholder else ""), f"{part.kind}:"]
        lines += _part_body(part)
    if isinstance(report.closing, Text):
        lines += ["", "# 结束语", f"closing: {scalar(report.closing.printed)}"]
    elif report.closing:
        lines += ["", "# 结束语", "closing: true"]
    if report.signature:
        lines += ["", "# 落款单位", f"signature: {scalar(report.signature.printed)}"]
    if report.date:
        lines += ["", "# 成文日期"]
        prefix = "# " if imported.date_rejected else ""
        lines.append(f"{prefix}date: {report.date.isoformat()}")
    lines += _frame(report.frame)
    return "\n".join(lines) + "\n"


def _frame(frame: Frame) -> list[str]:
    """The 版头 and 版记 found in the source, as the form's frame fields (nothing when there were none)."""
    lines = _names("issuer_mark", "发文机关标志", frame.issuers)
    if frame.doc_number:
        lines += ["", "# 发文字号（原文的；请改为本年度的字号）", f"doc_number: {scalar(frame.doc_number.printed)}"]
    lines += _names("signers", "签发人", frame.signers) + _names("cc", "抄送机关", frame.cc)
    if frame.printed_by:
        lines += ["", "# 印发机关", f"printed_by: {scalar(frame.printed_by.printed)}"]
    if frame.printed_date:
        lines += ["", "# 印发日期（原文的；请改为本年度的日期）", f"printed_date: {frame.printed_date.isoformat()}"]
    return lines


def _names(key: str, label: str, texts: tuple[Text, ...]) -> list[str]:
    """``key: 名称``, or a list of several; nothing for none."""
    if len(texts) == 1:
        return ["", f"# {label}", f"{key}: {scalar(texts[0].printed)}"]
    return ["", f"# {label}", f"{key}:", *(f"  - {scalar(text.printed)}" for text in texts)] if texts else []


def _part_body(part: Part) -> list[str]:
    """A part's title (where the source's differs from the template's) and its body."""
    lines = []
    title = part.node.title
    if title is not None:
        if YEAR.search(title.printed):
            lines.append("  # 原文的标题；其中的年份不会随 year 改变，请自己改")
        lines.append(f"  title: {scalar(title.printed)}")
    return lines + _node_body(part.node, "  ")


def _prescribed_parts(imported: Imported, kind: Kind) -> list[str]:
    """Every part of a kind whose format prescribes them, in its order: text as the source wrote it, figures by name."""
    found = {part.kind: part for part in imported.report.parts}
    groups = {group.key: group for group in kind.figure_groups}
    lines: list[str] = []
    for spec in kind.parts:
        lines += ["", f"# {spec.label}"]
        if spec.table is not None:
            lines += figures_yaml(groups[spec.key], imported.figures, printed=imported.published_totals)
        elif spec.key in found:
            lines += [f"{spec.key}:", *_part_body(found[spec.key])]
        else:
            lines += [f"{spec.key}:", f"  text: {spec.placeholder_text}"]
    return lines


def layout_options(layout: Layout) -> dict[str, str | bool]:
    """The options a layout sets, as a form writes them."""
    options: dict[str, str | bool] = {}
    if layout.numbering:
        options["numbering"] = layout.numbering.value
    if layout.title:
        options["title"] = layout.title.value
    if layout.points:
        options["points"] = layout.points.value
    if layout.continue_numbering:
        options["continue_numbering"] = True
    if layout.items_as_parts:
        options["items_as_parts"] = True
    return options


def _layout(layout: Layout, indent: str) -> list[str]:
    lines = [f"{indent}layout:"]
    for key, value in layout_options(layout).items():
        shown = "true" if value is True else scalar(str(value))
        lines.append(f"{indent}  {key}: {shown}")
    return lines


def _node_body(node: Node, indent: str) -> list[str]:
    """The fields of a node after its title: layout, text, points, items."""
    lines: list[str] = []
    if node.layout != Layout():
        lines += _layout(node.layout, indent)
    if node.paragraphs:
        lines += block("text", [text.printed for text in node.paragraphs], indent)
    if node.points:
        lines.append(f"{indent}points:")
        lines += [f"{indent}  - {scalar(point.printed)}" for point in node.points]
    if node.items:
        lines.append(f"{indent}items:")
        for item in node.items:
            lines += _item(item, indent + "  ")
    return lines


def _item(node: Node, indent: str) -> list[str]:
    """One list entry ``- title: …`` with its fields indented under it."""
    inner = indent + "  "
    fields: list[str] = []
    if node.title is not None and node.title.printed:
        fields.append(f"{inner}title: {scalar(node.title.printed)}")
    fields += _node_body(node, inner)
    if not fields:
        fields = [f"{inner}title: \"\""]
    first = fields[0]
    return [f"{indent}- {first[len(inner):]}"] + fields[1:]
