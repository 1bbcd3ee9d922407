"""What ``draft import`` prints: what it found, how it laid it out, and every place it was unsure."""

from __future__ import annotations

from draft.form.write import note_line
from draft.importer.infer import UNIT_PLACEHOLDER
from draft.importer.model import Imported
from draft.kinds import DEFAULT, all_kinds, find
from draft.model.numbering import MarkerStyle, chinese_numeral
from draft.model.report import Layout, Node
from draft.model.resolve import default_points_placement, default_title_placement


def describe_layout(layout: Layout) -> str:
    words = []
    if layout.numbering:
        words.append(f"下级编号用“{layout.numbering.value}”")
    if layout.title:
        words.append(layout.title.words)
    if layout.points:
        words.append(layout.points.words)
    if layout.continue_numbering:
        words.append("下下级编号跨条目连续")
    if layout.items_as_parts:
        words.append("条目排成部分（一、二、……）")
    return "，".join(words)


def _counts(node: Node) -> str:
    found = []
    if node.paragraphs:
        found.append(f"正文 {len(node.paragraphs)} 段")
    if node.points:
        found.append(f"要点 {len(node.points)} 条")
    if node.items:
        total = sum(1 for _ in node.walk()) - 1
        found.append(f"条目 {len(node.items)} 条" + (f"（连同下级共 {total} 条）" if total > len(node.items) else ""))
    points = sum(len(item.points) for item in node.walk()) - len(node.points)
    if points:
        found.append(f"下级条目中的要点 {points} 条")
    return "，".join(found) or "没有内容"


def _overrides(node: Node) -> int:
    return sum(item.layout != Layout() for item in node.walk()) - (node.layout != Layout())


def _defaults() -> str:
    """The layout a form gets when it says none, in words: as :mod:`draft.model.resolve` decides it."""
    words = []
    for style in (MarkerStyle.CHINESE_PAREN, MarkerStyle.ARABIC_DOT):
        marker = style.marker(1) + (" " if style.marker(1).endswith(".") else "")
        words.append(f"{marker}级{default_title_placement(style).words}")
    return "，".join(words + [default_points_placement().words.replace("“一是、二是”", "要点")])


def summarize(imported: Imported, source: str) -> list[str]:
    report = imported.report
    lines = [f"从 {source} 读出："]
    if imported.source_title:
        omitted = "" if report.title else "（与默认标题相同，表单中不写出）"
        lines.append(f"  标题：{imported.source_title}{omitted}")
    else:
        lines.append("  标题：原文没有标题，生成时使用默认标题")
    unit = report.unit.printed if imported.unit_from else f"{UNIT_PLACEHOLDER}（没有找到，请填写）"
    lines.append(f"  单位：{unit}" + (f"（取自{imported.unit_from}）" if imported.unit_from else ""))
    lines.append(f"  年度：{report.year}" + (f"（取自{imported.year_from}）" if imported.year_from else "（没有找到，请核对）"))
    if report.recipient:
        lines.append(f"  主送机关：{report.recipient.printed}")
    lines.append(f"  开头段落：{len(report.intro)} 段" if report.intro else "  开头段落：无")
    sourced = [part for part in report.parts if part.kind not in imported.placeholders]
    kind = find(report.kind) or all_kinds()[DEFAULT]
    tables = {spec.key for spec in kind.parts if spec.table is not None}
    number = 1  # as the build numbers them: the items of a part printed as parts count as parts
    for part in sourced:
        node = part.node
        heading = node.title.printed if node.title else "默认标题"
        marker = f"{chinese_numeral(number)}、"
        if node.layout.items_as_parts and len(node.items) > 1:
            marker += f"至{chinese_numeral(number + len(node.items) - 1)}、"
            heading = "各项工作（条目排成部分）"
        elif node.layout.items_as_parts and node.items and node.items[0].title:
            heading = node.items[0].title.printed
        number += len(node.items) if node.layout.items_as_parts else 1
        if part.kind in tables:
            figures = sum(1 for path in imported.figures if path[0] == part.kind)
            read = sum(1 for path in imported.figures_read if path[0] == part.kind and path in imported.figures)
            unread = f"，另有 {figures - read} 个原文没有或空白，按 0" if read < figures else ""
            counts = f"表格，读出 {read} 个数字{unread}（总计由 draft 计算）"
        else:
            counts = _counts(node)
        lines.append(f"  {marker}{heading} → {part.kind}（{kind.labels[part.kind]}）：{counts}")
        own = describe_layout(part.node.layout)
        if own:
            lines.append(f"      本部分排版：{own}")
        overrides = _overrides(part.node)
        if overrides:
            lines.append(f"      另有 {overrides} 个条目单独设置了排版（见表单中的 layout）")
    for key in imported.placeholders:
        lines.append(f"  {key}（{kind.labels[key]}）：原文没有，已留占位文字")
    if imported.source_closing:
        lines.append(f"  结束语：{imported.source_closing}")
    if report.signature or report.date:
        signature = report.signature.printed if report.signature else "（无）"
        lines.append(f"  落款：{signature}　{imported.date_text or ''}".rstrip())
    layout = describe_layout(report.layout)
    lines.append(f"  排版：{layout}" if layout else f"  排版：按公文常规（{_defaults()}）")
    if imported.notes:
        lines.append(f"需要核对的地方（{len(imported.notes)} 处）：")
        lines += [f"  · {note_line(note)}" for note in imported.notes]
    else:
        lines.append("没有不确定的地方。")
    return lines
