"""What a reader of a 政府信息公开工作年度报告 would question, beyond its arithmetic (which validation enforces).

* ``carried-over`` (warning, with last year's form: ``draft check --previous``): this year's
  二、上年结转 differs from last year's 四、结转下年度继续办理 in a column. The format does not
  state it (organs merge and split), so it is a warning, told at this year's figure.
* ``overview-too-long`` (warning): 一、总体情况 prints over 1000 characters; the format asks
  for "篇幅原则上不超过一千字" (国办公开办函〔2021〕30号).
* ``problems-repeated`` (warning, with last year's form): 五、存在的主要问题及改进情况 is
  last year's word for word; the format forbids "年年雷同".
* ``prescribed-heading`` (warning): a part's ``title`` differs from the heading the format
  prescribes (the part's label, which the template prints when the form writes none):
  五、存在的主要问题及改进措施 for 五、存在的主要问题及改进情况. A number typed before it is
  ``manual-numbering``'s to tell, and spaces do not count.
* ``published-total`` (warning): a total the form keeps as last year's report printed it
  (``published``, written by ``draft import`` where the source's totals did not add up) is not
  the sum draft prints. The build prints the sum; the check tells it again, at the kept figure.
"""

from __future__ import annotations

import re

from draft.check.context import Context, Finding
from draft.model.report import Report
from draft.problems import Severity
from draft.text.markers import read_marker

CARRIED_OVER = "carried-over"
OVERVIEW_TOO_LONG = "overview-too-long"
PROBLEMS_REPEATED = "problems-repeated"
PRESCRIBED_HEADING = "prescribed-heading"
PUBLISHED_TOTAL = "published-total"

#: 一、总体情况 "篇幅原则上不超过一千字".
MAX_OVERVIEW = 1000
_SPACE = re.compile(r"\s+")


def check(ctx: Context) -> list[Finding]:
    if ctx.kind.arithmetic is None:
        return []
    return _carried_over(ctx) + _overview_too_long(ctx) + _problems_repeated(ctx) + _headings(ctx) + _published_totals(ctx)


def _carried_over(ctx: Context) -> list[Finding]:
    from draft.model.figures import carried_over  # reports with figures only: the others never load decimal

    previous = ctx.previous
    arithmetic = ctx.kind.arithmetic
    if previous is None or previous.figures is None or arithmetic is None or ctx.report.figures is None:
        return []
    findings = []
    for path, now, then in carried_over(arithmetic, ctx.report.figures, previous.figures):
        field = arithmetic.field(path)
        typed = ctx.report.figures[path].typed
        findings.append(
            ctx.finding(
                CARRIED_OVER,
                Severity.WARNING,
                path,
                f"{field.label}写的是 {now}，而{previous.year}年度报告的“四、结转下年度继续办理”是 {then}。"
                "上年结转的申请通常就是上一年度结转下年度的申请。",
                fix="核对两年的数字；机构合并、拆分等原因造成不同的，可以不改",
                mark=ctx.source.mark(path) if typed else ctx.source.key_mark(path[:-1]),
            )
        )
    return findings


def _published_totals(ctx: Context) -> list[Finding]:
    from draft.form.load import format_field
    from draft.kinds.groups import published_path
    from draft.model.figures import as_number

    arithmetic, figures = ctx.kind.arithmetic, ctx.report.figures
    if arithmetic is None or figures is None:
        return []
    findings = []
    for rule in arithmetic.sums:
        kept = published_path(rule.total)
        written = ctx.source.scalar_text(kept)
        if written is None:
            continue
        field = arithmetic.field(rule.total)
        printed, summed = as_number(float(written), field.decimal, written), figures[rule.total].value
        if printed == summed:
            continue
        finding = ctx.finding(
            PUBLISHED_TOTAL,
            Severity.WARNING,
            rule.total,
            f"原文印的{field.label}是 {printed}，而{rule.terms_name}是 {summed}，不符合“{rule.rule}”；表格按 {summed} 印出。",
            fix="核对原文的各项数字；表格的数字无误的话，删去 published 下的这一行",
            mark=ctx.source.mark(kept),
        )
        findings.append(finding._replace(field=format_field(kept)))
    return findings


def _printed(report: Report, key: str) -> str:
    """Everything a text part prints (titles, paragraphs, points), spaces left out."""
    part = next((part for part in report.parts if part.kind == key), None)
    if part is None:
        return ""
    texts = [text.printed for node in part.node.walk() for text in ([node.title] if node.title else []) + node.paragraphs + node.points]
    return _SPACE.sub("", "".join(texts))


def _overview_too_long(ctx: Context) -> list[Finding]:
    length = len(_printed(ctx.report, "overview"))
    if length <= MAX_OVERVIEW:
        return []
    return [
        _at_part(ctx, OVERVIEW_TOO_LONG, "overview", f"总体情况共 {length} 字，超过了格式要求的“篇幅原则上不超过一千字”。",
                 "精简各方面的综述，具体数字留在后面的表格里")
    ]


def _problems_repeated(ctx: Context) -> list[Finding]:
    if ctx.previous is None:
        return []
    now, then = _printed(ctx.report, "problems"), _printed(ctx.previous, "problems")
    if not now or now != then:
        return []
    message = (
        f"存在的主要问题及改进情况与{ctx.previous.year}年度报告一字不差。"
        "格式要求查找问题要有针对性，“不得出现敷衍了事甚至年年雷同现象”。"
    )
    return [_at_part(ctx, PROBLEMS_REPEATED, "problems", message, "按本年度的实际情况重写问题和改进举措")]


def _at_part(ctx: Context, code: str, key: str, message: str, fix: str) -> Finding:
    """A warning about a whole part, told where its field starts."""
    return ctx.finding(code, Severity.WARNING, (key,), message, fix=fix, mark=ctx.source.key_mark((key,)))


def _headings(ctx: Context) -> list[Finding]:
    findings = []
    for part in ctx.report.parts:
        title = part.node.title
        if title is None or part.table is not None:
            continue
        prescribed = ctx.kind.part(part.kind).label
        marker = read_marker(title.printed, 0)
        written = _SPACE.sub("", title.printed[len(marker.spelled) if marker else 0 :])
        if written and written != prescribed:
            findings.append(
                ctx.finding(
                    PRESCRIBED_HEADING,
                    Severity.WARNING,
                    title.path,
                    f"这一部分的标题写的是“{written}”，政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
                    f"规定的标题是“{prescribed}”。",
                    fix=f"删掉这一行 title:，程序会印格式规定的标题“{prescribed}”",
                    mark=ctx.at(title, 0),
                )
            )
    return findings
