"""What ``draft import`` prints: what it found, how it laid it out, and every place it was unsure."""

from __future__ import annotations

from draft.form.schema import PART_LABELS
from draft.importer.infer import UNIT_PLACEHOLDER
from draft.importer.model import ImportedNode, ImportedReport
from draft.model.numbering import chinese_numeral

_LAYOUT_WORDS = {
    "title": {"own-line": "标题单独成行", "run-in": "标题与正文同段"},
    "points": {"inline": "“一是、二是”连成一段", "paragraphs": "“一是、二是”每点单独成段"},
}


def describe_layout(layout: dict[str, str | bool]) -> str:
    words = []
    if "numbering" in layout:
        words.append(f"下级编号用“{layout['numbering']}”")
    for key in ("title", "points"):
        if key in layout:
            words.append(_LAYOUT_WORDS[key][str(layout[key])])
    if layout.get("continue_numbering"):
        words.append("下下级编号跨条目连续")
    return "，".join(words)


def _counts(node: ImportedNode) -> str:
    found = []
    if node.text:
        found.append(f"正文 {len(node.text)} 段")
    if node.points:
        found.append(f"要点 {len(node.points)} 条")
    if node.items:
        total = node.count_items()
        found.append(f"条目 {len(node.items)} 条" + (f"（连同下级共 {total} 条）" if total > len(node.items) else ""))
    points = _points_below(node)
    if points:
        found.append(f"下级条目中的要点 {points} 条")
    return "，".join(found) or "没有内容"


def _points_below(node: ImportedNode) -> int:
    return sum(len(item.points) + _points_below(item) for item in node.items)


def _overrides(node: ImportedNode) -> int:
    return sum(bool(item.layout) + _overrides(item) for item in node.items)


def summarize(report: ImportedReport, source: str) -> list[str]:
    lines = [f"从 {source} 读出："]
    if report.title:
        omitted = "（与默认标题相同，表单中不写出）" if report.default_title else ""
        lines.append(f"  标题：{report.title}{omitted}")
    else:
        lines.append("  标题：原文没有标题，生成时使用默认标题")
    unit = report.unit or f"{UNIT_PLACEHOLDER}（没有找到，请填写）"
    lines.append(f"  单位：{unit}" + (f"（取自{report.unit_from}）" if report.unit_from else ""))
    lines.append(f"  年度：{report.year}" + (f"（取自{report.year_from}）" if report.year_from else "（没有找到，请核对）"))
    if report.recipient:
        lines.append(f"  主送机关：{report.recipient}")
    lines.append(f"  开头段落：{len(report.intro)} 段" if report.intro else "  开头段落：无")
    for number, part in enumerate(report.parts, 1):
        heading = "默认标题" if part.default_heading else part.heading
        lines.append(f"  {chinese_numeral(number)}、{heading} → {part.kind}（{PART_LABELS[part.kind]}）：{_counts(part.node)}")
        own = describe_layout(part.node.layout)
        if own:
            lines.append(f"      本部分排版：{own}")
        overrides = _overrides(part.node)
        if overrides:
            lines.append(f"      另有 {overrides} 个条目单独设置了排版（见表单中的 layout）")
    for kind in report.placeholders:
        lines.append(f"  {kind}（{PART_LABELS[kind]}）：原文没有，已留占位文字")
    if report.closing:
        lines.append(f"  结束语：{report.closing}")
    if report.signature or report.date:
        lines.append(f"  落款：{report.signature or '（无）'}　{report.date_text or ''}".rstrip())
    layout = describe_layout(report.layout)
    lines.append(f"  排版：{layout}" if layout else "  排版：按公文常规（（一）级标题单独成行，1. 级标题与正文同段，要点连成一段）")
    if report.notes:
        lines.append(f"需要核对的地方（{len(report.notes)} 处）：")
        lines += [f"  · {note}" for note in report.notes]
    else:
        lines.append("没有不确定的地方。")
    return lines
