"""The one writer: the imported structure → the text of a YAML form an office worker can read and edit.

Keys come in the order of the built-in form (templates/report/form.yaml); text is
written as it was (the build normalizes punctuation), in literal blocks (``|``)
where it runs to several paragraphs, and as plain scalars wherever YAML reads them
back unchanged; everything else is double-quoted.
"""

from __future__ import annotations

import datetime
import json

import yaml

from draft.form.schema import PART_LABELS
from draft.importer.infer import UNIT_PLACEHOLDER
from draft.importer.model import ImportedNode, ImportedReport
from draft.text.names import YEAR

_INDICATORS = tuple("-?:,[]{}#&*!|>'\"%@`")
_PLACEHOLDER_TEXT = {
    "measures": "（原文没有这一部分，请填写本年度推进法治政府建设的主要举措和成效）",
    "shortcomings": "（原文没有这一部分，请填写存在的不足和原因）",
    "plans": "（原文没有这一部分，请填写下一年度推进法治政府建设的主要安排）",
}


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


def emit(report: ImportedReport, source_name: str, now: datetime.datetime) -> str:
    lines = [
        f"# 由 draft import 从 {source_name} 生成于 {now:%Y-%m-%d %H:%M}；请核对后再生成",
        "#",
        "# 这是去年报告的内容：请把各部分改写为本年度的情况，改好后运行  draft validate  检查，再运行  draft build  生成。",
        "# 编号（一、（一）1.（1））和“一是、二是”由程序生成；year 改了以后，没有写出的标题会自动用新的年份，",
        "# 写出来的标题（title）里如有年份，请自己改。",
    ]
    if report.notes:
        lines += ["#", "# 导入时不能确定、需要您核对的地方："]
        lines += [f"#   · {note}" for note in report.notes]
    lines.append("")
    if report.unit and report.unit != report.unit_hint:
        lines += ["# 单位名称", f"unit: {scalar(report.unit)}"]
    elif report.unit:
        lines += ["# 单位名称：原文只有简称，请改为单位全称（标题和落款都用它）", f"unit: {scalar(report.unit)}"]
    else:
        lines += ["# 单位名称：原文中没有写出，请把下面的占位文字改为单位全称（标题和落款都用它）", f"unit: {UNIT_PLACEHOLDER}"]
    year_note = f"  # 取自{report.year_from}" if report.year_from else "  # 原文中没有找到年度，请核对"
    lines += ["", "# 报告年度", f"year: {report.year}{year_note}"]
    if report.title and not report.default_title:
        lines += ["", "# 报告标题（原文的写法）" + ("；标题里的年份不会随 year 改变，请自己改" if YEAR.search(report.title) else "")]
        lines.append(f"title: {scalar(report.title)}")
    if report.recipient:
        lines += ["", "# 主送机关", f"recipient: {scalar(report.recipient)}"]
    if report.layout:
        lines += ["", "# 全文的排版选项：按原文的编号和写法，生成的报告与原文一致"]
        lines += _layout(report.layout, "")
    if report.intro:
        lines += ["", "# 开头段落"]
        lines += block("intro", report.intro, "")
    for part in report.parts:
        lines += ["", f"# {PART_LABELS[part.kind]}"]
        lines.append(f"{part.kind}:")
        empty = not (part.node.text or part.node.points or part.node.items)
        if not part.default_heading or empty:
            if YEAR.search(part.heading):
                lines.append("  # 原文的标题；其中的年份不会随 year 改变，请自己改")
            lines.append(f"  title: {scalar(part.heading)}")
        lines += _node_body(part.node, "  ")
    for kind in report.placeholders:
        lines += ["", f"# {PART_LABELS[kind]}（原文没有这一部分，请填写）", f"{kind}:"]
        lines.append(f"  text: {scalar(_PLACEHOLDER_TEXT[kind])}")
    if report.closing:
        lines += ["", "# 结束语"]
        lines.append("closing: true" if report.default_closing else f"closing: {scalar(report.closing)}")
    if report.signature:
        lines += ["", "# 落款单位", f"signature: {scalar(report.signature)}"]
    if report.date:
        lines += ["", "# 成文日期"]
        prefix = "# " if report.date_rejected else ""
        lines.append(f"{prefix}date: {report.date.isoformat()}")
    return "\n".join(lines) + "\n"


def _layout(layout: dict[str, str | bool], indent: str) -> list[str]:
    lines = [f"{indent}layout:"]
    for key in ("numbering", "title", "points", "continue_numbering"):
        if key in layout:
            value = layout[key]
            shown = "true" if value is True else scalar(str(value))
            lines.append(f"{indent}  {key}: {shown}")
    return lines


def _node_body(node: ImportedNode, indent: str) -> list[str]:
    """The fields of a node after its title: layout, text, points, items."""
    lines: list[str] = []
    if node.layout:
        lines += _layout(node.layout, indent)
    if node.text:
        lines += block("text", node.text, indent)
    if node.points:
        lines.append(f"{indent}points:")
        lines += [f"{indent}  - {scalar(point)}" for point in node.points]
    if node.items:
        lines.append(f"{indent}items:")
        for item in node.items:
            lines += _item(item, indent + "  ")
    return lines


def _item(node: ImportedNode, indent: str) -> list[str]:
    """One list entry ``- title: …`` with its fields indented under it."""
    inner = indent + "  "
    fields: list[str] = []
    if node.title:
        fields.append(f"{inner}title: {scalar(node.title)}")
    fields += _node_body(node, inner)
    if not fields:
        fields = [f"{inner}title: \"\""]
    first = fields[0]
    return [f"{indent}- {first[len(inner):]}"] + fields[1:]
